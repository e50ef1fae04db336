/**
 * Fields of expertise and industries the expert pool uses by default: the 20
 * sections (门类) of GB/T 4754-2017 国民经济行业分类, letter → name.
 */
export const GBT4754_SECTIONS = {
  A: { 'zh-CN': '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  B: { 'zh-CN': '采矿业', en: 'Mining' },
  C: { 'zh-CN': '制造业', en: 'Manufacturing' },
  D: { 'zh-CN': '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water supply' },
  E: { 'zh-CN': '建筑业', en: 'Construction' },
  F: { 'zh-CN': '批发和零售业', en: 'Wholesale and retail trade' },
  G: { 'zh-CN': '交通运输、仓储和邮政业', en: 'Transport, storage and postal services' },
  H: { 'zh-CN': '住宿和餐饮业', en: 'Accommodation and catering' },
  I: { 'zh-CN': '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
  J: { 'zh-CN': '金融业', en: 'Finance' },
  K: { 'zh-CN': '房地产业', en: 'Real estate' },
  L: { 'zh-CN': '租赁和商务服务业', en: 'Leasing and business services' },
  M: { 'zh-CN': '科学研究和技术服务业', en: 'Scientific research and technical services' },
  N: { 'zh-CN': '水利、环境和公共设施管理业', en: 'Water, environment and public facilities management' },
  O: { 'zh-CN': '居民服务、修理和其他服务业', en: 'Resident, repair and other services' },
  P: { 'zh-CN': '教育', en: 'Education' },
  Q: { 'zh-CN': '卫生和社会工作', en: 'Health and social work' },
  R: { 'zh-CN': '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  S: { 'zh-CN': '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organisations' },
  T: { 'zh-CN': '国际组织', en: 'International organisations' },
} as const;

/** A section letter of GB/T 4754-2017. */
export type IndustrySection = keyof typeof GBT4754_SECTIONS;

/** The section letters, A to T. */
export const INDUSTRY_SECTIONS = Object.keys(GBT4754_SECTIONS) as IndustrySection[];

/** A section as people read it: its letter and its name in `locale` (`C 制造业`); anything else as it is. */
export function industrySectionName(section: string, locale: 'zh-CN' | 'en'): string {
  return section in GBT4754_SECTIONS ? `${section} ${GBT4754_SECTIONS[section as IndustrySection][locale]}` : section;
}

/** The section a cell names: its letter (`C`), its Chinese name (`制造业`) or its English name, any case; undefined otherwise. */
export function industrySectionOf(value: string): IndustrySection | undefined {
  const v = value.trim();
  if (/^[A-Ta-t]$/.test(v)) return v.toUpperCase() as IndustrySection;
  const lower = v.toLowerCase();
  return INDUSTRY_SECTIONS.find((s) => GBT4754_SECTIONS[s]['zh-CN'] === v || GBT4754_SECTIONS[s].en.toLowerCase() === lower);
}
