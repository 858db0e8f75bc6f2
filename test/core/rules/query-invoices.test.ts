import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { queryInvoices, type LocalInvoiceQuery } from '../../../src/core/index.js';
import { parseInvoice } from '../../../src/core/model/parse-invoice.js';
import { queryEntries } from '../../../src/core/rules/query-invoices.js';
import { makeInvoice } from '../../helpers/invoices.js';

const invoices = [
  makeInvoice({ id: 'b', number: 'INV-B', invoiceDate: '2026-10-31T16:30:00Z', gross: 500 }), // 1 Nov in China
  makeInvoice({ id: 'a', number: 'INV-A', invoiceDate: '2026-10-01T02:00:00Z', gross: 500, status: 'due' }),
  makeInvoice({ id: 'c', number: 'inv-c', invoiceDate: '2026-09-01', gross: 900, billingAccount: { id: 'acct-2' } }),
];
const ids = (list: readonly { id: string }[]) => list.map(i => i.id);

describe('queryInvoices', () => {
  it('sorts newest first by default and breaks ties by id in the same direction', () => {
    assert.deepEqual(ids(queryInvoices(invoices, {})), ['b', 'a', 'c']);
    assert.deepEqual(ids(queryInvoices(invoices, { sort: 'amount' })), ['a', 'b', 'c']);
    assert.deepEqual(ids(queryInvoices(invoices, { sort: '-amount' })), ['c', 'b', 'a']);
  });
  it('filters by China days, inclusive', () => {
    assert.deepEqual(ids(queryInvoices(invoices, { from: '2026-11-01' })), ['b']);
    assert.deepEqual(ids(queryInvoices(invoices, { to: '2026-10-31' })), ['a', 'c']);
  });
  it('filters by status, billing account and number (any case)', () => {
    assert.deepEqual(ids(queryInvoices(invoices, { status: ['due'] })), ['a']);
    assert.deepEqual(ids(queryInvoices(invoices, { billingAccount: 'acct-2' })), ['c']);
    assert.deepEqual(ids(queryInvoices(invoices, { search: ' INV-C ' })), ['c']);
    assert.deepEqual(ids(queryInvoices(invoices, { search: '%' })), []);
  });
  it('leaves its input alone', () => {
    const before = ids(invoices);
    queryInvoices(invoices, { sort: 'amount' });
    assert.deepEqual(ids(invoices), before);
  });
});

describe('queryEntries', () => {
  /** What the fields the query reads may be in a host's array: a real value, or anything else. */
  const ODD = [null, undefined, '', 'x', -1, 1.5, 2 ** 60, NaN, true, [], {}, '2026-02-30', 'Nov 5 2026', 'paid'];
  const entry = fc
    .record({
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      number: fc.constantFrom('INV-A', 'inv-b', 'CN-7'),
      invoiceDate: fc.constantFrom('2026-10-31T16:30:00Z', '2026-11-01', '2026-10-01T02:00:00.250+08:00', '2026-11-01'),
      gross: fc.constantFrom(500, 900, 500),
      status: fc.constantFrom('paid', 'due', 'void'),
      account: fc.constantFrom('acct-1', 'acct-2'),
      // One entry in four has an odd field the query reads, one in twenty is not an invoice at all.
      odd: fc.oneof(
        { arbitrary: fc.constant(null), weight: 3 },
        {
          arbitrary: fc.tuple(
            fc.constantFrom('id', 'number', 'invoiceDate', 'status', 'billingAccount', 'amounts', 'gross'),
            fc.constantFrom(...ODD),
          ),
          weight: 1,
        },
      ),
      whole: fc.oneof({ arbitrary: fc.constant(null), weight: 19 }, { arbitrary: fc.constantFrom(...ODD), weight: 1 }),
    })
    .map(({ id, number, invoiceDate, gross, status, account, odd, whole }): unknown => {
      if (whole !== null) return whole;
      const invoice = JSON.parse(
        JSON.stringify(
          makeInvoice({
            id,
            number,
            invoiceDate,
            gross,
            tax: 0,
            status: status as 'paid',
            billingAccount: { id: account },
          }),
        ),
      ) as Record<string, unknown> & { amounts: Record<string, unknown> };
      if (odd?.[0] === 'gross') invoice.amounts.gross = odd[1];
      else if (odd) (invoice as Record<string, unknown>)[odd[0]] = odd[1];
      return invoice;
    });
  const query = fc.record(
    {
      from: fc.constantFrom('2026-10-01', '2026-11-01'),
      to: fc.constantFrom('2026-10-31', '2026-11-01'),
      status: fc.constantFrom(['paid'] as const, ['due', 'void'] as const),
      billingAccount: fc.constantFrom('acct-1', 'acct-2'),
      search: fc.constantFrom('inv', ' B ', '7'),
      sort: fc.constantFrom('date', '-date', 'amount', '-amount'),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<LocalInvoiceQuery>;

  it("keeps the valid entries of a host's array in queryInvoices' order (so a long list may show them before validating the rest)", () => {
    let valid = 0;
    let all = 0;
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), query, (entries, q) => {
        const parsed = entries.map(e => parseInvoice(e));
        const invoices = parsed.flatMap(p => (p.ok ? [p.value] : []));
        valid += invoices.length;
        all += entries.length;
        const kept = queryEntries(entries, q).flatMap(i => (parsed[i]!.ok ? [parsed[i]!.value] : []));
        assert.deepEqual(kept, queryInvoices(invoices, q));
      }),
      { numRuns: 3_000 },
    );
    assert.ok(valid > all / 2, `most entries valid (${valid} of ${all})`);
  });
});
