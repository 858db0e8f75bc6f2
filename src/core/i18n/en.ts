import type { CoreMessages } from './messages.js';
import { en as bills } from './bills/en.js';
import { en as request } from './request/en.js';

// en: every word of the core, what Node registers and `loadLocale('en')` fetches. A bills page's elements fetch the
// two parts apart: ./bills/en.ts before their first render, ./request/en.ts with the form.
export const en: CoreMessages = { ...bills, ...request };
