import { registerCoreMessages } from './i18n/catalogues.js';
import { en } from './i18n/en.js';
import { nl } from './i18n/nl.js';
import { zhCN } from './i18n/zh-CN.js';

// The package's entry under Node (the `node` condition of `fapiao-kit`): a server answers in every language, and
// bytes do not matter there, so all three catalogues are registered up front and `explain…` works without a load.
registerCoreMessages('zh-CN', zhCN);
registerCoreMessages('en', en);
registerCoreMessages('nl', nl);

export * from './index.js';
