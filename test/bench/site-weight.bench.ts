/**
 * What each page of the site downloads before it shows (issue 11): the site is
 * built into a scratch folder exactly as `npm run build` builds it, and for
 * each page the chunks it loads first are followed through Vite's manifest
 * (web/dist/.vite/manifest.json): index.html, the entry's static imports, and
 * the chunks of the modules the page's route renders with their static
 * imports, JS and CSS, each gzipped as CloudFront serves it. Which chunk holds
 * a module is read from the chunks' source maps, so a page rendered from the
 * entry itself (no lazy hop) is measured as well as a lazily loaded one.
 * Budgets: a public page ≤ 20 KB gzip, a work area ≤ 45 KB gzip, in either
 * language (each part's texts load in the reader's language only, as chunks the
 * part's code imports when it loads, web/src/language.ts; both are counted).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../../infra/bundling';
import { measurement, type Measurement, type Suite } from './harness';

const PUBLIC_BUDGET_KB = 20;
const AREA_BUDGET_KB = 45;

/** A page and the modules (relative to web/) its route renders first, beside what the entry renders. */
interface Page {
  readonly name: string;
  readonly budgetKb: number;
  readonly modules: readonly string[];
}

// The routes of web/src/App.tsx, and the pages an area opens by itself (the outcome page, a chain).
const PAGES: readonly Page[] = [
  { name: 'home /', budgetKb: PUBLIC_BUDGET_KB, modules: ['src/public/Home.tsx'] },
  { name: 'sign-in /sign-in', budgetKb: PUBLIC_BUDGET_KB, modules: ['src/public/SignIn.tsx'] },
  { name: 'link landing /auth', budgetKb: PUBLIC_BUDGET_KB, modules: ['src/public/LinkLanding.tsx'] },
  { name: 'notice /notices/:roundId', budgetKb: PUBLIC_BUDGET_KB, modules: ['src/public/notice/NoticePage.tsx'] },
  { name: 'programme /programmes/:programmeId', budgetKb: PUBLIC_BUDGET_KB, modules: ['src/portal/ProgrammePage.tsx'] },
  { name: 'call /calls/:roundId', budgetKb: PUBLIC_BUDGET_KB, modules: ['src/portal/CallPage.tsx'] },
  { name: 'command-line check /verify/:roundId', budgetKb: PUBLIC_BUDGET_KB, modules: ['src/portal/VerifyPage.tsx'] },
  { name: 'certificate check /check', budgetKb: PUBLIC_BUDGET_KB, modules: ['src/public/check/CheckPage.tsx'] },
  { name: 'certificate /certificates/:applicationId', budgetKb: AREA_BUDGET_KB, modules: ['src/certificate/CertificatePage.tsx'] },
  { name: 'feedback report /feedback/:applicationId', budgetKb: AREA_BUDGET_KB, modules: ['src/feedback/FeedbackPage.tsx'] },
  { name: 'feedback reports /feedback/rounds/:roundId', budgetKb: AREA_BUDGET_KB, modules: ['src/feedback/RoundFeedbackPage.tsx'] },
  { name: 'apply /apply', budgetKb: AREA_BUDGET_KB, modules: ['src/apply/ApplyArea.tsx'] },
  { name: 'review /review', budgetKb: AREA_BUDGET_KB, modules: ['src/review/ReviewArea.tsx', 'src/review/AssignmentList.tsx'] },
  { name: 'admin /admin', budgetKb: AREA_BUDGET_KB, modules: ['src/admin/AdminArea.tsx'] },
  { name: 'operator /operator', budgetKb: AREA_BUDGET_KB, modules: ['src/operator/OperatorArea.tsx'] },
  { name: 'rounds /admin/rounds', budgetKb: AREA_BUDGET_KB, modules: ['src/admin/rounds/RoundsArea.tsx'] },
  { name: 'office /office', budgetKb: AREA_BUDGET_KB, modules: ['src/office/OfficeArea.tsx', 'src/office/ApplicationList.tsx'] },
  { name: 'application /office/:applicationId', budgetKb: AREA_BUDGET_KB, modules: ['src/office/OfficeArea.tsx', 'src/office/ApplicationDetail.tsx'] },
  { name: 'review board /office/rounds/:roundId', budgetKb: AREA_BUDGET_KB, modules: ['src/office/OfficeArea.tsx', 'src/office/rounds/RoundBoard.tsx'] },
  { name: 'outcome /office/rounds/:roundId/outcome', budgetKb: AREA_BUDGET_KB, modules: ['src/office/OfficeArea.tsx', 'src/outcome/OutcomePage.tsx'] },
  { name: 'supervise /supervise', budgetKb: AREA_BUDGET_KB, modules: ['src/supervise/SuperviseArea.tsx', 'src/supervise/ChainList.tsx'] },
  { name: 'chain /supervise/:scope', budgetKb: AREA_BUDGET_KB, modules: ['src/supervise/SuperviseArea.tsx', 'src/supervise/ChainView.tsx'] },
  { name: 'round /supervise/rounds/:roundId', budgetKb: AREA_BUDGET_KB, modules: ['src/supervise/SuperviseArea.tsx', 'src/supervise/reviews/RoundReviews.tsx'] },
  { name: 'outcome /supervise/rounds/:roundId/outcome', budgetKb: AREA_BUDGET_KB, modules: ['src/supervise/SuperviseArea.tsx', 'src/outcome/OutcomePage.tsx'] },
  { name: 'summary /summaries/:roundId', budgetKb: PUBLIC_BUDGET_KB, modules: ['src/public/summary/SummaryPage.tsx'] },
  { name: 'report /office/rounds/:roundId/report', budgetKb: AREA_BUDGET_KB, modules: ['src/office/OfficeArea.tsx', 'src/ui/report/ReportPage.tsx'] },
  { name: 'papers /office/rounds/:roundId/papers', budgetKb: AREA_BUDGET_KB, modules: ['src/office/OfficeArea.tsx', 'src/ui/report/CommitteePapers.tsx'] },
  { name: 'report /supervise/rounds/:roundId/report', budgetKb: AREA_BUDGET_KB, modules: ['src/supervise/SuperviseArea.tsx', 'src/ui/report/ReportPage.tsx'] },
];

interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}
type Manifest = Readonly<Record<string, ManifestChunk>>;

/** A built site, read: gzip size of each file, the manifest, and which chunk file holds each source module. */
export interface BuiltSite {
  readonly manifest: Manifest;
  readonly entryKey: string;
  /** source module (relative to web/) → manifest key of the chunk holding it */
  readonly chunkOf: ReadonlyMap<string, string>;
  gzipBytes(file: string): number;
}

/** Reads a site built into `dist` (its manifest and source maps). */
export function readSite(dist: string): BuiltSite {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
  const chunkOf = new Map<string, string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.file.endsWith('.js')) continue;
    const mapFile = join(dist, `${chunk.file}.map`);
    if (!existsSync(mapFile)) continue; // the bundler's own runtime has no sources
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[] };
    const mapDir = join(dist, chunk.file, '..');
    for (const source of map.sources) {
      const absolute = resolve(mapDir, source);
      const web = resolve(REPO_ROOT, 'web');
      if (absolute.startsWith(`${web}/`)) chunkOf.set(absolute.slice(web.length + 1), key);
    }
  }
  const sizes = new Map<string, number>();
  return {
    manifest,
    entryKey,
    chunkOf,
    gzipBytes(file) {
      if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(join(dist, file))).length);
      return sizes.get(file)!;
    },
  };
}

/** The files a page loads first: index.html, then every chunk (with its CSS) statically reachable from the entry and the page's modules. */
export function firstLoad(site: BuiltSite, modules: readonly string[]): string[] {
  const files = new Set<string>(['index.html']);
  const visit = (key: string) => {
    const chunk = site.manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(site.entryKey);
  for (const module of modules) {
    const key = site.chunkOf.get(module);
    if (!key) throw new Error(`no chunk of the built site holds ${module}`);
    visit(key);
  }
  return [...files];
}

/**
 * The texts a page loads besides its code, in one language: the chunks its chunks import dynamically for that
 * language as they load (web/src/language.ts): `src/texts/*.en.ts` in English, and in Chinese what the build splits
 * off each part's texts module (`src/texts/*.ts?zh-texts`, web/catalogue-texts.ts).
 */
export function textsLoad(site: BuiltSite, files: readonly string[], locale: 'zh-CN' | 'en'): string[] {
  const pattern = locale === 'en' ? /^src\/texts\/.*\.en\.ts$/ : /^src\/texts\/.*\.ts\?zh-texts$/;
  const extra = new Set<string>();
  const visit = (key: string) => {
    const chunk = site.manifest[key];
    if (!chunk || files.includes(chunk.file) || extra.has(chunk.file)) return;
    extra.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const chunk of Object.values(site.manifest)) {
    if (!files.includes(chunk.file)) continue;
    for (const key of chunk.dynamicImports ?? []) if (pattern.test(key)) visit(key);
  }
  return [...extra];
}

/** What a reader who chose English loads besides the page's code. */
export const englishLoad = (site: BuiltSite, files: readonly string[]) => textsLoad(site, files, 'en');

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

export const suites: Suite[] = [
  {
    name: 'site first load',
    async measure() {
      const dist = mkdtempSync(join(tmpdir(), 'merit-bench-site-'));
      try {
        const { build } = await import('vite');
        await build({ configFile: resolve(REPO_ROOT, 'web/vite.config.ts'), logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
        const site = readSite(dist);
        const results: Measurement[] = [];
        for (const page of PAGES) {
          const files = firstLoad(site, page.modules);
          const bytes = files.reduce((sum, f) => sum + site.gzipBytes(f), 0);
          const chinese = textsLoad(site, files, 'zh-CN');
          const chineseBytes = chinese.reduce((sum, f) => sum + site.gzipBytes(f), 0);
          const english = textsLoad(site, files, 'en');
          const englishBytes = english.reduce((sum, f) => sum + site.gzipBytes(f), 0);
          results.push(
            measurement(`${page.name}: first load`, kb(bytes + chineseBytes), 'KB gzip', page.budgetKb, {
              detail: `${files.length + chinese.length} files, texts ${kb(chineseBytes)} KB`,
            }),
            measurement(`${page.name}: first load in English`, kb(bytes + englishBytes), 'KB gzip', page.budgetKb, {
              detail: `${files.length + english.length} files, texts ${kb(englishBytes)} KB`,
            }),
          );
        }
        return results;
      } finally {
        rmSync(dist, { recursive: true, force: true });
      }
    },
  },
];
