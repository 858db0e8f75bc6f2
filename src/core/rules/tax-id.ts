import { daysInMonth } from '../time/china-time.js';

/**
 * Chinese taxpayer IDs (纳税人识别号), docs/domain.md §3:
 * - 18-character Unified Social Credit Code (GB 32100-2015): charset without I O Z S V, digits in positions 3–8,
 *   a mod-31 check character, and the embedded organisation code (GB 11714) with its own mod-11 check;
 * - 18-digit resident ID numbers (GB 11643, ISO 7064 MOD 11-2) used by individuals;
 * - legacy 15, 17 and 20-character taxpayer IDs (upper-case letters and digits, no checksum to verify).
 */

export type TaxIdKind = 'uscc' | 'resident-id' | 'legacy';

/** `truncated`: 17 characters that open like an enterprise credit code, far more often one with a character missing. */
export type TaxIdProblem = 'empty' | 'length' | 'truncated' | 'charset' | 'format' | 'checksum';

export interface TaxIdResult {
  /** True when the ID can be used as it is. */
  readonly valid: boolean;
  /** Trimmed, half-width, upper-case, without spaces or hyphens. */
  readonly normalized: string;
  readonly kind?: TaxIdKind;
  /** Why it is not valid. */
  readonly problem?: TaxIdProblem;
  /**
   * `checksum` on an otherwise well-formed code: some real early codes (Fujian/Xiamen pilot) fail the check,
   * so the user may confirm and use it anyway (see `acceptChecksumWarning` in the draft rules).
   */
  readonly overridable?: boolean;
  /** The check character the code would need (for checksum failures). */
  readonly expectedCheck?: string;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';
const ALNUM = /^[0-9A-Z]+$/;
/**
 * The first two digits of a credit code's administrative division (positions 3–4, GB/T 2260): a province, or 10 for
 * bodies registered nationally. A resident ID's positions 3–4 are a city within a province, so this check catches
 * most resident IDs that pass the credit code's mod-31 check by chance (about one typo in 32 did).
 */
const DIVISIONS = new Uint8Array(100);
for (const d of '10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
  ' ',
))
  DIVISIONS[Number(d)] = 1;
/** Positions 3–4 name a division; call it on a code whose positions 3–8 are known to be digits. */
const hasDivision = (code: string) => DIVISIONS[(code.charCodeAt(2) - 48) * 10 + (code.charCodeAt(3) - 48)] === 1;

/** Full-width ASCII (ＡＢＣ１２３, common in Chinese input methods) to half-width, then trim/upper-case/strip separators. */
export function normalizeTaxId(input: string): string {
  return ALNUM.test(input) ? input : normalizeUnclean(input); // the common case: already clean
}

function normalizeUnclean(input: string): string {
  // Spaces around and lower case (a pasted code): the same outcome as the character walk below, without it.
  const trimmed = input.trim().toUpperCase();
  if (ALNUM.test(trimmed)) return trimmed;
  let out = '';
  for (const ch of input) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out.replace(/[\s\-‐‑–—]/g, '').toUpperCase();
}

/** The USCC check character for the first 17 characters (assumes a valid charset). */
const USCC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_CHARS.length; i++) USCC_VALUE[USCC_CHARS.charCodeAt(i)] = i;

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (USCC_VALUE[first17.charCodeAt(i)] as number) * (USCC_WEIGHTS[i] as number);
  return USCC_CHARS[(31 - (sum % 31)) % 31] as string;
}

/** The organisation-code check character (GB 11714) for 8 characters; A–Z count 10–35. */
export function orgCodeCheckChar(first8: string): string {
  return orgCheckAt(first8, 0);
}

/** The organisation-code check character of the 8 characters from `at` (digits and A–Z, which count 10–35). */
function orgCheckAt(code: string, at: number): string {
  return ORG_CHECK_CHARS[orgCheckIndex(code, at)] as string;
}
const ORG_CHECK_CHARS = '0123456789X';
function orgCheckIndex(code: string, at: number): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = code.charCodeAt(at + i);
    sum += (c <= 57 ? c - 48 : c - 55) * (ORG_WEIGHTS[i] as number);
  }
  return (11 - (sum % 11)) % 11;
}

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (RESIDENT_WEIGHTS[i] as number);
  return RESIDENT_CHECK[sum % 11] as string;
}

/** The first 17 characters are digits. */
function digitsTo17(code: string): boolean {
  for (let i = 0; i < 17; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * One pass over the first 17 characters of a would-be credit code: -1 when they break its shape (its charset, digits in
 * positions 3–8), else the index in USCC_CHARS of the check character they need, plus 32 when all 17 are digits.
 */
function scanUscc(code: string): number {
  let sum = 0;
  let allDigits = 32;
  for (let i = 0; i < 17; i++) {
    const c = code.charCodeAt(i);
    const v = c < 128 ? (USCC_VALUE[c] as number) : -1;
    if (v < 0 || (i >= 2 && i < 8 && v > 9)) return -1;
    if (v > 9) allDigits = 0;
    sum += v * (USCC_WEIGHTS[i] as number);
  }
  return ((31 - (sum % 31)) % 31) + allDigits;
}

/**
 * A resident ID's shape: 17 digits (given) then a digit or X, with a real birth date (1900–2100) in positions 7–14.
 */
function hasResidentShape(code: string): boolean {
  const last = code.charCodeAt(17);
  if (!((last >= 48 && last <= 57) || last === 88)) return false;
  const n = (at: number, count: number) => {
    let v = 0;
    for (let i = at; i < at + count; i++) v = v * 10 + code.charCodeAt(i) - 48;
    return v;
  };
  const y = n(6, 4);
  const m = n(10, 2);
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && n(12, 2) >= 1 && n(12, 2) <= daysInMonth(y, m);
}

// Read character by character, without regular expressions, slices or Dates: invalid and pilot-era codes come here,
// and a form checks the field on every keystroke (the mixed real set runs some 4× faster than with the regexes).
function validateEighteen(code: string, scan = scanUscc(code)): TaxIdResult {
  const last = code.charCodeAt(17);
  const looksUscc = scan >= 0 && last < 128 && (USCC_VALUE[last] as number) >= 0 && hasDivision(code);
  const usccExpected = USCC_CHARS[scan & 31] as string;
  const usccCheck = looksUscc && usccExpected === code[17];
  const digitsOnly = scan >= 32 || (scan < 0 && digitsTo17(code));
  const looksResident = digitsOnly && hasResidentShape(code);
  const residentCheck = looksResident ? residentIdCheckChar(code) : '';
  const orgConsistent = looksUscc && orgCheckAt(code, 8) === code[16];
  // Digits only (a resident ID's alphabet) pass as a credit code only when its embedded organisation code agrees too:
  // every real all-digit code does, and a mistyped resident ID passes both checks about one time in 350.
  if (usccCheck && (orgConsistent || !digitsOnly)) return { valid: true, normalized: code, kind: 'uscc' };
  if (looksResident && residentCheck === code[17]) return { valid: true, normalized: code, kind: 'resident-id' };
  if (usccCheck) {
    // Most likely a resident ID with a typo that the credit code's check happens to accept: asked again, confirmable.
    return {
      valid: false,
      normalized: code,
      kind: looksResident ? 'resident-id' : 'uscc',
      problem: 'checksum',
      overridable: true,
      ...(looksResident ? { expectedCheck: residentCheck } : {}),
    };
  }
  // Well-formed but failing its check. A USCC whose embedded organisation code is consistent may be one of the
  // real pilot-era codes that fail the check (docs/domain.md §3.1): a warning the user may override.
  if (looksUscc && (orgConsistent || !looksResident)) {
    return {
      valid: false,
      normalized: code,
      kind: 'uscc',
      problem: 'checksum',
      overridable: orgConsistent,
      expectedCheck: usccExpected,
    };
  }
  if (looksResident) {
    return {
      valid: false,
      normalized: code,
      kind: 'resident-id',
      problem: 'checksum',
      overridable: false,
      expectedCheck: residentCheck,
    };
  }
  return { valid: false, normalized: code, problem: 'format' };
}

/**
 * One pass over a clean 18-character string, no allocation: true only for a well-formed USCC whose check character
 * matches, with a division in positions 3–4, and, when its first 17 characters are digits (most real codes, and every
 * resident ID), whose embedded organisation code agrees too: the same answer as the general path's for a valid code.
 */
function isValidUscc(code: string, scan: number): boolean {
  if (scan < 0 || code.charCodeAt(17) !== USCC_CHARS.charCodeAt(scan & 31) || !hasDivision(code)) return false;
  // Digits only may be a mistyped resident ID that the mod-31 check accepts: the organisation code decides.
  return scan < 32 || code.charCodeAt(16) === ORG_CHECK_CHARS.charCodeAt(orgCheckIndex(code, 8));
}

/** Validates a buyer taxpayer ID. Never throws; the result says why not, with a stable `problem` code. */
export function validateTaxId(input: string): TaxIdResult {
  if (input.length === 18) {
    const scan = scanUscc(input);
    if (isValidUscc(input, scan)) return { valid: true, normalized: input, kind: 'uscc' }; // hot path
    // Already clean (the credit code's alphabet is upper-case letters and digits): one scan, no normalising.
    const last = input.charCodeAt(17);
    if (scan >= 0 && last < 128 && (USCC_VALUE[last] as number) >= 0) return validateEighteen(input, scan);
  }
  const clean = ALNUM.test(input);
  const code = clean ? input : normalizeUnclean(input);
  if (code.length === 0) return { valid: false, normalized: code, problem: 'empty' };
  if (!clean && !ALNUM.test(code)) return { valid: false, normalized: code, problem: 'charset' };
  switch (code.length) {
    case 18:
      return validateEighteen(code);
    case 17:
      // Seventeen characters that open like an enterprise credit code (9 1–3, then a 6-digit division) are a
      // credit code with a character missing far more often than a legacy ID: say so.
      if (code.charCodeAt(0) === 57 && code.charCodeAt(1) >= 49 && code.charCodeAt(1) <= 51 && scanUscc(code) >= 0)
        return { valid: false, normalized: code, problem: 'truncated' };
      return { valid: true, normalized: code, kind: 'legacy' };
    case 15:
    case 20:
      return { valid: true, normalized: code, kind: 'legacy' };
    default:
      return { valid: false, normalized: code, problem: 'length' };
  }
}
