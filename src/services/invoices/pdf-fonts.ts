import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export type Weight = 'regular' | 'bold';

/** A font file, read and parsed once per process; pdfkit embeds only the glyphs a document uses. */
interface Face {
  key: string;
  bytes: Buffer;
  font: fontkit.Font;
}

const faces = new Map<string, Face>();
function face(key: string, path: string): Face {
  let f = faces.get(key);
  if (!f) {
    const bytes = readFileSync(path);
    f = { key, bytes, font: fontkit.create(bytes) as fontkit.Font };
    faces.set(key, f);
  }
  return f;
}

// DejaVu Sans: Latin (with every European accent), Greek, Cyrillic and the narrow no-break
// space French amounts need, which Google's Noto Sans lacks
const DEJAVU = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };
const latin = (weight: Weight) => face(`dejavu-${weight}`, require.resolve(`dejavu-fonts-ttf/ttf/${DEJAVU[weight]}`));

// Noto Sans SC for Chinese (and the kana and kanji Japanese shares with it), cut by Fontsource
// into ~100 files by Unicode range: only those a document needs are read
const NOTO_SC = dirname(require.resolve('@fontsource/noto-sans-sc'));
const cjkChunks: { name: string; ranges: [number, number][] }[] = Object.entries(
  JSON.parse(readFileSync(join(NOTO_SC, 'unicode.json'), 'utf8')) as Record<string, string>,
)
  .filter(([name]) => /^\[\d+\]$/.test(name))
  .map(([name, ranges]) => ({
    name: name.slice(1, -1),
    ranges: ranges.split(',').map((r) => {
      const [from, to = from] = r
        .trim()
        .replace(/^U\+/i, '')
        .split('-')
        .map((h) => parseInt(h, 16));
      return [from!, to!];
    }),
  }));

function cjk(cp: number, weight: Weight): Face | undefined {
  const chunk = cjkChunks.find((c) => c.ranges.some(([from, to]) => cp >= from && cp <= to));
  if (!chunk) return undefined;
  const f = face(
    `noto-sc-${chunk.name}-${weight}`,
    join(NOTO_SC, 'files', `noto-sans-sc-${chunk.name}-${weight === 'bold' ? 700 : 400}-normal.woff`),
  );
  return f.font.hasGlyphForCodePoint(cp) ? f : undefined;
}

/** The font that has the glyph of a character: DejaVu Sans first, then Noto Sans SC. */
function faceFor(cp: number, weight: Weight): Face {
  const primary = latin(weight);
  return primary.font.hasGlyphForCodePoint(cp) ? primary : (cjk(cp, weight) ?? primary);
}

export interface Run {
  text: string;
  face: Face;
}

/** The text cut into runs, each set in a font that has all its glyphs (a space stays in the run it is in). */
export function fontRuns(text: string, weight: Weight): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const last = runs.at(-1);
    const f = ch === ' ' && last ? last.face : faceFor(ch.codePointAt(0)!, weight);
    if (last?.face === f) last.text += ch;
    else runs.push({ text: ch, face: f });
  }
  return runs;
}
