import type { CoreAccountMessages } from '../messages.js';

// zh-CN: the core's words of registering a Fapiao account, fetched with <fapiao-account>.
export const zhCN: CoreAccountMessages = {
  registrationField: { orderNumber: '订单号', email: '电子邮箱' },
  registrationError: {
    required: p => `请填写${p.label}。`,
    'too-long-chars': p => `太长：${p.actual} / ${p.max} 个字符。`,
    'order-number-format': () => '订单号只含字母、数字和连字符，可在账单 PDF 上“订单号”处找到。',
    email: () => '这不是有效的电子邮箱地址，需含 @ 和域名，例如 name@example.com。',
    'order-number-unknown': () => '您的账单中没有这个订单号。请从任一账单的 PDF 上复制订单号后重试。',
    'already-registered': () => '您的发票账户已激活，现在即可申请发票。',
    'too-many-emails': p =>
      p.at ? `激活邮件发送次数过多，请于${p.atText ?? p.at}后再试。` : '激活邮件发送次数过多，请稍后再试。',
  },
};
