import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkEligibility,
  fapiaoStateOf,
  invoicesToCsv,
  explainFapiaoState,
  type Invoice,
} from '../../../src/core/node.js'; // the Node entry: every language registered
import { makeInvoice } from '../../helpers/invoices.js';

const NOW = new Date('2026-11-24T12:00:00+08:00');
const eligibility = (invoice: Invoice) => checkEligibility(invoice, { now: NOW, account: 'registered', requests: [] });
/** Parses RFC 4180 CSV (quotes, doubled quotes, CRLF) so the tests read what a spreadsheet reads. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    cell = '',
    quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('fapiaoStateOf', () => {
  it('says eligible, eligible-from (waiting only), requested, issued or not available', () => {
    const paidYesterday = makeInvoice({ paidAt: '2026-11-23T09:00:00+08:00' });
    assert.deepEqual(fapiaoStateOf(eligibility(makeInvoice({ paidAt: '2026-11-01T09:00:00+08:00' }))), {
      state: 'eligible',
    });
    assert.deepEqual(fapiaoStateOf(eligibility(paidYesterday)), { state: 'eligible-from', from: '2026-11-26' });
    // Waiting and unregistered: on the 26th it would still be blocked, so no date is promised.
    assert.deepEqual(
      fapiaoStateOf(checkEligibility(paidYesterday, { now: NOW, account: 'unregistered', requests: [] })),
      { state: 'not-available' },
    );
    const pending = checkEligibility(makeInvoice({ id: 'X', paidAt: '2026-11-01T09:00:00+08:00' }), {
      now: NOW,
      account: 'registered',
      requests: [{ id: 'R', invoiceIds: ['X'], status: 'processing' } as never],
    });
    assert.deepEqual(fapiaoStateOf(pending), { state: 'requested' });
    assert.equal(explainFapiaoState({ state: 'eligible-from', from: '2026-11-26' }, 'zh-CN'), '2026年11月26日起可申请');
  });
});

describe('invoicesToCsv', () => {
  it('writes localised headers, China dates, plain decimal amounts, with a BOM and CRLF', () => {
    const csv = invoicesToCsv(
      [makeInvoice({ number: 'INV-1', gross: 123450, tax: 6988, invoiceDate: '2026-10-31T20:00:00Z' })],
      { locale: 'zh-CN', eligibility },
    );
    assert.ok(csv.startsWith('\uFEFF账单编号,账单日期,'));
    assert.ok(csv.endsWith('\r\n'));
    const [header, row] = parseCsv(csv.slice(1));
    assert.equal(header!.length, row!.length);
    assert.deepEqual(row!.slice(0, 12), [
      'INV-1',
      '2026-11-01',
      '2026-10-01',
      '2026-10-31',
      '2026-12-01',
      'CNY',
      '1164.62',
      '69.88',
      '1234.50',
      '0.00',
      '已付款',
      'acct-1',
    ]);
    assert.equal(row![12], '可申请');
  });
  it('quotes commas, quotes and line breaks, and defuses formulas in text cells only', () => {
    const tricky = makeInvoice({
      number: '=HYPERLINK("http://x","y")',
      billingAccount: { id: 'a', name: 'Contoso, "China"\nLtd' },
      gross: -5000,
      tax: -283,
    });
    const [, row] = parseCsv(invoicesToCsv([tricky], { locale: 'en' }).slice(1));
    assert.equal(row![0], `'=HYPERLINK("http://x","y")`);
    assert.equal(row![11], 'Contoso, "China"\nLtd');
    assert.equal(row![8], '-50.00', 'a negative amount stays a number');
    assert.equal(row!.length, 12, 'no Fapiao columns without eligibility');
  });
  it('has the same columns in every locale', () => {
    const widths = (['zh-CN', 'en', 'nl'] as const).map(
      locale => parseCsv(invoicesToCsv([], { locale, eligibility }).slice(1))[0]!.length,
    );
    assert.deepEqual(widths, [14, 14, 14]);
  });
});
