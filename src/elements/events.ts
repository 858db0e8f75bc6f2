import type { Invoice } from '../core/index.js';

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
  constructor(readonly detail: { readonly invoice: Invoice; readonly url: string; readonly action: 'view' | 'download' }) {
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
  constructor(readonly detail: { readonly csv: string; readonly filename: string; readonly invoices: readonly Invoice[] }) {
    super(BillExportEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'bill-select': BillSelectEvent;
    'bill-pdf-request': BillPdfRequestEvent;
    'fapiao-request': FapiaoRequestEvent;
    'bill-export': BillExportEvent;
  }
}
