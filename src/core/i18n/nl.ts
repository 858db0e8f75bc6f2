import type { CoreMessages } from './messages.js';
import { nl as bills } from './bills/nl.js';
import { nl as request } from './request/nl.js';

// nl: every word of the core, what Node registers and `loadLocale('nl')` fetches. A bills page's elements fetch the
// two parts apart: ./bills/nl.ts before their first render, ./request/nl.ts with the form.
export const nl: CoreMessages = { ...bills, ...request };
