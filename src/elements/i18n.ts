import { coreMessages, negotiateLocale, type CoreMessages, type Locale } from '../core/index.js';

/** `<bill-list>`'s own words (the core holds the domain terms and reasons). A missing key fails to compile. */
export interface UiMessages {
  readonly core: CoreMessages;
  readonly number: string;
  readonly invoiceDate: string;
  readonly period: string;
  readonly dueDate: string;
  readonly amount: string;
  readonly status: string;
  readonly fapiao: string;
  readonly actions: string;
  readonly loading: string;
  readonly empty: string;
  readonly noSource: string;
  readonly malformed: (count: number) => string;
  readonly retry: string;
  readonly search: string;
  readonly range: string;
  readonly rangeAll: string;
  readonly rangeCustom: string;
  readonly rangeMonths: (months: number) => string;
  readonly from: string;
  readonly to: string;
  readonly statusAll: string;
  readonly billingAccount: string;
  readonly accountAll: string;
  readonly viewInvoices: string;
  readonly viewStatements: string;
  readonly getFapiao: string;
  readonly viewPdf: (number: string) => string;
  readonly downloadPdf: (number: string) => string;
  readonly download: string;
  /** Must contain `getFapiao` word for word: the accessible name includes the visible text (WCAG 2.5.3). */
  readonly getFapiaoFor: (number: string) => string;
  readonly select: (number: string) => string;
  readonly selectAllEligible: string;
  readonly selection: (count: number, total: string) => string;
  readonly getFapiaoForSelected: (count: number) => string;
  readonly exportCsv: string;
  readonly caption: (count: number) => string;
  readonly sortBy: (column: string) => string;
  readonly details: (number: string) => string;
  readonly close: string;
  readonly lines: string;
  readonly noLines: string;
  readonly description: string;
  readonly quantity: string;
  readonly taxRate: string;
  readonly payments: string;
  readonly noPayments: string;
  readonly paymentType: { readonly payment: string; readonly refund: string };
  readonly date: string;
  readonly charges: string;
  readonly adjustments: string;
  readonly net: string;
  readonly tax: string;
  readonly gross: string;
  readonly amountDue: string;
  readonly seller: string;
  readonly statementsCaption: (count: number) => string;
  readonly openingBalance: string;
  readonly closingBalance: string;
  readonly noStatements: string;
}

type Own = Omit<UiMessages, 'core'>;

const en: Own = {
  number: 'Invoice', invoiceDate: 'Invoice date', period: 'Billing period', dueDate: 'Due date', amount: 'Amount',
  status: 'Status', fapiao: 'Fapiao', actions: 'Actions', loading: 'Loading bills…', empty: 'No bills match. Try another date range or billing account.',
  noSource: 'No bills to show: this page has not connected the list to a billing service yet.',
  malformed: n => `${n} ${n === 1 ? 'bill' : 'bills'} could not be shown because the data is malformed.`,
  retry: 'Try again', search: 'Search by invoice number', range: 'Date range', rangeAll: 'All dates', rangeCustom: 'Custom range',
  rangeMonths: n => `Last ${n} months`, from: 'From', to: 'To', statusAll: 'All statuses', billingAccount: 'Billing account', accountAll: 'All accounts',
  viewInvoices: 'Invoices', viewStatements: 'Statements', getFapiao: 'Get Fapiao',
  viewPdf: n => `PDF of invoice ${n}`, downloadPdf: n => `Download the PDF of invoice ${n}`, download: 'Download',
  getFapiaoFor: n => `Get Fapiao for invoice ${n}`, select: n => `Select invoice ${n}`, selectAllEligible: 'Select all bills available for a Fapiao',
  selection: (n, total) => `${n} selected · ${total}`, getFapiaoForSelected: n => `Get Fapiao for ${n} ${n === 1 ? 'bill' : 'bills'}`,
  exportCsv: 'Export CSV', caption: n => `${n} bills`, sortBy: c => `Sort by ${c.toLowerCase()}`,
  details: n => `Invoice ${n}`, close: 'Close', lines: 'Line items', noLines: 'No line items.', description: 'Description', quantity: 'Quantity',
  taxRate: 'VAT rate', payments: 'Payments', noPayments: 'No payments yet.', paymentType: { payment: 'Payment', refund: 'Refund' }, date: 'Date',
  charges: 'Charges', adjustments: 'Adjustments', net: 'Net amount', tax: 'VAT', gross: 'Total incl. VAT', amountDue: 'Amount due', seller: 'Seller',
  statementsCaption: n => `${n} statements`, openingBalance: 'Opening balance', closingBalance: 'Closing balance', noStatements: 'No statements for this account.',
};
const zhCN: Own = {
  number: '账单编号', invoiceDate: '账单日期', period: '计费周期', dueDate: '到期日', amount: '金额',
  status: '状态', fapiao: '发票', actions: '操作', loading: '正在加载账单…', empty: '没有符合条件的账单，请更换日期范围或计费账户。',
  noSource: '暂无可显示的账单：此页面尚未将列表连接到计费服务。',
  malformed: n => `有 ${n} 张账单因数据格式错误无法显示。`,
  retry: '重试', search: '按账单编号搜索', range: '日期范围', rangeAll: '全部日期', rangeCustom: '自定义范围',
  rangeMonths: n => `最近 ${n} 个月`, from: '开始日期', to: '结束日期', statusAll: '全部状态', billingAccount: '计费账户', accountAll: '全部账户',
  viewInvoices: '账单', viewStatements: '对账单', getFapiao: '申请发票',
  viewPdf: n => `账单 ${n} 的 PDF`, downloadPdf: n => `下载账单 ${n} 的 PDF`, download: '下载',
  getFapiaoFor: n => `申请发票：账单 ${n}`, select: n => `选择账单 ${n}`, selectAllEligible: '选择全部可申请发票的账单',
  selection: (n, total) => `已选 ${n} 张 · ${total}`, getFapiaoForSelected: n => `为 ${n} 张账单申请发票`,
  exportCsv: '导出 CSV', caption: n => `共 ${n} 张账单`, sortBy: c => `按${c}排序`,
  details: n => `账单 ${n}`, close: '关闭', lines: '明细', noLines: '没有明细。', description: '项目', quantity: '数量',
  taxRate: '税率', payments: '付款记录', noPayments: '尚无付款记录。', paymentType: { payment: '付款', refund: '退款' }, date: '日期',
  charges: '费用', adjustments: '调整', net: '不含税金额', tax: '税额', gross: '价税合计', amountDue: '应付金额', seller: '销售方',
  statementsCaption: n => `共 ${n} 份对账单`, openingBalance: '期初余额', closingBalance: '期末余额', noStatements: '此账户没有对账单。',
};
const nl: Own = {
  number: 'Factuur', invoiceDate: 'Factuurdatum', period: 'Factuurperiode', dueDate: 'Vervaldatum', amount: 'Bedrag',
  status: 'Status', fapiao: 'Fapiao', actions: 'Acties', loading: 'Facturen laden…', empty: 'Geen facturen gevonden. Kies een andere periode of een ander factuuraccount.',
  noSource: 'Geen facturen te tonen: deze pagina heeft de lijst nog niet aan een factuurdienst gekoppeld.',
  malformed: n => `${n} ${n === 1 ? 'factuur kan' : 'facturen kunnen'} niet worden getoond omdat de gegevens ongeldig zijn.`,
  retry: 'Opnieuw proberen', search: 'Zoeken op factuurnummer', range: 'Periode', rangeAll: 'Alle datums', rangeCustom: 'Eigen periode',
  rangeMonths: n => `Laatste ${n} maanden`, from: 'Van', to: 'Tot en met', statusAll: 'Alle statussen', billingAccount: 'Factuuraccount', accountAll: 'Alle accounts',
  viewInvoices: 'Facturen', viewStatements: 'Overzichten', getFapiao: 'Fapiao aanvragen',
  viewPdf: n => `PDF van factuur ${n}`, downloadPdf: n => `PDF van factuur ${n} downloaden`, download: 'Downloaden',
  getFapiaoFor: n => `Fapiao aanvragen voor factuur ${n}`, select: n => `Factuur ${n} selecteren`, selectAllEligible: 'Alle facturen selecteren waarvoor een Fapiao kan',
  selection: (n, total) => `${n} geselecteerd · ${total}`, getFapiaoForSelected: n => `Fapiao aanvragen voor ${n} ${n === 1 ? 'factuur' : 'facturen'}`,
  exportCsv: 'CSV exporteren', caption: n => `${n} facturen`, sortBy: c => `Sorteren op ${c.toLowerCase()}`,
  details: n => `Factuur ${n}`, close: 'Sluiten', lines: 'Regels', noLines: 'Geen regels.', description: 'Omschrijving', quantity: 'Aantal',
  taxRate: 'Btw-tarief', payments: 'Betalingen', noPayments: 'Nog geen betalingen.', paymentType: { payment: 'Betaling', refund: 'Terugbetaling' }, date: 'Datum',
  charges: 'Kosten', adjustments: 'Aanpassingen', net: 'Nettobedrag', tax: 'Btw', gross: 'Totaal incl. btw', amountDue: 'Openstaand', seller: 'Verkoper',
  statementsCaption: n => `${n} overzichten`, openingBalance: 'Beginsaldo', closingBalance: 'Eindsaldo', noStatements: 'Geen overzichten voor dit account.',
};
const UI: Record<Locale, Own> = { 'zh-CN': zhCN, en, nl };

export function uiMessages(locale: Locale): UiMessages {
  return { ...UI[locale], core: coreMessages(locale) };
}

/** The element's `lang`, else the nearest ancestor's, else the page's, else the browser's. Reads only; never writes. */
export function resolveLocale(host: HTMLElement): Locale {
  const ancestor = host.closest('[lang]')?.getAttribute('lang');
  return negotiateLocale([host.getAttribute('lang'), ancestor, document.documentElement.lang, ...navigator.languages]);
}
