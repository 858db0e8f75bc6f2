import type { ApiError } from '../../core/api-error.js';
import type { Invoice } from '../../core/model/invoice.js';

// <bill-list>'s events: a module of its own, so a bills page's first render carries no other element's.

/** Fired when the user opens a bill's details; cancel it to show your own instead of the built-in dialog. */
export class BillSelectEvent extends Event {
  static readonly eventName = 'bill-select';
  constructor(readonly detail: { readonly invoice: Invoice }) {
    super(BillSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired before a PDF opens or downloads; cancel it (`preventDefault()`) to handle it yourself. */
export class BillPdfRequestEvent extends Event {
  static readonly eventName = 'bill-pdf-request';
  constructor(
    readonly detail: { readonly invoice: Invoice; readonly url: string; readonly action: 'view' | 'download' },
  ) {
    super(BillPdfRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the user asks for a Fapiao for one or more eligible bills; a `<fapiao-request>` or the host takes over. */
export class FapiaoRequestEvent extends Event {
  static readonly eventName = 'fapiao-request';
  constructor(readonly detail: { readonly invoices: readonly Invoice[] }) {
    super(FapiaoRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired before the current view is saved as CSV; cancel it to store or send the text yourself. */
export class BillExportEvent extends Event {
  static readonly eventName = 'bill-export';
  constructor(
    readonly detail: { readonly csv: string; readonly filename: string; readonly invoices: readonly Invoice[] },
  ) {
    super(BillExportEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** A call of `<bill-list>` failed (loading the bills, or a PDF); the element shows the localised message itself. */
export class BillErrorEvent extends Event {
  static readonly eventName = 'bill-error';
  constructor(readonly detail: { readonly error: ApiError; readonly during: 'load' | 'download' }) {
    super(BillErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'bill-select': BillSelectEvent;
    'bill-pdf-request': BillPdfRequestEvent;
    'fapiao-request': FapiaoRequestEvent;
    'bill-export': BillExportEvent;
    'bill-error': BillErrorEvent;
  }
}
