import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTypedAmount } from '../../../src/core/index.js';

describe('parseTypedAmount: an amount as a customer types it', () => {
  const fen = (text: string, locale: string) => {
    const r = parseTypedAmount(text, locale);
    return r.ok ? r.value : r.issues[0]!.code;
  };
  it('reads yuan with the marks of each language, to the fen', () => {
    const cases: [string, string, number][] = [
      ['1234.5', 'en', 123450],
      ['1,234.50', 'en', 123450],
      ['1,234', 'en', 123400],
      ['12,5', 'en', 1250],
      ['¥ 1 234.56', 'zh-CN', 123456],
      ['￥１２３４．５', 'zh-CN', 123450],
      ['1234元', 'zh-CN', 123400],
      ['RMB 99', 'en', 9900],
      ['CN¥0.01', 'en', 1],
      ['1.234,50', 'nl', 123450],
      ['1234,5', 'nl', 123450],
      ['1.234', 'nl', 123400],
      ['1234.50', 'nl', 123450],
      ['1 234 567,89', 'nl', 123456789],
      ['1,234,567.89', 'en', 123456789],
    ];
    for (const [text, locale, expected] of cases) assert.equal(fen(text, locale), expected, `${text} in ${locale}`);
  });
  it('refuses what it cannot read exactly instead of guessing', () => {
    for (const [text, locale] of [
      ['1.234', 'en'],
      ['12.345', 'zh-CN'],
      ['abc', 'en'],
      ['', 'en'],
      ['1e5', 'en'],
      ['0x10', 'en'],
      ['1.2.3,4,5', 'en'],
      ['9'.repeat(20), 'en'],
      ['１２３,４５６', 'nl'],
    ] as const)
      assert.equal(typeof fen(text, locale), 'string', `${text} in ${locale}`);
  });
});
