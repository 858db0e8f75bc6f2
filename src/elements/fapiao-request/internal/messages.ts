import type { CoreBillMessages, CoreRequestMessages } from '../../../core/i18n/index.js';

/** `<fapiao-request>`'s own words; field names, reasons and errors come from the core. A missing key fails to compile. */
export interface RequestMessages {
  readonly core: CoreBillMessages & CoreRequestMessages;
  readonly heading: string;
  readonly forBills: (count: number, numbers: string) => string;
  readonly noBills: string;
  /**
   * A request by amount: the button that opens it (`what` names the seller and currency when there are several), the
   * form's line, the field and its hint (`max` formatted), and the preview being worked out.
   */
  readonly byAmount: (what: string) => string;
  readonly forAmount: string;
  readonly amount: string;
  readonly amountHint: (max: string) => string;
  readonly amountPreviewLoading: string;
  readonly loading: string;
  readonly noSource: string;
  readonly unregistered: string;
  readonly register: string;
  readonly pendingActivation: string;
  readonly profile: string;
  readonly profileNew: string;
  /** A saved profile as the customer's default title: the button, and the word beside its name. */
  readonly profileMakeDefault: string;
  readonly profileDefault: string;
  /** The address book for paper Fapiao: its list, the new-entry choice, the default's word and button, keeping one. */
  readonly addressBook: string;
  readonly addressNew: string;
  readonly addressDefault: string;
  readonly addressMakeDefault: string;
  readonly saveAddress: string;
  /** An individual flagged as a natural person (自然人): the box, and the tax ID's hint then. */
  readonly naturalPerson: string;
  readonly naturalPersonTaxIdHint: string;
  /** 查验: the disclosure, what it is for, what the number says, the fields to copy, the platform's link. */
  readonly verify: string;
  readonly verifyIntro: string;
  readonly numberParts: (year: number, bureau: string, channel: string) => string;
  readonly verifyNumber: string;
  readonly verifyDate: string;
  readonly verifyNet: string;
  readonly verifyGross: string;
  readonly copy: string;
  readonly copyField: (field: string) => string;
  readonly copied: string;
  readonly verifyOpen: string;
  /** The accountant's bundle of a month: the field, its button, a month that is not one. */
  readonly archiveMonth: string;
  readonly downloadMonth: string;
  readonly monthInvalid: string;
  /** The Fapiao balance above the history. */
  readonly balanceTitle: string;
  readonly balanceInvoiceable: string;
  readonly balanceUpcoming: string;
  readonly balanceInvoiced: string;
  readonly balanceDeficit: string;
  readonly saveProfile: string;
  readonly optional: string;
  readonly bytes: (used: number, max: number) => string;
  /** A limit two fields share on the Fapiao (address + phone, bank + account): the counter names both. */
  readonly bytesPair: (first: string, second: string, used: number, max: number) => string;
  /** Why 专票 cannot be chosen for this buyer type. */
  readonly specialDisabled: string;
  readonly taxIdHint: string;
  /** Under the e-mail field: several recipients, and how many. */
  readonly emailHint: (max: number) => string;
  readonly preview: string;
  readonly planCount: (count: number) => string;
  readonly fapiaoNo: (n: number) => string;
  readonly bill: string;
  readonly net: string;
  readonly tax: string;
  readonly gross: string;
  readonly total: string;
  readonly excluded: string;
  readonly nothingToRequest: string;
  readonly submit: string;
  readonly submitting: string;
  readonly cancel: string;
  readonly fixErrors: (count: number) => string;
  readonly submitted: (id: string) => string;
  readonly networkKept: string;
  readonly history: string;
  readonly noHistory: string;
  readonly refresh: string;
  /** Every issued Fapiao of the list in one ZIP (PDF, OFD, XML and a manifest). */
  readonly downloadAll: (count: number) => string;
  readonly retry: string;
  readonly requestTitle: (id: string, date: string) => string;
  readonly billsLine: (numbers: string) => string;
  /** On a rejected request: its details back in the form, its bills chosen again. */
  readonly requestAgain: string;
  /** Where the e-Fapiao goes, or who receives the paper Fapiao and where (as the customer typed it). */
  readonly emailedTo: (email: string) => string;
  /** `courier` is the courier's name, or empty for a request made before the customer could choose one. */
  readonly shippedTo: (courier: string, recipient: string, phone: string, address: string) => string;
  readonly pickupBy: (collector: string, phone: string, branch: string, address: string) => string;
  /** The branch's box in the form, when pick-up is chosen. */
  readonly pickupPoint: string;
  readonly pickupHours: (hours: string) => string;
  readonly collectorHint: string;
  /** The last e-mail that carried the e-Fapiao: address and time. */
  readonly emailedOn: (to: string, when: string) => string;
  readonly resendOpen: string;
  readonly resendTo: string;
  readonly resendSend: string;
  readonly resendSending: string;
  readonly resendSent: (to: string) => string;
  /** Withdrawing a request not yet being issued: the button and its confirmation. */
  readonly withdraw: string;
  readonly withdrawConfirm: (id: string) => string;
  readonly withdrawYes: string;
  readonly withdrawNo: string;
  /** Reissue (换开): the button, the form, and what the history says of it. */
  readonly reissueOpen: string;
  readonly reissueTitle: string;
  readonly reissueExplain: string;
  readonly reissueExplainPaper: string;
  readonly reissueReason: string;
  readonly reissueReasonRequired: string;
  readonly reissueNote: string;
  readonly reissueSubmit: string;
  readonly reissueSending: string;
  readonly reissueProgress: (reason: string) => string;
  readonly confirmationNumber: (number: string) => string;
  readonly replacedBy: (id: string) => string;
  readonly replaces: (id: string) => string;
  readonly redLetterFapiao: (number: string, reverses: string) => string;
  /** A mailed Fapiao's waybill. */
  readonly tracking: (courier: string, number: string) => string;
  readonly reason: string;
  readonly issuedFapiao: (number: string) => string;
  readonly reversedBy: (number: string) => string;
  readonly fileLabel: (format: string, number: string) => string;
  readonly downloadFailed: string;
  readonly statusHistory: string;
  /** A request's timeline (dates and the month already formatted): its label, asked today, issued or expected, filing. */
  readonly timelineLabel: string;
  readonly timelineToday: string;
  /** A bill's timeline (in `<bill-list>`'s details): the day it was requested, or the first day it can be. */
  readonly timelineRequested: (date: string) => string;
  readonly timelineIfRequested: (date: string) => string;
  readonly timelineExpected: (date: string, workingDays: number) => string;
  readonly timelineLate: (date: string) => string;
  readonly timelineIssued: (date: string) => string;
  readonly timelineFiling: (month: string, date: string, published: boolean) => string;
}
