import type { Invoice } from '../core/index.js';

/** Fired when the user opens a bill's details. */
export class BillSelectEvent extends Event {
  static readonly eventName = 'bill-select';
  constructor(readonly detail: { readonly invoice: Invoice }) {
    super(BillSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired before a PDF opens; cancel it (`preventDefault()`) to handle the download yourself. */
export class BillPdfRequestEvent extends Event {
  static readonly eventName = 'bill-pdf-request';
  constructor(readonly detail: { readonly invoice: Invoice; readonly url: string }) {
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

declare global {
  interface HTMLElementEventMap {
    'bill-select': BillSelectEvent;
    'bill-pdf-request': BillPdfRequestEvent;
    'fapiao-request': FapiaoRequestEvent;
  }
}
