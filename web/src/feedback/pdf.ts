/**
 * The feedback report as an A4 PDF (issue 12), made in the browser with
 * pdf-lib and @pdf-lib/fontkit. Chinese renders in Noto Sans SC (SIL Open Font
 * License 1.1, from @fontsource/noto-sans-sc): its "chinese-simplified" WOFF
 * (1.56 MB, fetched only when a PDF is made, then cached by the browser) and
 * its Latin WOFF (17 KB), each subset to the glyphs the report uses, so a
 * report's PDF stays small. This module and both fonts load only on 下载 PDF.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import cjkUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff?url';
import latinUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff?url';
import type { ReportBlock } from './report-blocks';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { x: 50, top: 56, bottom: 56 };
const STYLE: Record<ReportBlock['kind'], { size: number; before: number; after: number; indent?: number; grey?: boolean }> = {
  title: { size: 20, before: 0, after: 14 },
  meta: { size: 10.5, before: 0, after: 3 },
  category: { size: 14, before: 16, after: 6 },
  item: { size: 11.5, before: 10, after: 2 },
  band: { size: 10.5, before: 0, after: 2 },
  label: { size: 9.5, before: 3, after: 1, grey: true },
  text: { size: 10.5, before: 0, after: 2, indent: 0 },
};

type Fonts = { readonly cjk: PDFFont; readonly latin: PDFFont; readonly hasCjk: (code: number) => boolean; readonly hasLatin: (code: number) => boolean };

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`font ${url}: ${res.status}`);
  return res.arrayBuffer();
}

/** A run of text in one font. */
type Run = { text: string; font: PDFFont };

/** Splits text into runs by the font that has each character (Latin first, then Chinese; a character neither has becomes `?`). */
function runsOf(text: string, fonts: Fonts): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const font = fonts.hasLatin(code) ? fonts.latin : fonts.hasCjk(code) ? fonts.cjk : fonts.latin;
    const shown = font === fonts.latin && !fonts.hasLatin(code) ? '?' : ch;
    const last = runs.at(-1);
    if (last && last.font === font) last.text += shown;
    else runs.push({ text: shown, font });
  }
  return runs;
}

// Widths per character and font at size 1, measured once: laying out a report measures every line many times.
const widths = new Map<PDFFont, Map<string, number>>();
function charWidth(font: PDFFont, ch: string): number {
  let known = widths.get(font);
  if (!known) widths.set(font, (known = new Map()));
  let w = known.get(ch);
  if (w === undefined) known.set(ch, (w = font.widthOfTextAtSize(ch, 1000) / 1000));
  return w;
}
const runWidth = (run: Run, size: number) => {
  let w = 0;
  for (const ch of run.text) w += charWidth(run.font, ch);
  return w * size;
};
const widthOf = (runs: readonly Run[], size: number) => runs.reduce((w, r) => w + runWidth(r, size), 0);

/** Breaks a paragraph into lines that fit `width`: between Chinese characters anywhere, Latin words at spaces. */
function linesOf(text: string, fonts: Fonts, size: number, width: number): Run[][] {
  const out: Run[][] = [];
  for (const paragraph of text.split('\n')) {
    // Tokens: a Latin word with its following spaces, or one other character.
    const tokens = paragraph.match(/[\u0000-\u02ff]+?(?:\s+|$)|[\s\S]/gu) ?? [''];
    let line = '';
    for (const token of tokens) {
      const next = line + token;
      if (line && widthOf(runsOf(next.trimEnd(), fonts), size) > width) {
        out.push(runsOf(line.trimEnd(), fonts));
        line = token.trimStart();
        // A single token wider than the line (a long URL): cut it by characters.
        while (widthOf(runsOf(line, fonts), size) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && widthOf(runsOf(line.slice(0, cut), fonts), size) > width) cut -= 1;
          out.push(runsOf(line.slice(0, cut), fonts));
          line = line.slice(cut);
        }
      } else line = next;
    }
    out.push(runsOf(line.trimEnd(), fonts));
  }
  return out;
}

/** Makes the PDF of a report's blocks; `footer(page, pages)` numbers each page. Answers the file's bytes. */
export async function reportPdf(blocks: readonly ReportBlock[], meta: { title: string; footer: (page: number, pages: number) => string; lang: string }): Promise<Uint8Array> {
  const [cjkBytes, latinBytes] = await Promise.all([fetchBytes(cjkUrl), fetchBytes(latinUrl)]);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(meta.title);
  doc.setLanguage(meta.lang);
  doc.setProducer('Merit (pdf-lib)');
  const cjkFace = fontkit.create(new Uint8Array(cjkBytes));
  const latinFace = fontkit.create(new Uint8Array(latinBytes));
  const fonts: Fonts = {
    cjk: await doc.embedFont(cjkBytes, { subset: true }),
    latin: await doc.embedFont(latinBytes, { subset: true }),
    hasCjk: (code) => cjkFace.hasGlyphForCodePoint(code),
    hasLatin: (code) => latinFace.hasGlyphForCodePoint(code),
  };
  const width = A4[0] - 2 * MARGIN.x;
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN.top;
  for (const block of blocks) {
    const style = STYLE[block.kind];
    const lineHeight = style.size * 1.5;
    const lines = linesOf(block.text, fonts, style.size, width);
    y -= style.before;
    // Keep a heading with at least two lines of what follows.
    const keep = block.kind === 'category' || block.kind === 'item' || block.kind === 'label' ? lineHeight * 3 : lineHeight;
    if (y - keep < MARGIN.bottom) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN.top;
    }
    for (const line of lines) {
      if (y - lineHeight < MARGIN.bottom) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN.top;
      }
      y -= lineHeight;
      let x = block.kind === 'title' ? MARGIN.x + (width - widthOf(line, style.size)) / 2 : MARGIN.x;
      for (const run of line) {
        page.drawText(run.text, { x, y: y + style.size * 0.3, size: style.size, font: run.font, color: style.grey ? rgb(0.35, 0.35, 0.35) : rgb(0.1, 0.1, 0.1) });
        x += runWidth(run, style.size);
      }
    }
    y -= style.after;
  }
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const runs = runsOf(meta.footer(i + 1, pages.length), fonts);
    let x = (A4[0] - widthOf(runs, 9)) / 2;
    for (const run of runs) {
      p.drawText(run.text, { x, y: MARGIN.bottom / 2, size: 9, font: run.font, color: rgb(0.4, 0.4, 0.4) });
      x += runWidth(run, 9);
    }
  });
  return doc.save();
}
