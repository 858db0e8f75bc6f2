import { coreMessages, type Locale } from '../../core/i18n/index.js';
import type { BillListMessages } from '../bill-list/internal/messages.js';
import type { RequestMessages } from '../fapiao-request/internal/messages.js';
import * as en from './en.js';
import * as nl from './nl.js';
import * as zhCN from './zh-CN.js';

// The one module that imports the elements' catalogues: the element code asks for words by locale here.
const CATALOGUES = { 'zh-CN': zhCN, en, nl } as const;
const billList = new Map<Locale, BillListMessages>();
const request = new Map<Locale, RequestMessages>();

/** `<bill-list>`'s words with the core's, built once per locale (every render reads them). */
export function billListMessages(locale: Locale): BillListMessages {
  let m = billList.get(locale);
  if (!m) billList.set(locale, (m = { ...CATALOGUES[locale].billList, core: coreMessages(locale) }));
  return m;
}

export function requestMessages(locale: Locale): RequestMessages {
  let m = request.get(locale);
  if (!m) request.set(locale, (m = { ...CATALOGUES[locale].fapiaoRequest, core: coreMessages(locale) }));
  return m;
}
