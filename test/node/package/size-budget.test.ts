import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// Bytes are stable, so CI checks them (never wall times). These limits are today's sizes plus ~1.5 %, so growth is a
// deliberate decision; lower them as the bundles shrink (issue 13 takes them to 10 KB core, 38 KB elements). Last raised
// for the rest of the user-facing work: in the core the Fapiao-state summary (可开票金额) and the account-free bill
// state, the request index of checkEligibility, the resident-ID check-digit message; in the elements the amount
// summary with its filter, the issued bill's Fapiao link, the skip link, pair counters, the reason for a disabled
// choice, full-width punctuation, the delivery line in the confirmation, the account refresh. Measured then: core
// 15,131 (zh-CN), elements 50,099 (zh-CN), all languages 56,751.
const BUDGETS: readonly (readonly [file: string, limitBytes: number])[] = [
  ['bundle/fapiao-kit-core.zh-CN.min.js', 15_400],
  ['bundle/fapiao-kit-core.en.min.js', 15_400],
  ['bundle/fapiao-kit-core.nl.min.js', 15_400],
  ['bundle/fapiao-kit.zh-CN.min.js', 50_900],
  ['bundle/fapiao-kit.en.min.js', 50_900],
  ['bundle/fapiao-kit.nl.min.js', 50_900],
  ['bundle/fapiao-kit.min.js', 57_600],
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
