import type { IssuingProvider } from '../issuing/provider.js';
import type { WebhookEndpoint } from '../webhooks.js';
import type { DeliveryOptions, DraftPolicy, FapiaoAccountState, ReissuePolicy } from '../../../src/core/index.js';
import type { RequestContext } from '../http.js';
import type { Mailer } from '../mail.js';
import type { Store } from '../store/index.js';

/** What every handler may use: the store and the server's clock (fixed in tests, moved by the demo's admin API). */
export interface Services {
  readonly store: Store;
  now(): number;
  /** Where e-mails go (SMTP); none configured means e-mails cannot be sent (503). */
  readonly mailer?: Mailer;
  /** The server's address as customers reach it, for links in e-mails (configured, never taken from a request). */
  publicUrl(): string;
  /** How Fapiao reach customers: what the form offers and the server accepts. */
  readonly delivery: DeliveryOptions;
  /** The seller's rules for the form (专票 address and bank required or optional): told to the form, enforced here. */
  readonly draftPolicy: DraftPolicy;
  /** The seller's issuing time in working days, told to customers (their Fapiao timeline). */
  readonly issueWithinWorkingDays: number;
  /** The seller's reissue policy (its window), enforced here and told to customers in their account. */
  readonly reissuePolicy: ReissuePolicy;
  /** Where Fapiao are issued (the port; the simulation unless a partner plugs in a provider) and their files kept. */
  readonly issuing: IssuingProvider;
  /** The host's webhook endpoint for changes of status, if the operator configured one. */
  readonly webhooks?: WebhookEndpoint;
  /** Forgets cached customers after a change of their account state. */
  forgetCustomers(): void;
}

/** The customer a bearer token names. Every query of a customer route is scoped by `id`. */
export interface Customer {
  readonly id: string;
  readonly name: string;
  readonly account: FapiaoAccountState;
  readonly email: string | null;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Context extends RequestContext {
  readonly services: Services;
}

export interface CustomerContext extends Context {
  readonly customer: Customer;
}

/**
 * One entry of the route table. `path` is matched against the whole pathname; its named groups become `params`
 * (%-decoded and checked; `what` names them in the 400 when they are not valid).
 */
export type Route =
  | {
      readonly method: Method;
      readonly path: RegExp;
      readonly auth: 'customer';
      readonly what?: string;
      readonly handle: (ctx: CustomerContext) => Promise<void>;
    }
  | {
      readonly method: Method;
      readonly path: RegExp;
      readonly auth: 'none' | 'admin';
      readonly what?: string;
      readonly handle: (ctx: Context) => Promise<void>;
    };

export const customerRoute = (
  method: Method,
  path: RegExp,
  handle: (ctx: CustomerContext) => Promise<void>,
  what?: string,
): Route => ({ method, path, auth: 'customer', handle, ...(what ? { what } : {}) });
