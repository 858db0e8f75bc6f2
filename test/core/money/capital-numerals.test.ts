import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { toCapitalNumerals } from '../../../src/core/index.js';

/** Reads capital numerals back into fen: an independent reading to hold every output to its amount. */
function readBack(text: string): number {
  const digits = '零壹贰叁肆伍陆柒捌玖';
  const sign = text.startsWith('负') ? -1 : 1;
  const body = text.replace(/^负/, '').replace(/整$/, '');
  const [yuanText = '', smallText = ''] = body.includes('元') ? body.split('元') : ['', body];
  let total = 0;
  let section = 0;
  let number = 0;
  for (const ch of yuanText) {
    const d = digits.indexOf(ch);
    if (d >= 0) number = d;
    else if (ch === '拾' || ch === '佰' || ch === '仟') {
      section += number * { 拾: 10, 佰: 100, 仟: 1000 }[ch];
      number = 0;
    } else if (ch === '万') {
      section = (section + number) * 10_000;
      number = 0;
      total += section;
      section = 0;
    } else if (ch === '亿') {
      total = (total + section + number) * 100_000_000;
      section = 0;
      number = 0;
    } else throw new Error(`unexpected ${ch} in ${text}`);
  }
  const yuan = total + section + number;
  const jiao = /(.)角/.exec(smallText);
  const fen = /(.)分/.exec(smallText);
  const small = (jiao ? digits.indexOf(jiao[1]!) * 10 : 0) + (fen ? digits.indexOf(fen[1]!) : 0);
  return sign * (yuan * 100 + small);
}

describe('toCapitalNumerals (中文大写金额)', () => {
  it('writes the rule cases as the bank rules have them', () => {
    const cases: [number, string][] = [
      [0, '零元整'],
      [5, '伍分'],
      [50, '伍角'],
      [55, '伍角伍分'],
      [100, '壹元整'],
      [1000, '壹拾元整'],
      [10000, '壹佰元整'],
      [10005, '壹佰元零伍分'], // 角 is zero, 分 is not: 零 after 元
      [10050, '壹佰元伍角'],
      [10600, '壹佰零陆元整'],
      [168032, '壹仟陆佰捌拾元叁角贰分'], // the zero in the 元 place left out
      [100100, '壹仟零壹元整'],
      [1000000, '壹万元整'],
      [1000100, '壹万零壹元整'],
      [10010000, '壹拾万零壹佰元整'],
      [1000010000, '壹仟万零壹佰元整'],
      [10000000000, '壹亿元整'],
      [10000100000, '壹亿零壹仟元整'], // a gap of zero groups is one 零
      [10000000100, '壹亿零壹元整'],
      [12345678900, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
      [100000000000000, '壹万亿元整'],
      [100050000000000, '壹万零伍亿元整'],
      [123450000000000, '壹万贰仟叁佰肆拾伍亿元整'],
      [100000000500000, '壹万亿零伍仟元整'],
      [-10600, '负壹佰零陆元整'], // a red-letter Fapiao
      [106_00 + 6_36, '壹佰壹拾贰元叁角陆分'],
    ];
    for (const [fen, text] of cases) assert.equal(toCapitalNumerals(fen), text, String(fen));
    assert.equal(toCapitalNumerals(10600, { yuan: '圆' }), '壹佰零陆圆整');
  });

  it('reads back to the same amount, for every safe amount of fen', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -10_000_000, max: 10_000_000 })), fen => {
        const text = toCapitalNumerals(fen);
        assert.equal(readBack(text), fen, text);
        // Never two 零 in a row, never 零 before a unit or at an end (零元整 aside), no 拾 without a digit before it.
        if (fen !== 0) assert.doesNotMatch(text, /零零|零[元万亿角分整]|^零[^元]|(^|[^壹贰叁肆伍陆柒捌玖])拾/, text);
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses what is not an amount in fen', () => {
    assert.throws(() => toCapitalNumerals(1.5));
    assert.throws(() => toCapitalNumerals(2 ** 53));
  });
});
