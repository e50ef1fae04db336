import type { Band, Category, Criteria, CriteriaItem, ItemKind } from './types';

// Builds one category of the catalogue; the items carry their category id so an item read alone still knows where it belongs.
function category(
  id: Category['id'],
  points: number,
  kind: ItemKind,
  zh: string,
  en: string,
  items: readonly (readonly [CriteriaItem['id'], number, string, string])[],
): Category {
  return {
    id,
    points,
    kind,
    name: { 'zh-CN': zh, en },
    items: items.map(([itemId, itemPoints, itemZh, itemEn]) => ({
      id: itemId,
      categoryId: id,
      points: itemPoints,
      kind,
      name: { 'zh-CN': itemZh, en: itemEn },
    })),
  };
}

const categories: readonly Category[] = [
  category('4.1', 110, 'process', '领导', 'Leadership', [
    ['4.1.2', 50, '高层领导的作用', 'Role of senior leaders'],
    ['4.1.3', 30, '组织治理', 'Organisational governance'],
    ['4.1.4', 30, '社会责任', 'Social responsibility'],
  ]),
  category('4.2', 90, 'process', '战略', 'Strategy', [
    ['4.2.2', 40, '战略制定', 'Strategy development'],
    ['4.2.3', 50, '战略部署', 'Strategy deployment'],
  ]),
  category('4.3', 90, 'process', '顾客与市场', 'Customers and market', [
    ['4.3.2', 40, '顾客和市场的了解', 'Customer and market knowledge'],
    ['4.3.3', 50, '顾客关系与顾客满意', 'Customer relationships and satisfaction'],
  ]),
  category('4.4', 130, 'process', '资源', 'Resources', [
    ['4.4.2', 60, '人力资源', 'Human resources'],
    ['4.4.3', 15, '财务资源', 'Financial resources'],
    ['4.4.4', 20, '信息和知识资源', 'Information and knowledge resources'],
    ['4.4.5', 15, '技术资源', 'Technology resources'],
    ['4.4.6', 10, '基础设施', 'Infrastructure'],
    ['4.4.7', 10, '相关方关系', 'Stakeholder relationships'],
  ]),
  category('4.5', 100, 'process', '过程管理', 'Process management', [
    ['4.5.2', 50, '过程的识别与设计', 'Process identification and design'],
    ['4.5.3', 50, '过程的实施与改进', 'Process implementation and improvement'],
  ]),
  category('4.6', 80, 'process', '测量、分析与改进', 'Measurement, analysis and improvement', [
    ['4.6.2', 40, '测量、分析和评价', 'Measurement, analysis and evaluation'],
    ['4.6.3', 40, '改进与创新', 'Improvement and innovation'],
  ]),
  category('4.7', 400, 'results', '结果', 'Results', [
    ['4.7.2', 80, '产品和服务结果', 'Product and service results'],
    ['4.7.3', 80, '顾客与市场结果', 'Customer and market results'],
    ['4.7.4', 80, '财务结果', 'Financial results'],
    ['4.7.5', 60, '资源结果', 'Resource results'],
    ['4.7.6', 50, '过程有效性结果', 'Process effectiveness results'],
    ['4.7.7', 50, '领导方面的结果', 'Leadership results'],
  ]),
];

// The six scoring bands of GB/T 19580-2012 (ADLI for process items, LeTCI for results items).
const bands: readonly Band[] = [
  {
    level: 1,
    minPercent: 0,
    maxPercent: 5,
    process: {
      'zh-CN': '没有系统的方法，仅有零星的信息；被动应对问题。',
      en: 'No systematic approach; anecdotal information; reactive.',
    },
    results: {
      'zh-CN': '没有结果或结果很差；没有趋势或比较信息。',
      en: 'No or poor results; no trends or comparisons.',
    },
  },
  {
    level: 2,
    minPercent: 10,
    maxPercent: 25,
    process: {
      'zh-CN': '开始有应对基本要求的系统方法；展开处于早期阶段。',
      en: 'The beginning of a systematic approach to the basic requirements; early deployment.',
    },
    results: {
      'zh-CN': '少数方面有早期的良好结果；很少有趋势或比较数据。',
      en: 'A few early good results; little trend or comparison data.',
    },
  },
  {
    level: 3,
    minPercent: 30,
    maxPercent: 45,
    process: {
      'zh-CN': '有应对基本要求的有效、系统的方法；开始改进。',
      en: 'An effective, systematic approach to the basic requirements; improvement beginning.',
    },
    results: {
      'zh-CN': '许多方面有良好的绩效水平；开始有趋势和比较数据。',
      en: 'Good performance levels in many areas; trends and comparisons beginning.',
    },
  },
  {
    level: 4,
    minPercent: 50,
    maxPercent: 65,
    process: {
      'zh-CN': '有应对总体要求的有效、系统的方法；展开良好；基于事实进行改进。',
      en: 'An effective, systematic approach to the overall requirements; well deployed; fact-based improvement.',
    },
    results: {
      'zh-CN': '大多数方面绩效水平良好或趋势向好；关键领域没有不利的模式。',
      en: 'Good levels or improving trends in most areas; no adverse pattern in key areas.',
    },
  },
  {
    level: 5,
    minPercent: 70,
    maxPercent: 85,
    process: {
      'zh-CN': '满足多方面要求；没有明显差距；学习与创新成为管理工具；方法已整合。',
      en: 'Meets multiple requirements; no significant gaps; learning and innovation are management tools; integrated.',
    },
    results: {
      'zh-CN': '良好至卓越的绩效水平，趋势持续向好，在许多比较中处于领先。',
      en: 'Good-to-excellent levels, sustained trends, leadership in many comparisons.',
    },
  },
  {
    level: 6,
    minPercent: 90,
    maxPercent: 100,
    process: {
      'zh-CN': '完全满足多方面要求；全面展开；全组织范围的创新。',
      en: 'Fully meets multiple requirements; fully deployed; organisation-wide innovation.',
    },
    results: {
      'zh-CN': '卓越的绩效水平和趋势；处于标杆领先地位；全面覆盖关键要求。',
      en: 'Excellent levels and trends; benchmark leadership; key requirements fully covered.',
    },
  },
];

/**
 * GB/T 19580-2012 《卓越绩效评价准则》 with the points of GB/Z 19579-2012,
 * Appendix A: 7 categories, 23 scored items, 1,000 points (600 process, 400
 * results), and the six scoring bands.
 */
export const GBT19580_2012 = {
  edition: 'GB/T 19580-2012',
  name: { 'zh-CN': '卓越绩效评价准则（GB/T 19580-2012）', en: 'Criteria for performance excellence (GB/T 19580-2012)' },
  totalPoints: 1000,
  categories,
  items: categories.flatMap((c) => c.items),
  bands,
} as const satisfies Criteria;
