// Every element's events, for hosts (`fapiao-kit` exports them) and the React wrappers; each element imports its own
// module, so a page does not load another element's event classes before it needs them.
export {
  BillSelectEvent,
  BillPdfRequestEvent,
  FapiaoRequestEvent,
  BillExportEvent,
  BillErrorEvent,
} from './bill-list/events.js';
export {
  FapiaoSubmittedEvent,
  FapiaoRequestsChangeEvent,
  FapiaoCancelledEvent,
  FapiaoErrorEvent,
  FapiaoRegisterEvent,
} from './fapiao-request/events.js';
export { FapiaoAccountChangeEvent, FapiaoAccountErrorEvent } from './fapiao-account/events.js';
