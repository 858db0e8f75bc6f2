import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeInvoiceFast } from '../../../src/core/model/invoice-fast.js';
import { decodeInvoiceGeneral, parseInvoice } from '../../../src/core/model/parse-invoice.js';
import { makeInvoice } from '../../helpers/invoices.js';

// The hand-written decoder is a fast yes: where it answers, it must give exactly what the general decoder gives, and
// it must answer for every invoice the general decoder accepts (else the fast path is only sometimes fast).
const full = JSON.parse(
  JSON.stringify(
    makeInvoice({
      lines: [
        {
          description: '云服务费',
          quantity: 3,
          amount: 9434,
          taxRateBp: 600,
          serviceStart: '2026-10-01',
          serviceEnd: '2026-10-31T23:59:59+08:00',
        },
      ],
      documents: [{ kind: 'invoice', url: 'https://files.example/a.pdf', source: 'api' }],
      billingProfile: { id: 'bp', name: 'Profile' },
      purchaseOrderNumber: 'PO-1',
      creditFor: 'INV-0',
      recurring: false,
    } as never),
  ),
);
full.amounts.adjustments = [{ kind: 'discount', amount: 0 }];
full.amounts.billed = 10000;
full.payments[0].method = 'card';
const bases = [full, JSON.parse(JSON.stringify(makeInvoice())), { ...full, dueDate: null, seller: null }];

const ODD = [
  null,
  undefined,
  '',
  'x',
  -1,
  0,
  1.5,
  2 ** 60,
  true,
  [],
  {},
  '2026-02-30',
  '2026-11-20',
  '2026-11-20T10:00:00Z',
  'javascript:alert(1)',
  '/a.pdf',
  'CNY',
  'cny',
  'paid',
  'refund',
  'invoice',
  'discount',
  'x'.repeat(201),
  [{}],
  [null],
];

/** Every path to a value inside the invoice (not the invoice itself), for mutations. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length ? [prefix] : [];
  if (typeof value !== 'object' || value === null) return here;
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [...here, ...keys.flatMap(k => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}

/** A copy of `base` with the value at `at` replaced or removed, or, with `extra`, a key the decoder drops added beside it. */
function mutate(base: unknown, at: (string | number)[], replacement: unknown, remove: boolean, extra = false): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string | number, unknown>;
  if (at.length === 0) return replacement;
  let node = copy as Record<string | number, unknown>;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  if (extra && !Array.isArray(node)) node[remove ? '' : 'extra'] = replacement;
  else if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = replacement;
  return copy;
}

function generalValue(input: unknown) {
  const general = decodeInvoiceGeneral(input);
  assert.ok(general.ok);
  return general.value;
}

describe('decodeInvoiceFast', () => {
  it('accepts the invoices the general decoder accepts, with the same value', () => {
    for (const base of bases) {
      const general = decodeInvoiceGeneral(base);
      assert.ok(general.ok);
      assert.deepEqual(decodeInvoiceFast(base), general.value);
    }
  });
  it('answers with the input itself where it is exactly an invoice, and copies only parts with absent fields', () => {
    const exact = JSON.parse(JSON.stringify(full)) as typeof full;
    assert.equal(decodeInvoiceFast(exact), exact);
    const withNulls = { ...exact, amounts: { ...exact.amounts, billed: null }, dueDate: null };
    const decoded = decodeInvoiceFast(withNulls) as unknown as typeof full;
    assert.ok(decoded !== withNulls && decoded.amounts !== withNulls.amounts);
    assert.deepEqual(decoded, generalValue(withNulls));
    assert.equal(decoded.lines, exact.lines, 'a part with nothing to drop is kept, not copied');
    assert.equal(withNulls.amounts.billed, null, 'the input is left as it was');
  });
  it('leaves a field it does not know to the general decoder, which drops it', () => {
    const exact = JSON.parse(JSON.stringify(full)) as typeof full;
    const unknown = [
      { ...exact, note: 'x' },
      { ...exact, '': 1 },
      { ...exact, amounts: { ...exact.amounts, note: 'x' } },
      { ...exact, payments: [{ ...exact.payments[0], note: 'x' }] },
      Object.assign(Object.create({ injected: 1 }) as object, exact),
    ];
    for (const input of unknown) {
      assert.equal(decodeInvoiceFast(input), undefined);
      const parsed = parseInvoice(input);
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.value, generalValue(exact));
      assert.ok(!('note' in parsed.value) && !('' in parsed.value));
    }
  });
  it('agrees with the general decoder on 20,000 mutated invoices (one or two fields changed or removed)', () => {
    const mutation = fc
      .tuple(fc.constantFrom(...bases), fc.nat(), fc.constantFrom(...ODD), fc.boolean(), fc.boolean())
      .map(([base, pick, value, remove, extra]) => {
        const all = paths(base);
        return mutate(base, all[pick % all.length]!, value, remove, extra);
      });
    fc.assert(
      fc.property(mutation, fc.constantFrom(...ODD), fc.nat(), (once, value, pick) => {
        const all = paths(once);
        const twice = all.length ? mutate(once, all[pick % all.length]!, value, false) : once;
        for (const candidate of [once, twice]) {
          const general = decodeInvoiceGeneral(candidate);
          const fast = decodeInvoiceFast(candidate);
          const unknownField = /"(extra|)":/.test(JSON.stringify(candidate));
          // Where it answers, the same value; it answers every valid invoice but those with a field it does not know.
          if (general.ok && !(unknownField && fast === undefined))
            assert.deepEqual(fast, general.value, JSON.stringify(candidate));
          else if (!general.ok) assert.equal(fast, undefined, JSON.stringify(candidate));
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
