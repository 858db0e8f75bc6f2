import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeTaxId, orgCodeCheckChar, usccCheckChar, validateTaxId } from '../../../src/core/index.js';
import { INVALID_USCC, PILOT_ERA_CODES, VALID_USCC } from '../../vectors/tax-ids.js';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('validateTaxId: Unified Social Credit Codes', () => {
  for (const [code, name] of VALID_USCC) {
    it(`accepts ${code} (${name})`, () => {
      const r = validateTaxId(code);
      assert.equal(r.valid, true, JSON.stringify(r));
      assert.equal(r.kind, 'uscc');
      assert.equal(r.normalized, code);
    });
  }
  for (const [code, problem] of INVALID_USCC) {
    it(`rejects ${code} (${problem})`, () => {
      const r = validateTaxId(code);
      assert.equal(r.valid, false);
      assert.equal(r.problem, problem);
    });
  }
  it('gives the expected check character on a checksum failure', () => {
    assert.equal(validateTaxId('91330106673959654Q').expectedCheck, 'P');
    assert.equal(validateTaxId('91440300708461137T').expectedCheck, 'X');
  });
  for (const [code, expected] of PILOT_ERA_CODES) {
    it(`reports the real pilot-era code ${code} as an overridable checksum warning`, () => {
      const r = validateTaxId(code);
      assert.equal(r.valid, false);
      assert.equal(r.problem, 'checksum');
      assert.equal(r.overridable, true);
      assert.equal(r.expectedCheck, expected);
    });
  }
  it('does not offer the override when the embedded organisation code is also wrong', () => {
    // Position 17 (the organisation-code check) changed: both checks fail.
    const r = validateTaxId('91440300708461137T');
    assert.equal(r.overridable, false);
  });
  it('normalises spaces, hyphens, case and full-width characters', () => {
    assert.equal(validateTaxId('  9144030071526726xg ').valid, true);
    assert.equal(validateTaxId('9133-0106-6739-5965-4P').valid, true);
    assert.equal(normalizeTaxId('９１３３０１０６６７３９５９６５４Ｐ'), '91330106673959654P');
    assert.equal(validateTaxId('９１３３０１０６６７３９５９６５４ｐ').valid, true);
  });
  it('computes the published weights 3^(i-1) mod 31 and the organisation-code check', () => {
    assert.equal(usccCheckChar('91330106673959654'), 'P');
    assert.equal(orgCodeCheckChar('67395965'), '4');
  });
});

describe('validateTaxId: other taxpayer IDs', () => {
  it('accepts an 18-digit resident ID number with a valid GB 11643 check', () => {
    const r = validateTaxId('11010519491231002X');
    assert.equal(r.valid, true);
    assert.equal(r.kind, 'resident-id');
  });
  it('rejects a resident ID with a wrong check digit, without the override', () => {
    const r = validateTaxId('110105194912310021');
    assert.equal(r.valid, false);
    assert.equal(r.problem, 'checksum');
    assert.equal(r.kind, 'resident-id');
    assert.equal(r.overridable, false);
  });
  it('accepts legacy 15, 17 and 20 character IDs of upper-case letters and digits', () => {
    for (const id of ['110105673959654', '11010567395965400', '110105673959654ABC12']) {
      const r = validateTaxId(id);
      assert.equal(r.valid, true, id);
      assert.equal(r.kind, 'legacy');
    }
  });
  it('names the problem: empty, length, charset', () => {
    assert.equal(validateTaxId('   ').problem, 'empty');
    assert.equal(validateTaxId('1234').problem, 'length');
    assert.equal(validateTaxId('9133010667395965#P').problem, 'charset');
    assert.equal(validateTaxId('91330106673959654哈').problem, 'charset');
  });
});

describe('validateTaxId: properties', () => {
  const valid = VALID_USCC.map(([c]) => c);
  it('catches every single-character substitution of a valid code', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...USCC_CHARS.split('')),
        (code, position, replacement) => {
          fc.pre(code[position] !== replacement);
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          const r = validateTaxId(changed);
          // A change may turn the code into a valid resident ID by chance only if it is all digits with a birth date;
          // it must never be accepted as a USCC.
          return !(r.valid && r.kind === 'uscc');
        },
      ),
      { numRuns: 5000 },
    );
  });
  it('exhaustively: all substitutions and adjacent transpositions of the real codes are caught', () => {
    let checked = 0;
    for (const [code] of VALID_USCC) {
      for (let i = 0; i < 18; i++) {
        for (const ch of USCC_CHARS) {
          if (ch === code[i]) continue;
          const changed = code.slice(0, i) + ch + code.slice(i + 1);
          const r = validateTaxId(changed);
          assert.ok(!(r.valid && r.kind === 'uscc'), changed);
          checked++;
        }
        if (i < 17 && code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          const r = validateTaxId(swapped);
          assert.ok(!(r.valid && r.kind === 'uscc'), swapped);
        }
      }
    }
    assert.ok(checked > 10_000);
  });
  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), s => typeof validateTaxId(s).valid === 'boolean'));
  });
});
