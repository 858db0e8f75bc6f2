import type { CoreMessages } from './messages.js';
import { nl as bills } from './bills/nl.js';
import { nl as request } from './request/nl.js';
import { nl as account } from './account/nl.js';

// nl: every word of the core, what Node registers and `loadLocale('nl')` fetches. The elements fetch its three parts
// apart: ./bills/nl.ts before their first render, ./request/nl.ts with the form, ./account/nl.ts with
// <fapiao-account>.
export const nl: CoreMessages = { ...bills, ...request, ...account };
