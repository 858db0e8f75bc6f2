import type { CoreAccountMessages, CoreBillMessages } from '../../../core/i18n/index.js';

/** `<fapiao-account>`'s own words (field names and problems come from the core). A missing key fails to compile. */
export interface AccountMessages {
  readonly core: CoreBillMessages & CoreAccountMessages;
  readonly heading: string;
  readonly loading: string;
  readonly retry: string;
  readonly noSource: string;
  /** What the account is for and what registering takes. */
  readonly intro: string;
  readonly orderNumberHint: string;
  readonly emailHint: string;
  readonly register: string;
  readonly sending: string;
  readonly fixErrors: (count: number) => string;
  readonly checkMail: (email: string) => string;
  readonly validUntil: (when: string) => string;
  /** The link sent earlier no longer works (24 hours passed): ask for a new one. */
  readonly expired: (email: string) => string;
  readonly resend: string;
  readonly resendFrom: (when: string) => string;
  readonly resent: (email: string) => string;
  readonly changeEmail: string;
  readonly keepEmail: string;
  readonly active: (email: string) => string;
  readonly activeNoEmail: string;
  /** The host's client cannot register (its own backend): where registration happens instead. */
  readonly elsewhere: string;
  readonly registerElsewhere: string;
}
