import type { CurrencyCode, Fen } from '../money/fen.js';

/** `unknown`: a status the source has and fapiao-kit does not know yet (kept in `rawStatus`); never invoiceable. */
export const INVOICE_STATUSES = ['due', 'paid', 'partially-paid', 'past-due', 'void', 'refunded', 'unknown'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_KINDS = ['invoice', 'credit-note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/** The longest source value kept as `rawStatus` or `rawKind`: an enum name, not a text. */
export const RAW_VALUE_MAX = 64;

/** `other`: a kind the source has and fapiao-kit does not know yet (kept in `rawKind`), e.g. Microsoft's `Summary`. */
export const DOCUMENT_KINDS = ['invoice', 'tax-receipt', 'credit-note', 'void-note', 'statement', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const ADJUSTMENT_KINDS = ['credit', 'prepayment', 'free-credit', 'discount'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/** A link to a file (PDF, …) about the invoice. URLs are http(s) only; the parser enforces it. */
export interface DocumentLink {
  readonly kind: DocumentKind;
  readonly url: string;
  readonly source?: string;
  /** The source's own kind when `kind` is `other`. */
  readonly rawKind?: string;
}

export interface Payment {
  /** ISO instant. */
  readonly date: string;
  readonly amount: Fen;
  /** `payment` adds to what was paid; `refund` takes it back. */
  readonly type: 'payment' | 'refund';
  readonly method?: string;
}

export interface InvoiceLine {
  readonly description: string;
  readonly quantity: number;
  /** Tax-inclusive amount of the line. */
  readonly amount: Fen;
  /** VAT rate in basis points when known (600 = 6 %). */
  readonly taxRateBp?: number;
  readonly serviceStart?: string;
  readonly serviceEnd?: string;
}

/** Something subtracted from the charges before tax: credits, prepayments, free credit, discounts. */
export interface Adjustment {
  readonly kind: AdjustmentKind;
  readonly amount: Fen;
}

export interface InvoiceAmounts {
  /** Charges before adjustments and tax (Microsoft `subTotal`). */
  readonly charges: Fen;
  readonly adjustments: readonly Adjustment[];
  readonly tax: Fen;
  /** What the invoice totals, tax included: `charges − Σadjustments + tax` (价税合计). */
  readonly gross: Fen;
  /** `gross − tax`. */
  readonly net: Fen;
  /** Still to pay. */
  readonly due: Fen;
  /** Microsoft's `billedAmount` where the source gives it separately. */
  readonly billed?: Fen;
}

export interface PartyRef {
  readonly id: string;
  readonly name?: string;
}

/** An invoice or credit note, amounts in minor units of `currency`. */
export interface Invoice {
  readonly id: string;
  readonly number: string;
  readonly kind: InvoiceKind;
  readonly status: InvoiceStatus;
  /** The source's own status when `status` is `unknown` (e.g. Microsoft's `Locked`), for the user to see. */
  readonly rawStatus?: string;
  readonly currency: CurrencyCode;
  /** ISO instant or calendar date. */
  readonly invoiceDate: string;
  readonly dueDate?: string;
  readonly billingPeriod: { readonly start: string; readonly end: string };
  readonly amounts: InvoiceAmounts;
  readonly lines: readonly InvoiceLine[];
  readonly payments: readonly Payment[];
  /** When the invoice became fully paid (ISO instant); the waiting period counts from here. */
  readonly paidAt?: string;
  readonly documents: readonly DocumentLink[];
  readonly billingAccount: PartyRef;
  readonly billingProfile?: PartyRef;
  /** The legal entity that issues the Fapiao (e.g. 上海蓝云网络科技有限公司 for 21Vianet). */
  readonly seller?: PartyRef;
  readonly purchaseOrderNumber?: string;
  /** For a credit note: the invoice it credits. */
  readonly creditFor?: string;
  readonly recurring?: boolean;
}

/** A billing statement: a period's invoices and balances for one account. */
export interface Statement {
  readonly id: string;
  readonly billingAccount: PartyRef;
  readonly currency: CurrencyCode;
  readonly period: { readonly start: string; readonly end: string };
  readonly invoiceIds: readonly string[];
  readonly openingBalance: Fen;
  readonly charges: Fen;
  readonly payments: Fen;
  readonly closingBalance: Fen;
  readonly document?: DocumentLink;
}
