import { pinyin } from 'pinyin-pro';

/**
 * Pinyin order of names as people read them. ICU's pinyin collation
 * (Intl.Collator('zh-CN')) reads every character alone, so the polyphonic
 * characters of place and organisation names take a wrong reading: 重庆 sorts
 * under Z, 长沙 under Z, 厦门 under S, 银行 reads 行 as xing. pinyin-pro reads
 * words with its phrase dictionary (chóng qìng, cháng shā, xià mén, yín háng,
 * bèng bù, lù ān). It is large (its dictionary), so it is imported only where
 * names are sorted, and lazily there.
 */

/** One read syllable (or a run of other characters) of a name. */
interface Token {
  readonly text: string;
  readonly tone: number;
}

const latin = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The reading of a name: its syllables without tones, with the tones kept apart; other characters as they are. */
export function readingOf(name: string): readonly Token[] {
  return pinyin(name.normalize('NFKC'), { type: 'all', toneType: 'none', nonZh: 'consecutive' })
    .filter((p) => p.origin.trim() !== '')
    .map((p) => (p.isZh ? { text: p.pinyin, tone: p.num } : { text: p.origin.trim().toLowerCase(), tone: 0 }));
}

function compareReadings(a: readonly Token[], b: readonly Token[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    // Syllable by syllable ("xi an" before "xian"); numbers as numbers (applicant2 before applicant10).
    const c = latin.compare(a[i]!.text, b[i]!.text);
    if (c !== 0) return c;
  }
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < n; i++) if (a[i]!.tone !== b[i]!.tone) return a[i]!.tone - b[i]!.tone;
  return 0;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Readings already made, so a sort reads each name once (bounded: cleared when full).
const readings = new Map<string, readonly Token[]>();
function cachedReading(name: string): readonly Token[] {
  let reading = readings.get(name);
  if (!reading) {
    if (readings.size >= 10_000) readings.clear();
    reading = readingOf(name);
    readings.set(name, reading);
  }
  return reading;
}

/** Compares two names in pinyin order (then tone, then character by character, so the order is total). */
export function comparePinyin(a: string, b: string): number {
  return compareReadings(cachedReading(a), cachedReading(b)) || byCodePoint(a, b);
}

/** A copy of `items` sorted by name in pinyin order, each name read once; `then` breaks ties between equal names. */
export function sortByPinyin<T>(items: readonly T[], nameOf: (item: T) => string, then: (a: T, b: T) => number = () => 0): T[] {
  const keyed = items.map((item) => ({ item, name: nameOf(item), reading: readingOf(nameOf(item)) }));
  keyed.sort((a, b) => compareReadings(a.reading, b.reading) || byCodePoint(a.name, b.name) || then(a.item, b.item));
  return keyed.map((k) => k.item);
}
