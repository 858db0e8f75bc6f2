import type { CoreMessages } from './messages.js';
import { zhCN as bills } from './bills/zh-CN.js';
import { zhCN as request } from './request/zh-CN.js';

// zh-CN: every word of the core, what Node registers and `loadLocale('zh-CN')` fetches. A bills page's elements fetch the
// two parts apart: ./bills/zh-CN.ts before their first render, ./request/zh-CN.ts with the form.
export const zhCN: CoreMessages = { ...bills, ...request };
