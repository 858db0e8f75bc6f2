import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// Bytes are stable, so CI checks them (never wall times). These limits are today's sizes plus ~1.5 %, so growth is a
// deliberate decision; lower them as the bundles shrink (issue 13 takes them to 10 KB core, 38 KB elements). Last raised
// for what the server hardening and the first user-facing work added: the field rules the server shares (control
// characters, checkBuyerProfile, the credit code's division, a WHATWG link check), prefillDraft, API errors in words;
// in the elements the bill cards below 640 px, the partial-failure notice, search as you type, the delivery line,
// the account banner, 'correct and request again'. Measured then: core 14,548 (zh-CN), elements 47,807 (zh-CN), all
// languages 53,999.
const BUDGETS: readonly (readonly [file: string, limitBytes: number])[] = [
  ['bundle/fapiao-kit-core.zh-CN.min.js', 14_800],
  ['bundle/fapiao-kit-core.en.min.js', 14_800],
  ['bundle/fapiao-kit-core.nl.min.js', 14_800],
  ['bundle/fapiao-kit.zh-CN.min.js', 48_500],
  ['bundle/fapiao-kit.en.min.js', 48_500],
  ['bundle/fapiao-kit.nl.min.js', 48_500],
  ['bundle/fapiao-kit.min.js', 54_800],
];

describe('bundle sizes (gzip -9)', () => {
  for (const [file, limit] of BUDGETS) {
    it(`${file} ≤ ${(limit / 1000).toFixed(1)} KB`, () => {
      const size = gzipSync(readFileSync(file), { level: 9 }).length;
      console.log(`# ${file}: ${size} bytes gzip`);
      assert.ok(size <= limit, `${file} is ${size} bytes gzip, over its budget of ${limit}`);
    });
  }
  it('one-locale builds carry one language only', () => {
    const zh = readFileSync('bundle/fapiao-kit.zh-CN.min.js', 'utf8');
    assert.ok(zh.includes('申请发票') && !zh.includes('Fapiao aanvragen') && !zh.includes('Get Fapiao'));
    const nl = readFileSync('bundle/fapiao-kit.nl.min.js', 'utf8');
    assert.ok(nl.includes('Fapiao aanvragen') && !nl.includes('申请发票'));
  });
});
