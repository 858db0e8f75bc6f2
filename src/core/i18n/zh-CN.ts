import type { CoreMessages } from './messages.js';
import { zhCN as bills } from './bills/zh-CN.js';
import { zhCN as request } from './request/zh-CN.js';
import { zhCN as account } from './account/zh-CN.js';

// zh-CN: every word of the core, what Node registers and `loadLocale('zh-CN')` fetches. The elements fetch its three parts
// apart: ./bills/zh-CN.ts before their first render, ./request/zh-CN.ts with the form, ./account/zh-CN.ts with
// <fapiao-account>.
export const zhCN: CoreMessages = { ...bills, ...request, ...account };
