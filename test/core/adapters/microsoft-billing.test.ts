import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromMicrosoftInvoice, fromMicrosoftInvoiceList } from '../../../src/core/microsoft.js';
import { checkEligibility, explainReason, parseInvoice, type Invoice } from '../../../src/core/node.js';

// Compiled tests live in .build/test/core/adapters; the fixtures stay in test/fixtures.
const dir = fileURLToPath(new URL('../../../../test/fixtures/microsoft-billing/', import.meta.url));
const body = (file: string) => JSON.parse(readFileSync(dir + file, 'utf8')).responses['200'].body;

describe('Microsoft Billing invoice adapter', () => {
  it('maps every example file without error', () => {
    const files = readdirSync(dir).filter(f => f.endsWith('.json'));
    assert.ok(files.length >= 3);
    for (const file of files) {
      const b = body(file);
      const r = Array.isArray(b.value) ? fromMicrosoftInvoiceList(b) : fromMicrosoftInvoice(b);
      assert.equal(r.ok, true, `${file}: ${JSON.stringify(!r.ok && r.issues)}`);
    }
  });
  it('keeps every amount exactly, in minor units', () => {
    const r = fromMicrosoftInvoice(body('Invoice.json'));
    assert.ok(r.ok);
    const inv = r.value;
    assert.equal(inv.currency, 'USD');
    assert.deepEqual(inv.amounts, {
      charges: 3399,
      adjustments: [
        { kind: 'prepayment', amount: 1546 },
        { kind: 'credit', amount: 200 },
        { kind: 'free-credit', amount: 0 },
      ],
      tax: 0,
      gross: 1653,
      net: 1653,
      due: 1653,
      billed: 3399,
    });
  });
  it('keeps dates, status, documents, payments, profile and PO number', () => {
    const r = fromMicrosoftInvoice(body('Invoice.json'));
    assert.ok(r.ok);
    const inv = r.value;
    assert.equal(inv.status, 'due');
    assert.equal(inv.invoiceDate, '2018-01-01T17:32:28Z');
    assert.equal(inv.dueDate, '2018-01-16T17:32:28Z');
    assert.deepEqual(inv.billingPeriod, { start: '2018-01-01T17:32:28Z', end: '2018-01-15T17:32:28Z' });
    assert.deepEqual(inv.documents, [
      { kind: 'invoice', url: 'https://microsoft.com/invoice.pdf', source: 'DRS' },
      { kind: 'tax-receipt', url: 'https://microsoft.com/taxDoc.pdf', source: 'DRS' },
    ]);
    assert.deepEqual(inv.payments, [
      { date: '2018-01-14T17:32:28Z', amount: 200, type: 'payment', method: 'CreditCard/visa' },
    ]);
    assert.equal(inv.billingProfile?.name, 'Contoso Operations Billing');
    assert.equal(inv.purchaseOrderNumber, '123456');
    assert.equal(inv.recurring, false);
    assert.equal(inv.paidAt, undefined, 'a due invoice has no paid date');
  });
  it('maps a list, past-due status and credit notes with their link', () => {
    const list = fromMicrosoftInvoiceList(body('BillingAccountInvoicesList.json'));
    assert.ok(list.ok);
    assert.deepEqual(list.value.skipped, []);
    assert.deepEqual(
      list.value.invoices.map(i => [i.id, i.status, i.amounts.gross, i.amounts.due]),
      [
        ['1383723', 'due', 753, 853],
        ['1383724', 'past-due', 1653, 1653],
      ],
    );
    const credit = fromMicrosoftInvoice(body('CreditNote.json'));
    assert.ok(credit.ok);
    assert.equal(credit.value.kind, 'credit-note');
    assert.equal(credit.value.status, 'paid');
    assert.equal(credit.value.creditFor, 'I000001');
    assert.equal(credit.value.paidAt, '2018-01-14T17:32:28Z');
  });
  it('rejects mixed currencies, unsafe links and float drift, naming the path', () => {
    const base = body('Invoice.json');
    const mutate = (f: (p: Record<string, any>) => void) => {
      const copy = structuredClone(base);
      f(copy.properties);
      const r = fromMicrosoftInvoice(copy);
      assert.equal(r.ok, false);
      return r.ok ? [] : r.issues.map(i => `${i.path} ${i.code}`);
    };
    assert.deepEqual(
      mutate(p => (p.taxAmount.currency = 'CNY')),
      ['$.properties.taxAmount.currency currency.mixed'],
    );
    assert.deepEqual(
      mutate(p => (p.status = 'L'.repeat(65))),
      ['$.properties.status string.too-long'],
    );
    assert.deepEqual(
      mutate(p => (p.documents[0].url = 'javascript:alert(1)')),
      ['$.properties.documents[0].url url'],
    );
    assert.deepEqual(
      mutate(p => (p.subTotal.value = 0.1 + 0.2)),
      ['$.properties.subTotal.value amount.precision'],
    );
    assert.deepEqual(
      mutate(p => (p.totalAmount.value = 99)),
      ['$.amounts.gross amounts.inconsistent'],
    );
    assert.deepEqual(
      mutate(p => delete p.invoiceDate),
      ['$.properties.invoiceDate required'],
    );
  });
  it('leaves a bad item out of a list, naming its index, and keeps the others', () => {
    const b = structuredClone(body('BillingAccountInvoicesList.json'));
    b.value[1].properties.amountDue.value = 'lots';
    const r = fromMicrosoftInvoiceList(b);
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.invoices.map(i => i.id),
      ['1383723'],
    );
    assert.deepEqual(
      r.value.skipped.map(x => [x.index, x.id, x.issues.map(i => i.path)]),
      [[1, '1383724', ['$.value[1].properties.amountDue.value']]],
    );
    for (const notAList of [null, [], { value: 'x' }, { values: [] }])
      assert.equal(fromMicrosoftInvoiceList(notAList).ok, false);
  });
});

describe('Microsoft Billing 2024-04-01: values the 2020-05-01 API did not have', () => {
  const example = () => structuredClone(body('invoicesListByBillingAccount.2024-04-01.json'));
  it('converts the 2024-04-01 example as the 2020-05-01 one', () => {
    const r = fromMicrosoftInvoiceList(example());
    assert.ok(r.ok);
    const older = fromMicrosoftInvoiceList(body('BillingAccountInvoicesList.json'));
    assert.ok(older.ok);
    const shape = (i: Invoice) => [i.id, i.status, i.amounts, i.documents, i.payments, i.paidAt];
    assert.deepEqual(r.value.invoices.map(shape), older.value.invoices.map(shape));
  });
  it('keeps a new status and new document kinds as they came, and the bill is shown but never invoiceable', () => {
    const b = example();
    const [first, second] = b.value;
    first.properties.status = 'Locked';
    first.properties.documents.push(
      { kind: 'Summary', url: 'https://microsoft.com/summary.pdf', source: 'DRS' },
      { kind: 'Transactions', url: 'https://microsoft.com/transactions.csv' },
      { kind: 'Invoice', externalUrl: 'https://nfe.example.com.br/1383723.pdf', source: 'ENF', documentNumbers: ['1'] },
      { kind: 'Other', source: 'DRS' }, // no link: nothing to open
    );
    second.properties.status = 'Other';
    const r = fromMicrosoftInvoiceList(b);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
    assert.deepEqual(r.value.skipped, []);
    const [locked, other] = r.value.invoices;
    assert.deepEqual(
      [locked!.status, locked!.rawStatus, other!.status, other!.rawStatus],
      ['unknown', 'Locked', 'unknown', 'Other'],
    );
    assert.deepEqual(locked!.documents, [
      { kind: 'invoice', url: 'https://microsoft.com/invoice.pdf', source: 'DRS' },
      { kind: 'other', rawKind: 'Summary', url: 'https://microsoft.com/summary.pdf', source: 'DRS' },
      { kind: 'other', rawKind: 'Transactions', url: 'https://microsoft.com/transactions.csv' },
      { kind: 'invoice', url: 'https://nfe.example.com.br/1383723.pdf', source: 'ENF' },
    ]);
    // The core's own decoder takes what the adapter made (a host may send it through its API as it is).
    assert.equal(parseInvoice(JSON.parse(JSON.stringify(locked))).ok, true);
    // (The example is in USD: a policy that takes USD, so the status is the only reason.)
    const e = checkEligibility(locked!, {
      now: new Date('2026-11-26T00:00:00Z'),
      account: 'registered',
      policy: { currencies: ['CNY', 'USD'] },
    });
    assert.deepEqual(
      e.reasons.map(x => x.code),
      ['status-unknown'],
    );
    assert.match(explainReason(e.reasons[0]!, 'en'), /\(Locked\)/);
    assert.match(explainReason(e.reasons[0]!, 'zh-CN'), /（Locked）/);
  });
});
