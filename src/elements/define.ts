import { BillListElement } from './bill-list/bill-list.js';
import { FapiaoRequestElement } from './fapiao-request/fapiao-request.js';
import { defineOnce } from './internal/define-once.js';

// `import 'fapiao-kit/define'`: registers <bill-list> and <fapiao-request>. With the React wrappers, the only modules
// with side effects.
export { defineOnce };
defineOnce('bill-list', BillListElement);
defineOnce('fapiao-request', FapiaoRequestElement);
