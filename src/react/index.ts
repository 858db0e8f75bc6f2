import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { BillListElement } from '../elements/bill-list/bill-list.js';
import { FapiaoRequestElement } from '../elements/fapiao-request/fapiao-request.js';
import { defineOnce } from '../elements/define-once.js';
import type {
  BillExportEvent, BillPdfRequestEvent, BillSelectEvent, FapiaoCancelledEvent, FapiaoErrorEvent, FapiaoRegisterEvent,
  FapiaoRequestEvent, FapiaoSubmittedEvent,
} from '../elements/events.js';

// React wrappers (@lit/react): properties such as `client` and `invoices` are set as properties, events become
// typed `on…` props. Importing this module defines the two tags (once, even next to another copy).
defineOnce('bill-list', BillListElement);
defineOnce('fapiao-request', FapiaoRequestElement);

export const BillList = createComponent({
  react: React,
  tagName: 'bill-list',
  elementClass: BillListElement,
  events: {
    onBillSelect: 'bill-select' as EventName<BillSelectEvent>,
    onBillPdfRequest: 'bill-pdf-request' as EventName<BillPdfRequestEvent>,
    onFapiaoRequest: 'fapiao-request' as EventName<FapiaoRequestEvent>,
    onBillExport: 'bill-export' as EventName<BillExportEvent>,
  },
});

export const FapiaoRequest = createComponent({
  react: React,
  tagName: 'fapiao-request',
  elementClass: FapiaoRequestElement,
  events: {
    onFapiaoSubmitted: 'fapiao-submitted' as EventName<FapiaoSubmittedEvent>,
    onFapiaoCancelled: 'fapiao-cancelled' as EventName<FapiaoCancelledEvent>,
    onFapiaoError: 'fapiao-error' as EventName<FapiaoErrorEvent>,
    onFapiaoRegister: 'fapiao-register' as EventName<FapiaoRegisterEvent>,
  },
});
