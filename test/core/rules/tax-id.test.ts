import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkDraft,
  emptyDraft,
  explainDraftError,
  normalizeTaxId,
  orgCodeCheckChar,
  residentIdCheckChar,
  usccCheckChar,
  validateTaxId,
} from '../../../src/core/node.js'; // the Node entry: every language registered
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

describe('validateTaxId: the division of a credit code, and resident IDs that pass its check by chance', () => {
  const withCheck = (first17: string) => `${first17}${usccCheckChar(first17)}`;
  it('refuses a credit code whose division (positions 3–4) is no province and not a national body', () => {
    const r = validateTaxId(withCheck('91990106673959654'));
    assert.equal(r.valid, false);
    assert.equal(r.problem, 'format');
    const org = `40000012${orgCodeCheckChar('40000012')}`;
    assert.equal(validateTaxId(withCheck(`12100000${org}`)).valid, true, '10: registered nationally');
  });
  it('says a 17-character credit code misses a character (not "17 is allowed, this one has 17")', () => {
    const r = validateTaxId('9133010667395965P');
    assert.equal(r.problem, 'truncated');
    const check = checkDraft(emptyDraft({ title: '阿里云', taxId: '9133010667395965P', email: 'a@b.cn' }));
    assert.match(explainDraftError(check.errors[0]!, 'en'), /one character missing/);
  });
  it('accepts almost no mistyped resident ID as a credit code (945 of 30,000 did)', () => {
    // Deterministic: real-looking resident IDs (Beijing/Shanghai/Guangdong districts, real dates), one digit changed.
    let seed = 20261126;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const districts = ['110105', '110108', '310115', '310104', '440305', '440106', '330106', '510107'];
    let accepted = 0;
    for (let i = 0; i < 30_000; i++) {
      const birth = `${1950 + next(60)}${String(1 + next(12)).padStart(2, '0')}${String(1 + next(28)).padStart(2, '0')}`;
      const first17 = `${districts[next(districts.length)]}${birth}${String(next(1000)).padStart(3, '0')}`;
      const id = `${first17}${residentIdCheckChar(first17)}`;
      const position = next(17);
      const digit = String((Number(id[position]) + 1 + next(9)) % 10);
      const typo = id.slice(0, position) + digit + id.slice(position + 1);
      const r = validateTaxId(typo);
      if (r.valid && r.kind === 'uscc') accepted++;
    }
    // Left: typos that pass the mod-31 check, the division and the organisation code's mod-11 check at once (4 here).
    assert.ok(accepted <= 5, `${accepted} typos of 30,000 passed as credit codes`);
  });
});

import { normalizeTaxIdReference, TRUNCATED_REFERENCE, validateEighteenReference } from './tax-id-reference.js';

describe('validateTaxId: properties', () => {
  const valid = VALID_USCC.map(([c]) => c);
  it('gives the same answer on the fast path as on the general one (a leading space forces the general path)', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const code = fc.oneof(
      // Valid codes with one character changed or two swapped, and random strings of the credit code's alphabet.
      fc
        .tuple(fc.constantFrom(...valid), fc.nat(17), fc.constantFrom(...chars))
        .map(([c, i, x]) => c.slice(0, i) + x + c.slice(i + 1)),
      fc.tuple(fc.constantFrom(...valid), fc.nat(16)).map(([c, i]) => c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2)),
      fc.array(fc.constantFrom(...chars), { minLength: 18, maxLength: 18 }).map(a => a.join('')),
      fc.array(fc.constantFrom(...'0123456789'), { minLength: 18, maxLength: 18 }).map(a => a.join('')),
    );
    fc.assert(
      fc.property(code, c => {
        const fast = validateTaxId(c);
        const general = validateTaxId(` ${c}`);
        assert.deepEqual([fast.valid, fast.kind], [general.valid, general.kind], c);
      }),
      { numRuns: 20_000 },
    );
  });
  it('reads 18 characters exactly as the regular-expression version did, field by field', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZ';
    const birth = fc
      .tuple(fc.integer({ min: 1890, max: 2110 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`);
    const code = fc.oneof(
      fc
        .tuple(fc.constantFrom(...valid, ...PILOT_ERA_CODES.map(([c]) => c)), fc.nat(17), fc.constantFrom(...chars))
        .map(([c, i, x]) => c.slice(0, i) + x + c.slice(i + 1)),
      fc.array(fc.constantFrom(...chars), { minLength: 18, maxLength: 18 }).map(a => a.join('')),
      // Resident IDs: six digits, a birth date (real or not), three digits, a check digit or X.
      fc
        .tuple(fc.stringMatching(/^\d{6}$/), birth, fc.stringMatching(/^\d{3}$/), fc.constantFrom(...'0123456789XA'))
        .map(parts => parts.join('')),
      // Valid resident IDs with one digit changed: most land on the checksum rules.
      fc
        .tuple(fc.stringMatching(/^\d{6}$/), birth, fc.stringMatching(/^\d{3}$/))
        .map(([a, b, c]) => a + b + c)
        .map(first17 => first17 + residentIdCheckChar(first17)),
    );
    fc.assert(
      fc.property(code, c => assert.deepEqual(validateTaxId(` ${c}`), validateEighteenReference(c), c)),
      { numRuns: 30_000 },
    );
  });
  it('normalises as the character walk did, and says "truncated" for the same 17 characters as the regex did', () => {
    const piece = fc.constantFrom(
      ...'0123456789abcxyzABCXYZ',
      ' ',
      '\u3000',
      '-',
      '—',
      '\t',
      'ｇ',
      '０',
      '９',
      'Ｘ',
      'ß',
      'é',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 24 }).map(a => a.join('')),
        input => {
          assert.equal(normalizeTaxId(input), normalizeTaxIdReference(input), JSON.stringify(input));
        },
      ),
      { numRuns: 20_000 },
    );
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZ';
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.constantFrom(...chars), { minLength: 17, maxLength: 17 }).map(a => a.join('')),
          fc
            .tuple(
              fc.constantFrom('91', '92', '93', '94', '81'),
              fc.stringMatching(/^\d{6}$/),
              fc.array(fc.constantFrom(...chars), { minLength: 9, maxLength: 9 }),
            )
            .map(([a, b, c]) => a + b + c.join('')),
        ),
        code => {
          const truncated = validateTaxId(code).problem === 'truncated';
          assert.equal(truncated, TRUNCATED_REFERENCE.test(code), code);
        },
      ),
      { numRuns: 20_000 },
    );
  });
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
