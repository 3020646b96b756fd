import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { inflateSync } from 'node:zlib';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

const STANDARD_FONTS = new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).pathname;

/**
 * The text of a PDF, as a reader would copy it (Mozilla's pdf.js): pieces of a line that touch
 * (a word set in two fonts) join as they are, a gap between them reads as a space.
 */
// where a piece starts on its line: the x of its transform matrix (pdf.js types the matrix as any[])
const left = (item: TextItem): number => item.transform[4];

export async function pdfText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    // the characters as mapped, without NFKC normalization (white space still reads as plain spaces)
    const items = (await (await doc.getPage(i)).getTextContent({ disableNormalization: true })).items.filter(
      (it): it is TextItem => 'str' in it,
    );
    items.forEach((it, n) => {
      text += it.str;
      const next = items[n + 1];
      if (it.hasEOL || !next) text += '\n';
      else if (left(next) - (left(it) + it.width) > 1 && !/\s$/.test(it.str) && !/^\s/.test(next.str)) text += ' ';
    });
  }
  return text;
}

/**
 * The characters the PDF's fonts say their glyphs stand for (their ToUnicode maps, as pdfkit
 * writes them). pdf.js reads every kind of space back as a plain one; this tells which were set.
 */
export function pdfMappedCharacters(bytes: Uint8Array): Set<string> {
  const pdf = Buffer.from(bytes);
  const chars = new Set<string>();
  const latin1 = pdf.toString('latin1');
  for (const m of latin1.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let cmap: string;
    try {
      cmap = inflateSync(pdf.subarray(start, latin1.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue; // not a compressed stream
    }
    for (const range of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const list of range[1]!.matchAll(/\[([^\]]*)\]/g)) {
        for (const hex of list[1]!.matchAll(/<([0-9a-f]+)>/gi))
          chars.add(String.fromCodePoint(...hex[1]!.match(/.{4}/g)!.map((h) => parseInt(h, 16))));
      }
    }
  }
  return chars;
}
