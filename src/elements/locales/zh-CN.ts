import type { BillListMessages } from '../bill-list/internal/messages.js';
import type { RequestMessages } from '../fapiao-request/internal/messages.js';

// zh-CN: the elements' own words. One file per locale, so a one-locale build can leave the others out.
export const billList: Omit<BillListMessages, 'core'> = {
  number: '账单编号', invoiceDate: '账单日期', period: '计费周期', dueDate: '到期日', amount: '金额',
  status: '状态', fapiao: '发票', actions: '操作', loading: '正在加载账单…', empty: '没有符合条件的账单，请更换日期范围或计费账户。',
  noSource: '暂无可显示的账单：此页面尚未将列表连接到计费服务。',
  malformed: n => `有 ${n} 张账单因数据格式错误无法显示。`,
  retry: '重试', search: '按账单编号搜索', range: '日期范围', rangeAll: '全部日期', rangeCustom: '自定义范围',
  rangeMonths: n => `最近 ${n} 个月`, from: '开始日期', to: '结束日期', statusAll: '全部状态', billingAccount: '计费账户', accountAll: '全部账户',
  viewInvoices: '账单', viewStatements: '对账单', getFapiao: '申请发票',
  viewPdf: n => `账单 ${n} 的 PDF`, downloadPdf: n => `下载账单 ${n} 的 PDF`, download: '下载',
  getFapiaoFor: n => `申请发票：账单 ${n}`, select: n => `选择账单 ${n}`, selectAllEligible: '选择全部可申请发票的账单',
  selection: (n, total) => `已选 ${n} 张 · ${total}`, getFapiaoForSelected: n => `为 ${n} 张账单申请发票`,
  selectToRequest: '勾选账单，合并申请发票',
  downloadFailed: 'PDF 下载失败。',
  exportCsv: '导出 CSV', caption: n => `共 ${n} 张账单`, sortBy: c => `按${c}排序`,
  details: n => `账单 ${n}`, close: '关闭', lines: '明细', noLines: '没有明细。', description: '项目', quantity: '数量',
  taxRate: '税率', payments: '付款记录', noPayments: '尚无付款记录。', paymentType: { payment: '付款', refund: '退款' }, date: '日期',
  charges: '费用', adjustments: '调整', net: '不含税金额', tax: '税额', gross: '价税合计', amountDue: '应付金额', seller: '销售方',
  statementsCaption: n => `共 ${n} 份对账单`, openingBalance: '期初余额', closingBalance: '期末余额', noStatements: '此账户没有对账单。',
};

export const fapiaoRequest: Omit<RequestMessages, 'core'> = {
  heading: '申请发票', forBills: (n, numbers) => `共 ${n} 张账单：${numbers}`,
  noBills: '请选择要申请发票的账单。', loading: '正在加载…', noSource: '此页面尚未将发票申请表连接到计费服务。',
  unregistered: '申请发票前需要先注册发票账户。注册一次后即可回来申请。',
  register: '注册发票账户', pendingActivation: '您的发票账户正在激活中，激活后即可申请发票（通常在 2 个工作日内）。',
  profile: '已保存的抬头', profileNew: '填写新抬头', saveProfile: '保存此抬头信息，下次使用', optional: '选填',
  bytes: (u, m) => `${u} / ${m} 字节`, taxIdHint: '18 位统一社会信用代码',
  checksumWarning: e => `该代码的校验位不符（应为 ${e}）。2016 年前发放的部分代码确实如此，请与营业执照核对。`,
  preview: '预览', planCount: n => `将开具 ${n} 张发票`, fapiaoNo: n => `发票 ${n}`, bill: '账单', net: '金额（不含税）', tax: '税额', gross: '价税合计',
  total: '合计', excluded: '未包含', nothingToRequest: '这些账单目前都不能申请发票。',
  submit: '提交申请', submitting: '正在提交…', cancel: '取消', fixErrors: n => `请修改 ${n} 处错误。`,
  submitted: id => `申请 ${id} 已提交。发票开具后将发送给您。`,
  networkKept: '您填写的内容已保留。可以放心再次提交，不会重复创建申请。',
  history: '我的发票申请', noHistory: '暂无发票申请。', refresh: '刷新', retry: '重试',
  requestTitle: (id, d) => `申请 ${id} · ${d}`, billsLine: n => `账单：${n}`, reason: '原因', issuedFapiao: n => `发票 ${n}`,
  reversedBy: n => `已由红字发票 ${n} 冲销`, fileLabel: (f, n) => `发票 ${n} 的 ${f}`, downloadFailed: '文件下载失败。', statusHistory: '状态记录',
};
