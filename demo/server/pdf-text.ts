import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';

// Chinese text in the server's PDFs: Noto Sans SC from @fontsource (SIL OFL), embedded as a subset of the glyphs a
// document uses, so a Fapiao of a few hundred characters weighs tens of kilobytes, not the font's 1.5 MB. The
// simplified-Chinese file covers the 7,947 characters of everyday text and ASCII; a character outside it (a rare one in
// a company name) is drawn from the numbered slice of the font whose unicode range holds it.

const FILES = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json')), 'files');
const PRIMARY = 'chinese-simplified';

/**
 * A WOFF 1.0 font as the plain sfnt (TrueType/OpenType) inside it, its tables inflated once with Node's zlib: fontkit
 * reads a WOFF by inflating a table in JavaScript on every access, which made a one-page Fapiao take 15 s.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compressed);
    return {
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: compressed < length ? inflateSync(raw) : raw,
    };
  });
  let power = 1;
  while (power * 2 <= count) power *= 2;
  const header = Buffer.alloc(12 + count * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    header.writeUInt32BE(table.tag, 12 + i * 16);
    header.writeUInt32BE(table.checksum, 16 + i * 16);
    header.writeUInt32BE(offset, 20 + i * 16);
    header.writeUInt32BE(table.data.length, 24 + i * 16);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

interface FontFile {
  readonly bytes: Uint8Array;
  readonly has: (codePoint: number) => boolean;
}
const files = new Map<string, FontFile>();
function fontFile(key: string): FontFile {
  let file = files.get(key);
  if (!file) {
    const bytes = woffToSfnt(readFileSync(join(FILES, `noto-sans-sc-${key}-400-normal.woff`)));
    const font = fontkit.create(bytes);
    file = { bytes, has: codePoint => font.hasGlyphForCodePoint(codePoint) };
    files.set(key, file);
  }
  return file;
}

/** The slice of the font (`[42]`, `latin-ext`…) whose unicode range holds a code point, from the package's table. */
let ranges: { key: string; from: number; to: number }[] | undefined;
function sliceOf(codePoint: number): string | undefined {
  ranges ??= Object.entries(
    JSON.parse(readFileSync(join(FILES, '..', 'unicode.json'), 'utf8')) as Record<string, string>,
  ).flatMap(([key, list]) =>
    list.split(',').map(range => {
      const [from = '0', to = from] = range.trim().replace(/^U\+/i, '').split('-');
      return { key: key.replace(/^\[(\d+)\]$/, '$1'), from: parseInt(from, 16), to: parseInt(to, 16) };
    }),
  );
  return ranges.find(r => codePoint >= r.from && codePoint <= r.to)?.key;
}

/** Draws and measures mixed Chinese and Latin text on the pages of one PDF, embedding only the fonts it needs. */
export class CjkText {
  readonly #pdf: PDFDocument;
  readonly #embedded = new Map<string, Promise<PDFFont>>();

  constructor(pdf: PDFDocument) {
    pdf.registerFontkit(fontkit);
    this.#pdf = pdf;
  }

  /** The text cut into runs that one font file draws, each with the file's key. */
  #runs(text: string): { key: string; text: string }[] {
    const runs: { key: string; text: string }[] = [];
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      const key = fontFile(PRIMARY).has(codePoint) ? PRIMARY : (sliceOf(codePoint) ?? PRIMARY);
      const last = runs[runs.length - 1];
      if (last?.key === key) runs[runs.length - 1] = { key, text: last.text + char };
      else runs.push({ key, text: char });
    }
    return runs;
  }

  #font(key: string): Promise<PDFFont> {
    let font = this.#embedded.get(key);
    if (!font) {
      font = this.#pdf.embedFont(fontFile(key).bytes, { subset: true });
      this.#embedded.set(key, font);
    }
    return font;
  }

  async width(text: string, size: number): Promise<number> {
    let width = 0;
    for (const run of this.#runs(text)) width += (await this.#font(run.key)).widthOfTextAtSize(run.text, size);
    return width;
  }

  /** Draws `text` from (x, y), or ending at x with `align: 'right'`, or centred on x; returns its width. */
  async draw(
    page: PDFPage,
    text: string,
    options: { x: number; y: number; size: number; color?: Color; align?: 'left' | 'right' | 'center' },
  ): Promise<number> {
    const width = await this.width(text, options.size);
    let x =
      options.align === 'right' ? options.x - width : options.align === 'center' ? options.x - width / 2 : options.x;
    for (const run of this.#runs(text)) {
      const font = await this.#font(run.key);
      page.drawText(run.text, {
        x,
        y: options.y,
        size: options.size,
        font,
        ...(options.color ? { color: options.color } : {}),
      });
      x += font.widthOfTextAtSize(run.text, options.size);
    }
    return width;
  }
}
