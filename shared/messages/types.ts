/** The two languages every user-facing text exists in. */
export const LOCALES = ['zh-CN', 'en'] as const;
/** A supported locale. */
export type Locale = (typeof LOCALES)[number];
/** One text in both languages; `{name}` placeholders are filled by {@link format}. */
export type Text = Readonly<Record<Locale, string>>;
/** A section of the catalogue: stable key → text in both languages. */
export type Catalogue = Readonly<Record<string, Text>>;

/** Fills `{name}` placeholders in a text. Unknown placeholders are left as they are. */
export function format(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
