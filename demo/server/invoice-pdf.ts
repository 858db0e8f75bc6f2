import { PDFDocument, rgb } from 'pdf-lib';
import { coreMessages, formatChinaDate, formatMoney, type Invoice, type Locale } from '../../src/core/node.js';
import { CjkText } from './pdf-text.js';
import { SELLER } from './seed.js';

// A bill's PDF in the customer's language (Chinese for zh-CN, as 21Vianet's are): seller and buyer, the order number a
// customer registers their Fapiao account with, dates on China's calendar, the lines and the totals.

type Label =
  | 'invoice'
  | 'creditNote'
  | 'orderNumber'
  | 'seller'
  | 'buyer'
  | 'taxId'
  | 'account'
  | 'date'
  | 'period'
  | 'due'
  | 'status'
  | 'item'
  | 'quantity'
  | 'vat'
  | 'amount'
  | 'net'
  | 'tax'
  | 'total'
  | 'amountDue'
  | 'po'
  | 'footer';

const LABELS: Record<Locale, Record<Label, string>> = {
  'zh-CN': {
    invoice: '账单',
    creditNote: '贷项通知单',
    orderNumber: '订单号',
    seller: '销售方',
    buyer: '购买方',
    taxId: '统一社会信用代码',
    account: '账单账户',
    date: '账单日期',
    period: '计费周期',
    due: '到期日',
    status: '状态',
    item: '项目',
    quantity: '数量',
    vat: '税率',
    amount: '金额',
    net: '不含税金额',
    tax: '增值税',
    total: '价税合计',
    amountDue: '应付金额',
    po: '采购订单号',
    footer: '本账单不是发票。付款约三天后，可凭订单号注册发票账户并申请发票。',
  },
  en: {
    invoice: 'Invoice',
    creditNote: 'Credit note',
    orderNumber: 'Order number',
    seller: 'Seller',
    buyer: 'Buyer',
    taxId: 'Unified social credit code',
    account: 'Billing account',
    date: 'Invoice date',
    period: 'Billing period',
    due: 'Due date',
    status: 'Status',
    item: 'Item',
    quantity: 'Qty',
    vat: 'VAT',
    amount: 'Amount',
    net: 'Net',
    tax: 'VAT',
    total: 'Total',
    amountDue: 'Amount due',
    po: 'PO number',
    footer:
      'This bill is not a Fapiao. About three days after paying, register a Fapiao account with the order number and request one.',
  },
  nl: {
    invoice: 'Factuur',
    creditNote: 'Creditnota',
    orderNumber: 'Ordernummer',
    seller: 'Verkoper',
    buyer: 'Koper',
    taxId: 'Uniforme sociale kredietcode',
    account: 'Factuuraccount',
    date: 'Factuurdatum',
    period: 'Factuurperiode',
    due: 'Vervaldatum',
    status: 'Status',
    item: 'Omschrijving',
    quantity: 'Aantal',
    vat: 'Btw',
    amount: 'Bedrag',
    net: 'Netto',
    tax: 'Btw',
    total: 'Totaal',
    amountDue: 'Te betalen',
    po: 'Inkoopordernummer',
    footer:
      'Deze factuur is geen Fapiao. Registreer ongeveer drie dagen na betaling een Fapiao-account met het ordernummer en vraag er een aan.',
  },
};

const ACCENT = rgb(0.04, 0.36, 0.68);
const MUTED = rgb(0.4, 0.4, 0.4);

/** The bill as a PDF for `buyer` (the customer's name), in `locale`. */
export async function invoicePdf(invoice: Invoice, buyer: string, locale: Locale): Promise<Uint8Array> {
  const l = LABELS[locale];
  const core = coreMessages(locale);
  const pdf = await PDFDocument.create();
  const title = `${invoice.kind === 'credit-note' ? l.creditNote : l.invoice} ${invoice.number}`;
  pdf.setTitle(title);
  pdf.setLanguage(locale);
  pdf.setProducer('fapiao-kit reference server');
  pdf.setCreationDate(new Date(invoice.invoiceDate));
  pdf.setModificationDate(new Date(invoice.invoiceDate));
  const page = pdf.addPage([595, 842]);
  const text = new CjkText(pdf);
  const money = (fen: number) => formatMoney({ fen: fen as never, currency: invoice.currency }, locale);
  const day = (value: string) => formatChinaDate(value, locale);
  const label = (s: string) => (locale === 'zh-CN' ? `${s}：` : `${s}: `);

  let y = 790;
  await text.draw(page, title, { x: 50, y, size: 18, color: ACCENT });
  y -= 34;
  const rows: [string, string][] = [
    [l.orderNumber, invoice.number],
    [l.seller, `${SELLER.name}（${l.taxId}：${SELLER.taxId}）`],
    [l.buyer, buyer],
    [l.account, invoice.billingAccount.name ?? invoice.billingAccount.id],
    [l.date, day(invoice.invoiceDate)],
    [l.period, `${day(invoice.billingPeriod.start)} – ${day(invoice.billingPeriod.end)}`],
    ...(invoice.dueDate ? [[l.due, day(invoice.dueDate)] as [string, string]] : []),
    [l.status, core.invoiceStatus[invoice.status]],
    ...(invoice.purchaseOrderNumber ? [[l.po, invoice.purchaseOrderNumber] as [string, string]] : []),
  ];
  for (const [name, value] of rows) {
    await text.draw(page, label(name), { x: 50, y, size: 10, color: MUTED });
    await text.draw(page, value, { x: 160, y, size: 10 });
    y -= 17;
  }

  y -= 14;
  const columns: [string, number, 'left' | 'right'][] = [
    [l.item, 50, 'left'],
    [l.quantity, 360, 'right'],
    [l.vat, 430, 'right'],
    [l.amount, 545, 'right'],
  ];
  for (const [head, x, align] of columns) await text.draw(page, head, { x, y, size: 9, align, color: MUTED });
  page.drawLine({ start: { x: 50, y: y - 5 }, end: { x: 545, y: y - 5 }, thickness: 0.5, color: MUTED });
  y -= 18;
  for (const line of invoice.lines.slice(0, 30)) {
    const cells = [line.description, String(line.quantity), `${(line.taxRateBp ?? 0) / 100}%`, money(line.amount)];
    for (const [i, cell] of cells.entries()) {
      const [, x, align] = columns[i]!;
      await text.draw(page, cell, { x, y, size: 9, align });
    }
    y -= 15;
  }

  y -= 12;
  for (const [name, fen] of [
    [l.net, invoice.amounts.net],
    [l.tax, invoice.amounts.tax],
    [l.total, invoice.amounts.gross],
    [l.amountDue, invoice.amounts.due],
  ] as const) {
    await text.draw(page, label(name), { x: 400, y, size: 10, align: 'right', color: MUTED });
    await text.draw(page, money(fen), { x: 545, y, size: 10, align: 'right' });
    y -= 16;
  }
  await text.draw(page, l.footer, { x: 50, y: 50, size: 8, color: MUTED });
  return pdf.save({ useObjectStreams: false });
}
