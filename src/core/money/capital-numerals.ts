import { toFen, type Fen } from './fen.js';

// 中文大写金额 as cheques, receipts and the 价税合计（大写） line of a Fapiao write them, by the rules of the People's Bank
// of China (《正确填写票据和结算凭证的基本规定》): 壹拾 rather than 拾, one 零 for a run of zeros, 整 after 元 when there are
// no 角 or 分, 零 between 元 and 分 when 角 is zero, no 整 after 分 (docs/domain.md §2.11).
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const IN_GROUP = ['', '拾', '佰', '仟'] as const;
/** The unit after each group of four digits, from the lowest; the top group's 万 and the 亿 group's 亿 make 万亿. */
const GROUP_UNITS = ['', '万', '亿', '万'] as const;

export interface CapitalNumeralOptions {
  /** The yuan character: 元 (the default, as banks write it) or 圆 (as printed on VAT Fapiao). */
  readonly yuan?: '元' | '圆';
}

/** Four digits (0–9999) in capitals, zeros inside collapsed into one 零, trailing zeros dropped. */
function group(value: number): string {
  let out = '';
  let zero = false;
  for (let position = 3; position >= 0; position--) {
    const digit = Math.floor(value / 10 ** position) % 10;
    if (digit === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    out += DIGITS[digit]! + IN_GROUP[position]!;
    zero = false;
  }
  return out;
}

/** Whole yuan in capitals (壹亿零壹仟, 壹万亿): groups of four digits from the top, 零 where a gap of zeros falls. */
function integerPart(yuan: number): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let gap = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const value = groups[i]!;
    if (value === 0) {
      gap = out !== '';
      // 壹万亿: the 亿 of a 万亿 amount whose 亿 group is empty.
      if (i === 2 && groups[3]) out += '亿';
      continue;
    }
    if (out !== '' && (gap || value < 1000)) out += '零';
    out += group(value) + GROUP_UNITS[i]!;
    gap = false;
  }
  return out;
}

/**
 * An amount in fen (CNY minor units) as capital numerals: 10000 → 壹佰元整, 10005 → 壹佰元零伍分, 50 → 伍角,
 * 1000010000 → 壹仟万零壹佰元整, negative amounts (a red-letter Fapiao) start with 负.
 */
export function toCapitalNumerals(fen: Fen | number, options: CapitalNumeralOptions = {}): string {
  const amount = toFen(fen);
  const yuanChar = options.yuan ?? '元';
  const sign = amount < 0 ? '负' : '';
  const abs = Math.abs(amount);
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const fenDigit = abs % 10;
  if (abs === 0) return `零${yuanChar}整`;
  let out = yuan > 0 ? integerPart(yuan) + yuanChar : '';
  if (jiao === 0 && fenDigit === 0) return `${sign}${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]!}角`;
  else if (yuan > 0) out += '零';
  if (fenDigit > 0) out += `${DIGITS[fenDigit]!}分`;
  return sign + out;
}
