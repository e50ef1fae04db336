/**
 * What a page of the site loads first, chunk by chunk (not a benchmark: `npx tsx test/bench/why-site.mts [home,apply,…]`,
 * EN=1 counts the English texts instead of the Chinese, MODS=1 lists the biggest modules of each chunk, as rendered before minification). Same pages and rules as
 * site-weight.bench.ts, whose readSite/firstLoad it uses.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../../infra/bundling';
import { readSite, firstLoad, textsLoad } from './site-weight.bench';
const dist = mkdtempSync(join(tmpdir(), 'merit-why-site-'));
const { build } = await import('vite');
const chunks: Record<string, { file: string; mods: [string, number][] }> = {};
await build({ configFile: resolve(REPO_ROOT, 'web/vite.config.ts'), logLevel: 'error', build: { outDir: dist, emptyOutDir: true },
  plugins: [{ name: 'dump', generateBundle(_o, bundle) { for (const [f, c] of Object.entries(bundle)) if (c.type === 'chunk') chunks[f] = { file: f, mods: Object.entries(c.modules).map(([m, i]) => [m.replace(/.*\/perf\//, ''), i.renderedLength]) }; } }] });
const site = readSite(dist);
const pages: Record<string, string[]> = {
  home: ['src/public/Home.tsx'], signin: ['src/public/SignIn.tsx'], notice: ['src/public/notice/NoticePage.tsx'],
  apply: ['src/apply/ApplyArea.tsx'], review: ['src/review/ReviewArea.tsx', 'src/review/AssignmentList.tsx'], card: ['src/review/ReviewArea.tsx', 'src/review/AssignmentPage.tsx'],
  board: ['src/office/OfficeArea.tsx', 'src/office/rounds/RoundBoard.tsx'], outcome: ['src/office/OfficeArea.tsx', 'src/outcome/OutcomePage.tsx'],
  application: ['src/office/OfficeArea.tsx', 'src/office/ApplicationDetail.tsx'],
  superviseRound: ['src/supervise/SuperviseArea.tsx', 'src/supervise/reviews/RoundReviews.tsx'],
  superviseOutcome: ['src/supervise/SuperviseArea.tsx', 'src/outcome/OutcomePage.tsx'], check: ['src/public/check/CheckPage.tsx'],
  programme: ['src/portal/ProgrammePage.tsx'], call: ['src/portal/CallPage.tsx'], verify: ['src/portal/VerifyPage.tsx'], summary: ['src/public/summary/SummaryPage.tsx'],
};
const only = process.argv[2]?.split(',');
for (const [name, mods] of Object.entries(pages)) {
  if (only && !only.includes(name)) continue;
  const code = firstLoad(site, mods);
  const files = [...code, ...textsLoad(site, code, process.env.EN ? 'en' : 'zh-CN')];
  console.log(`== ${name}: ${(files.reduce((s, f) => s + site.gzipBytes(f), 0) / 1024).toFixed(1)} KB gz`);
  for (const f of files) {
    console.log(`  ${(site.gzipBytes(f) / 1024).toFixed(1).padStart(6)} gz ${f}`);
    const c = chunks[f];
    if (c && process.env.MODS) for (const [m, l] of c.mods.sort((a, b) => b[1] - a[1]).slice(0, 12)) if (l > 300) console.log(`         ${(l / 1024).toFixed(1).padStart(6)} raw ${m}`);
  }
}
