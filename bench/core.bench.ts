// Core throughput: tax-ID validations/s and eligibility checks/s over 1,000,000 invoices.
// Run with `npm run bench`; prints figures, asserts nothing (wall times are not stable enough for CI).
import { checkEligibility, validateTaxId, type Invoice } from '../src/core/index.js';
import { VALID_USCC, INVALID_USCC } from '../test/vectors/tax-ids.js';

function measure(label: string, operations: number, body: () => number): void {
  body(); // warm up
  const runs: number[] = [];
  let sink = 0;
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    sink += body();
    runs.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  runs.sort((a, b) => a - b);
  const median = runs[2] as number;
  console.log(
    `${label.padEnd(52)} ${(operations / median / 1e6).toFixed(2).padStart(7)} M/s   (median of 5: ${(median * 1000).toFixed(0)} ms for ${operations.toLocaleString('en')}; best ${(operations / (runs[0] as number) / 1e6).toFixed(2)} M/s)${sink < 0 ? '' : ''}`,
  );
}

const ids = [
  ...VALID_USCC.map(([c]) => c),
  ...INVALID_USCC.map(([c]) => c),
  '11010519491231002X',
  '110105673959654',
  ' 9144030071526726xg ',
];
const N = 1_000_000;
measure(`validateTaxId, ${ids.length} mixed real codes`, N, () => {
  let valid = 0;
  for (let i = 0; i < N; i++) if (validateTaxId(ids[i % ids.length] as string).valid) valid++;
  return valid;
});

const validOnly = VALID_USCC.map(([c]) => c);
measure(`validateTaxId, ${validOnly.length} valid credit codes`, N, () => {
  let valid = 0;
  for (let i = 0; i < N; i++) if (validateTaxId(validOnly[i % validOnly.length] as string).valid) valid++;
  return valid;
});

const statuses = ['paid', 'paid', 'paid', 'due', 'void'] as const;
const invoices: Invoice[] = Array.from({ length: N }, (_, i) => {
  const paidAt = new Date(Date.UTC(2025, 0, 1) + (i % 700) * 86_400_000 + (i % 86_400) * 1000).toISOString();
  const gross = 1000 + (i % 100_000);
  return {
    id: `INV-${i}`,
    number: `INV-${i}`,
    kind: 'invoice',
    status: statuses[i % statuses.length] as Invoice['status'],
    currency: 'CNY',
    invoiceDate: paidAt,
    billingPeriod: { start: '2025-01-01', end: '2025-01-31' },
    amounts: { charges: gross, adjustments: [], tax: 0, gross, net: gross, due: 0 },
    lines: [],
    payments: [],
    paidAt,
    documents: [],
    billingAccount: { id: 'acct' },
  } as unknown as Invoice;
});
const context = { now: new Date('2026-11-24T12:00:00+08:00'), account: 'registered' as const, requests: [] };
measure('checkEligibility over 1,000,000 invoices', N, () => {
  let eligible = 0;
  for (let i = 0; i < N; i++) if (checkEligibility(invoices[i] as Invoice, context).eligible) eligible++;
  return eligible;
});

// The context a bills page passes: the customer's 1,000 requests, each naming three bills (indexed once per array).
const requests = Array.from({ length: 1000 }, (_, r) => ({
  id: `REQ-${r}`,
  invoiceIds: [`INV-${r * 3}`, `INV-${r * 3 + 1}`, `INV-${r * 3 + 2}`],
  status: (r % 4 === 0 ? 'submitted' : 'issued') as 'submitted' | 'issued',
}));
const withRequests = { ...context, requests };
measure('checkEligibility over 1,000,000 invoices, 1,000 requests in the context', N, () => {
  let eligible = 0;
  for (let i = 0; i < N; i++) if (checkEligibility(invoices[i] as Invoice, withRequests).eligible) eligible++;
  return eligible;
});
