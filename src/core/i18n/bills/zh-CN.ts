import type { CoreBillMessages } from '../messages.js';

// zh-CN: the core's words a bills page needs (reasons, statuses, errors of calls, the CSV): they come
// with <bill-list>'s first render. The form's words are in ../request/zh-CN.ts, registration's in ../account/zh-CN.ts.
export const zhCN: CoreBillMessages = {
  fapiaoGloss: '发票是中国的法定税务凭证，用于报销和抵扣。',
  reason: {
    void: () => '该账单已作废，不能开具发票。',
    refunded: () => '该账单已退款，不能开具发票。',
    'credit-note': () => '贷项通知单不能开具发票。',
    'status-unknown': p =>
      `此账单的状态${p.status ? `（${p.status}）` : ''}暂无法识别，现在不能申请发票；如需发票，请联系客服。`,
    'currency-not-supported': p => `仅支持人民币账单开票，该账单币种为 ${p.currency}。`,
    'non-positive-amount': () => '账单金额为零或负数，无可开票金额。',
    'below-minimum': p => `可开票金额低于最低开票金额 ${p.minimumText ?? p.minimum}。`,
    'not-paid': () => '账单尚未付清，付款后才能申请发票。',
    'payment-date-unknown': () => '未找到付款日期，请联系客服。',
    'already-issued': () => '该账单已开具发票。',
    'request-pending': () => '该账单已有处理中的发票申请。',
    'no-fapiao-account': () => '您还没有注册发票管理系统账户，请先注册。',
    'account-not-activated': () => '您的发票账户尚未激活，请点击激活邮件中的链接（24 小时内有效）。',
    'waiting-period': p => `付款记录需要约 ${p.days} 天同步，可于 ${p.fromText ?? p.from} 起申请发票。`,
    'window-expired': p => `开票申请期限已于 ${p.onText ?? p.on} 截止。`,
  },
  fapiaoState: {
    eligible: () => '可申请',
    'eligible-from': p => `${p.fromText}起可申请`,
    requested: () => '已申请',
    issued: () => '已开具',
    'not-available': () => '不可申请',
  },
  csvColumns: {
    invoice: [
      '账单编号',
      '账单日期',
      '计费开始',
      '计费结束',
      '到期日',
      '币种',
      '不含税金额',
      '税额',
      '价税合计',
      '应付金额',
      '状态',
      '计费账户',
    ],
    fapiao: ['发票', '原因'],
  },
  invoiceStatus: {
    due: '待付款',
    paid: '已付款',
    'partially-paid': '部分付款',
    'past-due': '已逾期',
    void: '已作废',
    refunded: '已退款',
    unknown: '其他状态',
  },
  apiError: {
    network: () => '网络连接失败，请检查网络后重试。',
    timeout: () => '服务器响应超时，请稍后重试。',
    http: p =>
      p.detail
        ? String(p.detail)
        : `${Number(p.status) >= 500 ? '服务暂时出现问题，请稍后重试。' : '此操作未能完成。'}${p.reference ? `（参考编号 ${p.reference}）` : ''}`,
    'rate-limited': () => '请求过于频繁，请稍后重试。',
    'invalid-response': () => '服务器返回的数据格式不正确。',
    aborted: () => '请求已取消。',
  },
};
