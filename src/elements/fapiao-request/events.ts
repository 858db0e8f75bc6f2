import type { ApiError } from '../../core/api-error.js';
import type { FapiaoRequest } from '../../core/model/fapiao.js';

// <fapiao-request>'s events, in the form's chunk.

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

declare global {
  interface HTMLElementEventMap {
    'fapiao-submitted': FapiaoSubmittedEvent;
    'fapiao-cancelled': FapiaoCancelledEvent;
    'fapiao-requests-change': FapiaoRequestsChangeEvent;
    'fapiao-error': FapiaoErrorEvent;
    'fapiao-register': FapiaoRegisterEvent;
  }
}
