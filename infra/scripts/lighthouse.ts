/**
 * Lighthouse performance of the built site (issue 11: ≥ 95 on mobile and desktop for the home page, /apply and a
 * notice). Serves web/dist gzipped, as CloudFront does (the local gateway does not compress), with the one API call
 * the public pages make before they show (the programmes) answered empty, a published notice with its period open
 * (below), and every other call refused, then runs
 * Lighthouse in headless Chromium (/usr/bin/chromium) on each page with the mobile and the desktop presets.
 *
 *   npm run build  (or npx tsx infra/build.ts site)
 *   npm install --no-save lighthouse@12   (not a dependency of Merit: ~200 packages)
 *   npx tsx infra/scripts/lighthouse.ts [roundId]
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../bundling';

const DIST = resolve(REPO_ROOT, 'web/dist');
const BUDGET = 95;
const TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml' };
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

const lighthouse = resolve(REPO_ROOT, 'node_modules/.bin/lighthouse');
if (!existsSync(lighthouse)) throw new Error('lighthouse is not installed: npm install --no-save lighthouse@12');
if (!existsSync(join(DIST, 'index.html'))) throw new Error('web/dist is not built: npx tsx infra/build.ts site');

// The notice page is measured as the public reads it during a notice period: a published notice of six proposed
// winners, the period open (so the online objection form shows), its chain head (so the chain check shows).
const ROUND = process.argv[2] ?? 'city-2026';
const now = Date.now();
const period = { openedAt: new Date(now - 86_400_000).toISOString(), endsAt: new Date(now + 6 * 86_400_000).toISOString(), days: 7 };
const NOTICE = {
  kind: 'notice',
  programmeId: 'city',
  programmeName: { 'zh-CN': '示范市政府质量奖', en: 'Demo City Quality Award' },
  roundId: ROUND,
  roundName: { 'zh-CN': '2026 年度评审', en: 'The 2026 round' },
  publishedAt: period.openedAt,
  notice: period,
  entries: ['甲制造有限公司', '乙科技股份公司', '丙建设集团有限公司', '丁食品有限公司', '戊医药股份有限公司', '己物流有限公司'].map((name, i) => ({
    rank: i + 1,
    organisation: { name, district: ['锦江区', '青羊区', '金牛区', '武侯区', '成华区', '高新区'][i], industry: '制造业' },
    finalScore: (820 - i * 17.35).toFixed(2),
  })),
  chainHead: { scope: `round:${ROUND}`, sequence: 412, hash: 'ab'.repeat(32) },
};

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
  if (path === `/results/${ROUND}/notice.json`) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(JSON.stringify(NOTICE)));
    return;
  }
  if (path === '/api/public/programmes') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ programmes: [] }));
    return;
  }
  if (path.startsWith('/api/') || path.startsWith('/results/')) {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    return;
  }
  let file = join(DIST, path);
  if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) file = join(DIST, 'index.html');
  const html = file.endsWith('index.html');
  res
    .writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-encoding': 'gzip',
      'cache-control': html ? 'no-cache' : 'public, max-age=31536000, immutable',
    })
    .end(gzipSync(readFileSync(file)));
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const out = mkdtempSync(join(tmpdir(), 'merit-lighthouse-'));
let below = 0;
try {
  for (const path of ['/', '/apply', `/notices/${ROUND}`]) {
    for (const preset of ['mobile', 'desktop'] as const) {
      const report = join(out, 'report.json');
      // Asynchronously: this process serves the pages Lighthouse loads.
      await promisify(execFile)(
        lighthouse,
        [`${origin}${path}`, `--chrome-flags=${CHROME_FLAGS}`, '--only-categories=performance', '--output=json', `--output-path=${report}`, '--quiet', ...(preset === 'desktop' ? ['--preset=desktop'] : [])],
        { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } },
      );
      const { categories, audits } = JSON.parse(readFileSync(report, 'utf8')) as {
        categories: { performance: { score: number } };
        audits: Record<string, { displayValue?: string }>;
      };
      const score = Math.round(categories.performance.score * 100);
      if (score < BUDGET) below++;
      const shown = ['first-contentful-paint', 'largest-contentful-paint', 'cumulative-layout-shift', 'total-blocking-time'].map((a) => `${a.replace(/-/g, ' ')} ${audits[a]?.displayValue ?? '?'}`);
      console.log(`${path.padEnd(24)} ${preset.padEnd(8)} ${String(score).padStart(3)}  ${score >= BUDGET ? 'ok' : `BELOW ${BUDGET}`}  (${shown.join(', ')})`);
    }
  }
} finally {
  server.close();
  rmSync(out, { recursive: true, force: true });
}
if (below > 0) process.exitCode = 1;
