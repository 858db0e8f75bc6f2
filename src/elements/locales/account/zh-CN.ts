import type { AccountMessages } from '../../fapiao-account/internal/messages.js';

// zh-CN: <fapiao-account>'s own words and the core's words of registration, a module of their own: a bills page does
// not fetch them.
export { zhCN as core } from '../../../core/i18n/account/zh-CN.js';
export const fapiaoAccount: Omit<AccountMessages, 'core'> = {
  heading: '发票账户',
  loading: '正在加载发票账户…',
  retry: '重试',
  noSource: '没有可显示的内容：请设置 api-base 属性或 client 属性。',
  intro: '申请发票需要先注册发票账户。请填写任一账单的订单号和您的电子邮箱，我们会发送激活链接给您。',
  orderNumberHint: '在任一账单的 PDF 上“订单号”处。',
  emailHint: '激活链接将发送到此邮箱，之后的电子发票也发送到这里。',
  register: '注册',
  sending: '正在发送…',
  fixErrors: n => `有 ${n} 处需要修改。`,
  checkMail: email => `请查收邮件：激活链接已发送到 ${email}，打开链接即可激活账户。`,
  validUntil: when => `链接在${when}前有效。`,
  expired: email => `发送到 ${email} 的激活链接已过期（有效期 24 小时），请重新发送。`,
  resend: '重新发送激活邮件',
  resendFrom: when => `可于${when}后再次发送。`,
  resent: email => `新的激活链接已发送到 ${email}，之前的链接已失效。`,
  changeEmail: '使用其他邮箱',
  keepEmail: '保留此邮箱',
  active: email => `您的发票账户已激活（${email}）。`,
  activeNoEmail: '您的发票账户已激活。',
  elsewhere: '申请发票需要先注册发票账户。',
  registerElsewhere: '注册发票账户',
};
