import type { ApiError } from '../../core/api-error.js';
import type { FapiaoAccount } from '../../core/model/fapiao.js';

// <fapiao-account>'s events, in its chunk.

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
    'fapiao-account-change': FapiaoAccountChangeEvent;
    'fapiao-account-error': FapiaoAccountErrorEvent;
  }
}
