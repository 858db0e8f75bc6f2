import type { Invoice } from '../../src/core/index.js';

type Overrides = Partial<Omit<Invoice, 'amounts'>> & { gross?: number; tax?: number; due?: number };

/** A paid CNY invoice (100.00 incl. 6 % VAT) with its fields overridable; amounts stay consistent. */
export function makeInvoice(overrides: Overrides = {}): Invoice {
  const { gross = 10000, tax = 566, due = 0, ...rest } = overrides;
  return {
    id: 'INV-1',
    number: 'INV-1',
    kind: 'invoice',
    status: 'paid',
    currency: 'CNY',
    invoiceDate: '2026-11-01T00:00:00+08:00',
    dueDate: '2026-12-01T00:00:00+08:00',
    billingPeriod: { start: '2026-10-01', end: '2026-10-31' },
    amounts: {
      charges: gross - tax,
      adjustments: [],
      tax,
      gross,
      net: gross - tax,
      due,
    } as unknown as Invoice['amounts'],
    lines: [],
    payments: [{ date: '2026-11-20T10:00:00+08:00', amount: gross, type: 'payment' } as Invoice['payments'][number]],
    paidAt: '2026-11-20T10:00:00+08:00',
    documents: [],
    billingAccount: { id: 'acct-1' },
    seller: { id: '21vianet-sh', name: '上海蓝云网络科技有限公司' },
    ...rest,
  } as Invoice;
}
