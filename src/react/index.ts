import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { BillListElement } from '../elements/bill-list/bill-list.js';
import { FapiaoRequestElement } from '../elements/fapiao-request/fapiao-request.js';
import { FapiaoAccountElement } from '../elements/fapiao-account/fapiao-account.js';
import { defineOnce } from '../elements/internal/define-once.js';
import {
  BillErrorEvent,
  BillExportEvent,
  BillPdfRequestEvent,
  BillSelectEvent,
  FapiaoAccountChangeEvent,
  FapiaoAccountErrorEvent,
  FapiaoCancelledEvent,
  FapiaoErrorEvent,
  FapiaoRegisterEvent,
  FapiaoRequestEvent,
  FapiaoRequestsChangeEvent,
  FapiaoSubmittedEvent,
} from '../elements/events.js';

// React wrappers (@lit/react): properties such as `client` and `invoices` are set as properties, events become
// typed `on…` props. Importing this module defines the three tags (once, even next to another copy).
defineOnce('bill-list', BillListElement);
defineOnce('fapiao-request', FapiaoRequestElement);
defineOnce('fapiao-account', FapiaoAccountElement);

/** The event's own name constant, typed with its class: the wrappers cannot drift from `events.ts`. */
const eventOf = <E extends Event>(type: { readonly eventName: string; prototype: E }) => type.eventName as EventName<E>;

export const BillList = createComponent({
  react: React,
  tagName: 'bill-list',
  elementClass: BillListElement,
  events: {
    onBillSelect: eventOf(BillSelectEvent),
    onBillPdfRequest: eventOf(BillPdfRequestEvent),
    onFapiaoRequest: eventOf(FapiaoRequestEvent),
    onBillExport: eventOf(BillExportEvent),
    onBillError: eventOf(BillErrorEvent),
  },
});

export const FapiaoRequest = createComponent({
  react: React,
  tagName: 'fapiao-request',
  elementClass: FapiaoRequestElement,
  events: {
    onFapiaoSubmitted: eventOf(FapiaoSubmittedEvent),
    onFapiaoCancelled: eventOf(FapiaoCancelledEvent),
    onFapiaoError: eventOf(FapiaoErrorEvent),
    onFapiaoRegister: eventOf(FapiaoRegisterEvent),
    onFapiaoRequestsChange: eventOf(FapiaoRequestsChangeEvent),
  },
});

export const FapiaoAccount = createComponent({
  react: React,
  tagName: 'fapiao-account',
  elementClass: FapiaoAccountElement,
  events: {
    onFapiaoAccountChange: eventOf(FapiaoAccountChangeEvent),
    onFapiaoAccountError: eventOf(FapiaoAccountErrorEvent),
  },
});
