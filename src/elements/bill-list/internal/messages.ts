import type { CoreBillMessages } from '../../../core/i18n/index.js';
import type { FapiaoState } from '../../../core/rules/fapiao-state.js';

/** `<bill-list>`'s own words (the core holds the domain terms and reasons). A missing key fails to compile. */
export interface BillListMessages {
  readonly core: CoreBillMessages;
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
  readonly clearFilters: string;
  /** The account's story, said once above the bills (not in every row). */
  readonly accountUnregistered: string;
  readonly accountPending: string;
  readonly registerAccount: string;
  /** Why a paid bill waits before its Fapiao can be requested. */
  readonly waitingWhy: (days: number) => string;
  /** A bill a request by amount took part of: what is left to request (formatted). */
  readonly fapiaoLeft: (amount: string) => string;
  /** The search filter as the empty state names it. */
  readonly searchFor: (text: string) => string;
  /** Nothing matched these filters (status, account, search). */
  readonly emptyFiltered: (filters: readonly string[]) => string;
  /** A bill's Fapiao cell when the account or the requests could not be loaded. */
  readonly fapiaoUnknown: string;
  /** The notice above the bills when that happened. */
  readonly fapiaoStatusFailed: string;
  /** The amount summary above the bills (its group's name), and a bill count in it. */
  readonly summaryLabel: string;
  readonly billCount: (count: number) => string;
  /** The Fapiao-state filter as the active filters and the empty state name it. */
  readonly fapiaoFilter: Readonly<Record<FapiaoState, string>>;
  /** An issued bill's link to its Fapiao PDF, and its accessible name (which starts with the visible text). */
  readonly fapiaoPdf: string;
  readonly fapiaoPdfOf: (fapiaoNumber: string) => string;
  /** The skip link, first Tab stop: to the first bill's "Get Fapiao", or to the first bill. */
  readonly skipToRequest: string;
  readonly skipToBills: string;
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
  readonly downloadFailed: string;
  /** Must contain `getFapiao` word for word: the accessible name includes the visible text (WCAG 2.5.3). */
  readonly getFapiaoFor: (number: string) => string;
  readonly select: (number: string) => string;
  readonly selectAllEligible: string;
  readonly selection: (count: number, total: string) => string;
  readonly getFapiaoForSelected: (count: number) => string;
  /** The multi-select button while nothing is ticked. */
  readonly selectToRequest: string;
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
