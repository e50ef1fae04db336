/** The two languages every user-facing text exists in. */
export const LOCALES = ['zh-CN', 'en'] as const;
/** A supported locale. */
export type Locale = (typeof LOCALES)[number];
/** One text in both languages; `{name}` placeholders are filled by {@link format}. */
export type Text = Readonly<Record<Locale, string>>;
/** A section of the catalogue: stable key → text in both languages. */
export type Catalogue = Readonly<Record<string, Text>>;

/**
 * Fills `{name}` placeholders in a text. `{name:one|other}` picks a word by
 * the number `name` holds (`{count} {count:entry|entries}` → "1 entry",
 * "25 entries"), for languages that inflect; Chinese needs none. Unknown
 * placeholders are left as they are.
 */
export function format(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name]!;
    return one === undefined ? String(value) : Number(value) === 1 ? one : (other ?? '');
  });
}
