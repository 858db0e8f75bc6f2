import type { ApiError } from '../core/api-error.js';
import type { FapiaoAccount, FapiaoRequest } from '../core/model/fapiao.js';
import type { Invoice } from '../core/model/invoice.js';

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

/** `<fapiao-request>` created a request (or the server replayed the one this draft already created). */
export class FapiaoSubmittedEvent extends Event {
  static readonly eventName = 'fapiao-submitted';
  constructor(readonly detail: { readonly request: FapiaoRequest }) {
    super(FapiaoSubmittedEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * `<fapiao-request>` refreshed its requests (a poll, the refresh button) and some changed state: issued, rejected,
 * new. A `<bill-list>` on the same page shows the bills' Fapiao states from the same requests; call its `reload()`.
 */
export class FapiaoRequestsChangeEvent extends Event {
  static readonly eventName = 'fapiao-requests-change';
  constructor(readonly detail: { readonly requests: readonly FapiaoRequest[] }) {
    super(FapiaoRequestsChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user left `<fapiao-request>` with Cancel; the typed draft stays in session storage. */
export class FapiaoCancelledEvent extends Event {
  static readonly eventName = 'fapiao-cancelled';
  constructor(readonly detail: { readonly invoiceIds: readonly string[] }) {
    super(FapiaoCancelledEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A call of `<fapiao-request>` failed; the element shows the localised message itself, the host may log or react. */
export class FapiaoErrorEvent extends Event {
  static readonly eventName = 'fapiao-error';
  constructor(
    readonly detail: {
      readonly error: ApiError;
      readonly during:
        | 'load'
        | 'submit'
        | 'download'
        | 'resend-email'
        | 'reissue'
        | 'withdraw'
        | 'default-profile'
        | 'default-address';
    },
  ) {
    super(FapiaoErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The customer wants to register a Fapiao account; cancel it to open the host's own registration flow. */
export class FapiaoRegisterEvent extends Event {
  static readonly eventName = 'fapiao-register';
  constructor(readonly detail: { readonly url: string | undefined }) {
    super(FapiaoRegisterEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** `<fapiao-account>` changed the account: registered (now waiting for activation), activated, or another address. */
export class FapiaoAccountChangeEvent extends Event {
  static readonly eventName = 'fapiao-account-change';
  constructor(readonly detail: { readonly account: FapiaoAccount }) {
    super(FapiaoAccountChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A call of `<fapiao-account>` failed; the element shows the localised message itself. */
export class FapiaoAccountErrorEvent extends Event {
  static readonly eventName = 'fapiao-account-error';
  constructor(readonly detail: { readonly error: ApiError; readonly during: 'load' | 'register' | 'resend' }) {
    super(FapiaoAccountErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'bill-select': BillSelectEvent;
    'bill-pdf-request': BillPdfRequestEvent;
    'fapiao-request': FapiaoRequestEvent;
    'bill-export': BillExportEvent;
    'bill-error': BillErrorEvent;
    'fapiao-submitted': FapiaoSubmittedEvent;
    'fapiao-cancelled': FapiaoCancelledEvent;
    'fapiao-requests-change': FapiaoRequestsChangeEvent;
    'fapiao-error': FapiaoErrorEvent;
    'fapiao-register': FapiaoRegisterEvent;
    'fapiao-account-change': FapiaoAccountChangeEvent;
    'fapiao-account-error': FapiaoAccountErrorEvent;
  }
}
