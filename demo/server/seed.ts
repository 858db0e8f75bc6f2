import { createHash, randomBytes } from 'node:crypto';
import {
  holdsClaims,
  splitTaxInclusive,
  usccCheckChar,
  toFen,
  type FapiaoRequest,
  type Invoice,
  type IssuedFapiao,
  type InvoiceStatus,
  type Statement,
} from '../../src/core/index.js';
import { trackingNumber } from './delivery.js';
import type { Store } from './store/index.js';

/** 21Vianet's Shanghai entity issues Fapiao for Office 365 and Azure operated by 21Vianet (docs/domain.md §1.1). */
/** The seller on the demo's Fapiao: 21Vianet's Shanghai entity by name, with a made-up credit code (check computed). */
export const SELLER = {
  id: '21vianet-sh',
  name: '上海蓝云网络科技有限公司',
  taxId: `91310115MA1H7DEM0${usccCheckChar('91310115MA1H7DEM0')}`,
};
const DAY = 86_400_000;
/** A well-formed credit code for the fictional demo buyers (check character computed, not copied from a real firm). */
export const DEMO_TAX_ID = `91310115MA1K4PQX2${usccCheckChar('91310115MA1K4PQX2')}`;
const CHINA = 8 * 3_600_000;

/** The download links of an issued Fapiao; the server's file route answers exactly these paths. */
export function fapiaoFileLinks(requestId: string, number: string): IssuedFapiao['files'] {
  return (['pdf', 'ofd', 'xml'] as const).map(format => ({
    format,
    url: `/api/v1/fapiao-requests/${requestId}/fapiaos/${number}.${format}`,
  }));
}

export interface SeedCustomer {
  readonly id: string;
  readonly name: string;
  readonly token: string;
  readonly account: 'registered' | 'pending-activation' | 'unregistered';
  readonly email: string | null;
  readonly billingAccounts: readonly { id: string; name: string; products: readonly [string, number][] }[];
  readonly months: number;
}

export const CUSTOMERS: readonly SeedCustomer[] = [
  {
    id: 'contoso',
    name: '康托索（上海）信息技术有限公司',
    token: 'demo-token-contoso',
    account: 'registered',
    email: 'finance@contoso.cn',
    months: 24,
    billingAccounts: [
      {
        id: 'BA-M365-CONTOSO',
        name: 'Microsoft 365 operated by 21Vianet',
        products: [
          ['Office 365 E3', 20_500],
          ['Exchange Online (Plan 1)', 2_900],
          ['Microsoft Teams Rooms', 9_900],
        ],
      },
      {
        id: 'BA-AZURE-CONTOSO',
        name: 'Azure operated by 21Vianet',
        products: [
          ['Virtual Machines usage', 0],
          ['Azure Storage usage', 0],
        ],
      },
    ],
  },
  {
    id: 'fabrikam',
    name: '法布里坎贸易（深圳）有限公司',
    token: 'demo-token-fabrikam',
    account: 'unregistered',
    email: null,
    months: 24,
    billingAccounts: [
      {
        id: 'BA-M365-FABRIKAM',
        name: 'Microsoft 365 operated by 21Vianet',
        products: [['Microsoft 365 Business Standard', 7_800]],
      },
    ],
  },
  {
    id: 'northwind',
    name: '北风贸易（北京）有限公司',
    token: 'demo-token-northwind',
    account: 'pending-activation',
    email: 'ap@northwind.cn',
    months: 12,
    billingAccounts: [
      { id: 'BA-M365-NORTHWIND', name: 'Microsoft 365 operated by 21Vianet', products: [['Office 365 E1', 4_800]] },
    ],
  },
];

/** A small deterministic generator so every fresh store holds the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
/** Midnight in China on the given civil date. */
const chinaMidnight = (y: number, m: number, d: number) => Date.UTC(y, m, d) - CHINA;
const chinaDate = (ms: number) => new Date(ms + CHINA).toISOString().slice(0, 10);

/**
 * Two years of monthly invoices per billing account, ending with the month before `now`, with the cases a bills page
 * must show: paid (most), paid yesterday (waiting period), due, past due, partially paid, void, refunded with its
 * credit note, and requests in every state.
 */
export function generate(
  customer: SeedCustomer,
  now: number,
): { invoices: Invoice[]; statements: Statement[]; requests: FapiaoRequest[] } {
  const rand = random(customer.id.split('').reduce((a, c) => a * 31 + c.charCodeAt(0), 7));
  const invoices: Invoice[] = [];
  const statements: Statement[] = [];
  const requests: FapiaoRequest[] = [];
  const today = new Date(now + CHINA);
  customer.billingAccounts.forEach((account, accountIndex) => {
    let balance = 0;
    for (let back = customer.months; back >= 1; back--) {
      const periodStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
      const y = periodStart.getUTCFullYear();
      const m = periodStart.getUTCMonth();
      const start = chinaMidnight(y, m, 1);
      const end = chinaMidnight(y, m + 1, 1) - 1000;
      const invoiceAt = chinaMidnight(y, m + 1, 1) + 10 * 3_600_000;
      const number = `${account.id.split('-')[1]}${y}${String(m + 1).padStart(2, '0')}${String(accountIndex + 1).padStart(2, '0')}`;
      const id = `INV-${customer.id.toUpperCase()}-${accountIndex + 1}-${y}${String(m + 1).padStart(2, '0')}`;
      // Line amounts in fen: seats × unit price, or usage with some variation.
      const lines = account.products.map(([name, unitYuan]) => {
        const quantity = unitYuan > 0 ? 20 + Math.floor(rand() * 180) : 1;
        const amount = unitYuan > 0 ? quantity * unitYuan : 50_000 + Math.floor(rand() * 3_000_000);
        return {
          description: `${name}（由世纪互联运营）`,
          quantity,
          amount: toFen(amount),
          taxRateBp: 600,
          serviceStart: chinaDate(start),
          serviceEnd: chinaDate(end),
        };
      });
      const gross = toFen(lines.reduce((a, l) => a + l.amount, 0));
      const { net, tax } = splitTaxInclusive(gross, 600);
      let status: InvoiceStatus = 'paid';
      let paidAt: number | undefined = invoiceAt + (3 + Math.floor(rand() * 20)) * DAY;
      if (back === 1) {
        status = accountIndex === 0 && customer.id === 'contoso' ? 'paid' : 'due';
        paidAt = status === 'paid' ? now - DAY : undefined; // paid yesterday: still in the waiting period
      } else if (back === 2 && accountIndex === 1) {
        status = 'past-due';
        paidAt = undefined;
      } else if (back === 2 && accountIndex === 0 && customer.id !== 'contoso') {
        status = 'partially-paid';
        paidAt = undefined;
      } else if (back === 5 && accountIndex === 0) {
        status = 'void';
        paidAt = undefined;
      } else if (back === 9 && accountIndex === 0) status = 'refunded'; // a month with an earlier request: it shows as reversed (红字)
      const paidPart =
        status === 'partially-paid'
          ? toFen(Math.floor(gross / 2))
          : status === 'paid' || status === 'refunded'
            ? gross
            : toFen(0);
      const payments: Invoice['payments'][number][] = [];
      if (paidPart > 0)
        payments.push({
          date: iso(paidAt ?? invoiceAt + 10 * DAY),
          amount: paidPart,
          type: 'payment',
          method: rand() > 0.5 ? 'Alipay' : 'UnionPay',
        });
      if (status === 'refunded')
        payments.push({ date: iso((paidAt ?? invoiceAt) + 20 * DAY), amount: gross, type: 'refund', method: 'Alipay' });
      const due = status === 'paid' || status === 'refunded' || status === 'void' ? toFen(0) : toFen(gross - paidPart);
      const invoice: Invoice = {
        id,
        number,
        kind: 'invoice',
        status,
        currency: 'CNY',
        invoiceDate: iso(invoiceAt),
        dueDate: iso(invoiceAt + 30 * DAY),
        billingPeriod: { start: chinaDate(start), end: chinaDate(end) },
        amounts: { charges: net, adjustments: [], tax, gross, net, due },
        lines,
        payments,
        ...(status === 'paid' && paidAt !== undefined ? { paidAt: iso(paidAt) } : {}),
        documents: [{ kind: 'invoice', url: `/api/v1/invoices/${id}/pdf` }],
        billingAccount: { id: account.id, name: account.name },
        seller: { id: SELLER.id, name: SELLER.name },
        purchaseOrderNumber: `PO-${y}-${String(m + 1).padStart(2, '0')}`,
        recurring: true,
      };
      invoices.push(invoice);
      if (status === 'refunded') {
        const creditId = `CN-${id.slice(4)}`;
        const refundAt = (paidAt ?? invoiceAt) + 20 * DAY;
        invoices.push({
          ...invoice,
          id: creditId,
          number: `CN${number}`,
          kind: 'credit-note',
          status: 'paid',
          invoiceDate: iso(refundAt),
          creditFor: id,
          amounts: {
            charges: toFen(-net),
            adjustments: [],
            tax: toFen(-tax),
            gross: toFen(-gross),
            net: toFen(-net),
            due: toFen(0),
          },
          lines: lines.map(l => ({ ...l, amount: toFen(-l.amount) })),
          payments: [],
          paidAt: iso(refundAt),
          documents: [{ kind: 'credit-note', url: `/api/v1/invoices/${creditId}/pdf` }],
        });
      }
      const paidInPeriod = payments.reduce((a, p) => a + (p.type === 'payment' ? p.amount : -p.amount), 0);
      // A refund's credit note nets its invoice to zero in the same period (it was missing: a ¥34,000 balance that
      // never existed stayed on every later statement).
      const credited = status === 'refunded' ? gross : 0;
      const charges = status === 'void' ? 0 : gross - credited;
      statements.push({
        id: `ST-${id.slice(4)}`,
        billingAccount: { id: account.id, name: account.name },
        currency: 'CNY',
        period: { start: chinaDate(start), end: chinaDate(end) },
        invoiceIds: status === 'refunded' ? [id, `CN-${id.slice(4)}`] : [id],
        openingBalance: toFen(balance),
        charges: toFen(charges),
        payments: toFen(paidInPeriod),
        closingBalance: toFen(balance + charges - paidInPeriod),
        document: { kind: 'statement', url: `/api/v1/statements/ST-${id.slice(4)}/pdf` },
      });
      balance += charges - paidInPeriod;

      // Earlier Fapiao requests for some paid bills, in every state.
      if (customer.account === 'registered' && status !== 'void' && back >= 3 && back <= 12 && back % 3 === 0) {
        const state = (['issued', 'mailed', 'rejected', 'issued'] as const)[back / 3 - 1] as FapiaoRequest['status'];
        const createdAt = (paidAt ?? invoiceAt) + 4 * DAY;
        const reversed = status === 'refunded';
        requests.push(seedRequest(`REQ-${id.slice(4)}`, invoice, reversed ? 'reversed' : state, createdAt, customer));
      }
    }
  });
  return { invoices, statements, requests };
}

function seedRequest(
  id: string,
  invoice: Invoice,
  status: FapiaoRequest['status'],
  createdAt: number,
  customer: SeedCustomer,
): FapiaoRequest {
  const history: { status: FapiaoRequest['status']; at: string; note?: string }[] = [
    { status: 'submitted', at: iso(createdAt) },
    { status: 'processing', at: iso(createdAt + 3_600_000) },
  ];
  const issuedAt = createdAt + DAY;
  const fapiaoNumber = `2631${String(invoice.number.replace(/\D/g, '')).padStart(16, '0').slice(-16)}`;
  const issued = ['issued', 'mailed', 'reversed'].includes(status);
  if (status === 'rejected')
    history.push({ status: 'rejected', at: iso(createdAt + DAY), note: '购买方名称与付款方名称不一致' });
  if (issued) history.push({ status: 'issued', at: iso(issuedAt) });
  if (status === 'mailed') history.push({ status: 'mailed', at: iso(issuedAt + DAY) });
  if (status === 'reversed')
    history.push({ status: 'reversed', at: iso(issuedAt + 25 * DAY), note: '销货退回：已开具红字发票' });
  const split = splitTaxInclusive(invoice.amounts.gross, 600);
  return {
    id,
    invoiceIds: [invoice.id],
    invoiceNumbers: [invoice.number],
    fapiaoKind: 'special',
    buyer: { buyerKind: 'enterprise', title: customer.name, taxId: DEMO_TAX_ID },
    ...(status === 'mailed'
      ? {
          delivery: 'paper' as const,
          shipping: {
            recipient: '王芳',
            phone: '021-60506050',
            address: '上海市浦东新区张江高科技园区郭守敬路 498 号',
            courier: 'sf' as const,
          },
          tracking: { courier: 'sf' as const, number: trackingNumber('sf', issuedAt + DAY, id) },
        }
      : { delivery: 'electronic' as const, ...(customer.email ? { email: customer.email } : {}) }),
    status,
    history,
    ...(status === 'rejected' ? { rejectionReason: '购买方名称与付款方名称不一致' } : {}),
    fapiaos: issued
      ? [
          {
            number: fapiaoNumber,
            kind: 'special',
            issuedAt: iso(issuedAt),
            currency: 'CNY',
            net: split.net,
            tax: split.tax,
            gross: split.gross,
            files: fapiaoFileLinks(id, fapiaoNumber),
            ...(status === 'reversed' ? { reversedBy: `2631${fapiaoNumber.slice(4, 19)}9` } : {}),
          },
        ]
      : [],
    createdAt: iso(createdAt),
  };
}

export async function seed(db: Store, now: number): Promise<void> {
  await db.transaction(async tx => {
    for (const customer of CUSTOMERS) {
      await tx.query(
        'insert into customers (id, name, token, fapiao_account_state, fapiao_email) values ($1, $2, $3, $4, $5)',
        [customer.id, customer.name, customer.token, customer.account, customer.email],
      );
      for (const account of customer.billingAccounts) {
        await tx.query('insert into billing_accounts (id, tenant_id, name, currency) values ($1, $2, $3, $4)', [
          account.id,
          customer.id,
          account.name,
          'CNY',
        ]);
      }
      const { invoices, statements, requests } = generate(customer, now);
      if (customer.account === 'pending-activation') {
        // Registered two days ago; the link (never sent from this seed) expired yesterday: the customer resends.
        await tx.query(
          `insert into account_registrations (tenant_id, email, order_number, locale, token_hash, expires_at, created_at)
           values ($1, $2, $3, 'zh-CN', $4, $5, $6)`,
          [
            customer.id,
            customer.email,
            invoices[0]?.number ?? '',
            createHash('sha256').update(randomBytes(32)).digest('hex'),
            iso(now - DAY),
            iso(now - 2 * DAY),
          ],
        );
      }
      for (const invoice of invoices) {
        await tx.query(
          'insert into invoices (id, tenant_id, billing_account_id, number, invoice_date, gross, status, body) values ($1, $2, $3, $4, $5, $6, $7, $8)',
          [
            invoice.id,
            customer.id,
            invoice.billingAccount.id,
            invoice.number,
            invoice.invoiceDate,
            invoice.amounts.gross,
            invoice.status,
            JSON.stringify(invoice),
          ],
        );
      }
      for (const s of statements) {
        await tx.query(
          'insert into statements (id, tenant_id, billing_account_id, period_start, body) values ($1, $2, $3, $4, $5)',
          [s.id, customer.id, s.billingAccount.id, s.period.start, JSON.stringify(s)],
        );
      }
      for (const r of requests) {
        await tx.query(
          'insert into fapiao_requests (id, tenant_id, created_at, status, body) values ($1, $2, $3, $4, $5)',
          [r.id, customer.id, r.createdAt, r.status, JSON.stringify(r)],
        );
        for (const [i, invoiceId] of r.invoiceIds.entries()) {
          await tx.query(
            'insert into fapiao_request_invoices (tenant_id, request_id, invoice_id) values ($1, $2, $3)',
            [customer.id, r.id, invoiceId],
          );
          if (holdsClaims(r))
            await tx.query(
              'insert into invoice_claims (tenant_id, invoice_id, request_id, gross) select tenant_id, id, $2, coalesce($3, gross) from invoices where id = $1',
              [invoiceId, r.id, r.amounts?.[i] ?? null],
            );
        }
      }
    }
    // The seeded history happened before anyone could be told: no e-mail about it (webhooks, for a host, do go out).
    await tx.query("update request_events set mail_state = 'skipped'");
    await tx.query("insert into meta (key, value) values ('seeded_at', $1)", [new Date(now).toISOString()]);
  });
}
