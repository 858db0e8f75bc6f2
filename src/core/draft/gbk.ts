/**
 * Field limits on Fapiao are in GBK bytes (docs/domain.md §2.4): ASCII takes 1 byte, a Chinese character 2,
 * and characters outside GBK (emoji, most rare characters) cannot be printed at all.
 */

interface GbkDecoder {
  decode(input: Uint8Array): string;
}
type DecoderCtor = new (label: string, options: { fatal: boolean }) => GbkDecoder;

let twoByteTable: Uint8Array | null | undefined;

/** Every BMP code point with a two-byte GBK form, built once on first need from the platform's GBK decoder. */
function gbkTable(): Uint8Array | null {
  if (twoByteTable !== undefined) return twoByteTable;
  const Ctor = (globalThis as { TextDecoder?: DecoderCtor }).TextDecoder;
  let decoder: GbkDecoder;
  try {
    if (!Ctor) throw new Error('no TextDecoder');
    decoder = new Ctor('gbk', { fatal: true });
  } catch {
    twoByteTable = null;
    return null;
  }
  const table = new Uint8Array(0x10000);
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      try {
        const text = decoder.decode(pair);
        if (text.length === 1) table[text.charCodeAt(0)] = 1;
      } catch {
        // not a GBK pair
      }
    }
  }
  twoByteTable = table;
  return table;
}

export interface GbkMeasure {
  /** Bytes the text takes in GBK (characters outside GBK are not counted). */
  readonly bytes: number;
  /** Characters that GBK cannot encode, in order of appearance, without repeats. */
  readonly unencodable: readonly string[];
}

export function measureGbk(text: string): GbkMeasure {
  let bytes = 0;
  const unencodable: string[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) bytes += 1;
    else if (code >= 0x4e00 && code <= 0x9fa5)
      bytes += 2; // CJK Unified Ideographs: all in GBK
    else if (code > 0xffff) {
      if (!unencodable.includes(ch)) unencodable.push(ch);
    } else {
      const table = gbkTable();
      if (table === null || table[code] === 1) bytes += 2;
      else if (!unencodable.includes(ch)) unencodable.push(ch);
    }
  }
  return { bytes, unencodable };
}

export function gbkByteLength(text: string): number {
  return measureGbk(text).bytes;
}
