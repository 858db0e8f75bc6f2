import type { Result } from '../result.js';
import type { Fen } from './fen.js';
import { parseAmount } from './parse-amount.js';

/**
 * An amount as a customer types it, in yuan: `1234.5`, `1,234.50`, `¥ 1 234,50`, full-width `１２３４．５`. Spaces and the
 * currency's signs (¥ ￥ CN¥ RMB 元) are dropped. With both marks, the last is the decimal one; a mark used more than
 * once groups thousands; a single mark followed by three digits groups thousands only where the locale groups with it
 * (`1.234` is 1,234 yuan in Dutch and refused in English, never 1.23). Then as `parseAmount`: exact, at most two
 * decimals.
 */
export function parseTypedAmount(text: string, locale: string): Result<Fen> {
  const localeDecimal = locale.toLowerCase().startsWith('nl') ? ',' : '.';
  const plain = text
    .replace(/[\uFF10-\uFF19\uFF0C\uFF0E]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/CN¥|RMB|CNY|[¥￥元\s\u00A0\u202F']/gi, '');
  const marks = plain.match(/[.,]/g) ?? [];
  const drop = (mark: string, from: string) => from.split(mark).join('');
  let normal = plain;
  if (new Set(marks).size === 2) {
    const decimal = plain.lastIndexOf('.') > plain.lastIndexOf(',') ? '.' : ',';
    normal = drop(decimal === '.' ? ',' : '.', plain).replace(decimal, '.');
  } else if (marks.length > 1) normal = drop(marks[0]!, plain);
  else if (marks.length === 1) {
    const mark = marks[0]!;
    const thousands = plain.length - plain.indexOf(mark) - 1 === 3 && mark !== localeDecimal;
    normal = thousands ? drop(mark, plain) : plain.replace(mark, '.');
  }
  return parseAmount(normal);
}
