import { coreMessages, negotiateLocale, type CoreMessages, type Locale } from '../core/index.js';

/** The elements' own words (the core holds the domain terms and reasons). A missing key fails to compile. */
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
  readonly retry: string;
  readonly search: string;
  readonly range: string;
  readonly rangeAll: string;
  readonly rangeMonths: (months: number) => string;
  readonly statusAll: string;
  readonly getFapiao: string;
  readonly viewPdf: (number: string) => string;
  /** Must contain `getFapiao` word for word: the accessible name includes the visible text (WCAG 2.5.3). */
  readonly getFapiaoFor: (number: string) => string;
  readonly eligibleFrom: (date: string) => string;
  readonly eligible: string;
  readonly requested: string;
  readonly issued: string;
  readonly notAvailable: string;
  readonly caption: (count: number) => string;
  readonly sortBy: (column: string) => string;
}

const en: Omit<UiMessages, 'core'> = {
  number: 'Invoice', invoiceDate: 'Invoice date', period: 'Billing period', dueDate: 'Due date', amount: 'Amount',
  status: 'Status', fapiao: 'Fapiao', actions: 'Actions', loading: 'Loading bills…', empty: 'No bills match. Try another date range or billing account.',
  retry: 'Try again', search: 'Search by invoice number', range: 'Date range', rangeAll: 'All dates',
  rangeMonths: n => `Last ${n} months`, statusAll: 'All statuses', getFapiao: 'Get Fapiao',
  viewPdf: n => `PDF of invoice ${n}`, getFapiaoFor: n => `Get Fapiao for invoice ${n}`,
  eligibleFrom: d => `Available from ${d}`, eligible: 'Available', requested: 'Requested', issued: 'Issued', notAvailable: 'Not available',
  caption: n => `${n} bills`, sortBy: c => `Sort by ${c.toLowerCase()}`,
};
const zhCN: Omit<UiMessages, 'core'> = {
  number: '账单编号', invoiceDate: '账单日期', period: '计费周期', dueDate: '到期日', amount: '金额',
  status: '状态', fapiao: '发票', actions: '操作', loading: '正在加载账单…', empty: '没有符合条件的账单，请更换日期范围或计费账户。',
  retry: '重试', search: '按账单编号搜索', range: '日期范围', rangeAll: '全部日期',
  rangeMonths: n => `最近 ${n} 个月`, statusAll: '全部状态', getFapiao: '申请发票',
  viewPdf: n => `账单 ${n} 的 PDF`, getFapiaoFor: n => `申请发票：账单 ${n}`,
  eligibleFrom: d => `${d} 起可申请`, eligible: '可申请', requested: '已申请', issued: '已开具', notAvailable: '不可申请',
  caption: n => `共 ${n} 张账单`, sortBy: c => `按${c}排序`,
};
const nl: Omit<UiMessages, 'core'> = {
  number: 'Factuur', invoiceDate: 'Factuurdatum', period: 'Factuurperiode', dueDate: 'Vervaldatum', amount: 'Bedrag',
  status: 'Status', fapiao: 'Fapiao', actions: 'Acties', loading: 'Facturen laden…', empty: 'Geen facturen gevonden. Kies een andere periode of een ander factuuraccount.',
  retry: 'Opnieuw proberen', search: 'Zoeken op factuurnummer', range: 'Periode', rangeAll: 'Alle datums',
  rangeMonths: n => `Laatste ${n} maanden`, statusAll: 'Alle statussen', getFapiao: 'Fapiao aanvragen',
  viewPdf: n => `PDF van factuur ${n}`, getFapiaoFor: n => `Fapiao aanvragen voor factuur ${n}`,
  eligibleFrom: d => `Beschikbaar vanaf ${d}`, eligible: 'Beschikbaar', requested: 'Aangevraagd', issued: 'Uitgegeven', notAvailable: 'Niet beschikbaar',
  caption: n => `${n} facturen`, sortBy: c => `Sorteren op ${c.toLowerCase()}`,
};
const UI: Record<Locale, Omit<UiMessages, 'core'>> = { 'zh-CN': zhCN, en, nl };

export function uiMessages(locale: Locale): UiMessages {
  return { ...UI[locale], core: coreMessages(locale) };
}

/** The element's `lang`, else the nearest ancestor's, else the page's, else the browser's. Reads only; never writes. */
export function resolveLocale(host: HTMLElement): Locale {
  const ancestor = host.closest('[lang]')?.getAttribute('lang');
  return negotiateLocale([host.getAttribute('lang'), ancestor, document.documentElement.lang, ...navigator.languages]);
}
