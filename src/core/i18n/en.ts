import type { CoreMessages } from './messages.js';
import { en as bills } from './bills/en.js';
import { en as request } from './request/en.js';
import { en as account } from './account/en.js';

// en: every word of the core, what Node registers and `loadLocale('en')` fetches. The elements fetch its three parts
// apart: ./bills/en.ts before their first render, ./request/en.ts with the form, ./account/en.ts with
// <fapiao-account>.
export const en: CoreMessages = { ...bills, ...request, ...account };
