import { coreMessages, type CoreMessages, type Locale } from '../../core/index.js';

/** `<fapiao-request>`'s own words; field names, reasons and errors come from the core. A missing key fails to compile. */
export interface RequestMessages {
  readonly core: CoreMessages;
  readonly heading: string;
  readonly forBills: (count: number, numbers: string) => string;
  readonly noBills: string;
  readonly loading: string;
  readonly noSource: string;
  readonly unregistered: string;
  readonly register: string;
  readonly pendingActivation: string;
  readonly profile: string;
  readonly profileNew: string;
  readonly saveProfile: string;
  readonly optional: string;
  readonly bytes: (used: number, max: number) => string;
  readonly taxIdHint: string;
  readonly checksumWarning: (expected: string) => string;
  readonly preview: string;
  readonly planCount: (count: number) => string;
  readonly fapiaoNo: (n: number) => string;
  readonly bill: string;
  readonly net: string;
  readonly tax: string;
  readonly gross: string;
  readonly total: string;
  readonly excluded: string;
  readonly nothingToRequest: string;
  readonly submit: string;
  readonly submitting: string;
  readonly cancel: string;
  readonly fixErrors: (count: number) => string;
  readonly submitted: (id: string) => string;
  readonly networkKept: string;
  readonly history: string;
  readonly noHistory: string;
  readonly refresh: string;
  readonly retry: string;
  readonly requestTitle: (id: string, date: string) => string;
  readonly billsLine: (numbers: string) => string;
  readonly reason: string;
  readonly issuedFapiao: (number: string) => string;
  readonly reversedBy: (number: string) => string;
  readonly fileLabel: (format: string, number: string) => string;
  readonly statusHistory: string;
}

type Own = Omit<RequestMessages, 'core'>;

const en: Own = {
  heading: 'Request a Fapiao', forBills: (n, numbers) => `For ${n} ${n === 1 ? 'bill' : 'bills'}: ${numbers}`,
  noBills: 'Choose one or more bills to request a Fapiao for.', loading: 'Loading…', noSource: 'This page has not connected the Fapiao form to a billing service yet.',
  unregistered: 'To receive a Fapiao you need a registered Fapiao account. Register once; then come back to request it.',
  register: 'Register a Fapiao account', pendingActivation: 'Your Fapiao account is being activated. You can request a Fapiao once it is active (usually within 2 working days).',
  profile: 'Saved buyer details', profileNew: 'New details', saveProfile: 'Save these buyer details for next time', optional: 'optional',
  bytes: (u, m) => `${u} / ${m} bytes`, taxIdHint: '18-character unified social credit code (统一社会信用代码)',
  checksumWarning: e => `This code fails its check character (expected ${e}). Some codes issued before 2016 do; check it against the business licence.`,
  preview: 'Preview', planCount: n => `${n} Fapiao will be issued`, fapiaoNo: n => `Fapiao ${n}`, bill: 'Bill', net: 'Amount excl. VAT', tax: 'VAT', gross: 'Total incl. VAT',
  total: 'Total', excluded: 'Not included', nothingToRequest: 'None of these bills can be included now.',
  submit: 'Submit request', submitting: 'Submitting…', cancel: 'Cancel', fixErrors: n => `Please correct ${n} ${n === 1 ? 'field' : 'fields'}.`,
  submitted: id => `Request ${id} was submitted. The Fapiao will be sent to you when it is issued.`,
  networkKept: 'Your form is kept. Submitting again is safe: the request will not be created twice.',
  history: 'Your Fapiao requests', noHistory: 'No Fapiao requests yet.', refresh: 'Refresh', retry: 'Try again',
  requestTitle: (id, d) => `Request ${id} · ${d}`, billsLine: n => `Bills: ${n}`, reason: 'Reason', issuedFapiao: n => `Fapiao ${n}`,
  reversedBy: n => `Reversed by red-letter Fapiao ${n}`, fileLabel: (f, n) => `${f} of Fapiao ${n}`, statusHistory: 'Status history',
};
const zhCN: Own = {
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
  reversedBy: n => `已由红字发票 ${n} 冲销`, fileLabel: (f, n) => `发票 ${n} 的 ${f}`, statusHistory: '状态记录',
};
const nl: Own = {
  heading: 'Fapiao aanvragen', forBills: (n, numbers) => `Voor ${n} ${n === 1 ? 'factuur' : 'facturen'}: ${numbers}`,
  noBills: 'Kies een of meer facturen om een Fapiao voor aan te vragen.', loading: 'Laden…', noSource: 'Deze pagina heeft het Fapiao-formulier nog niet aan een factuurdienst gekoppeld.',
  unregistered: 'Voor een Fapiao hebt u een geregistreerd Fapiao-account nodig. Registreer eenmalig en kom dan terug om hem aan te vragen.',
  register: 'Fapiao-account registreren', pendingActivation: 'Uw Fapiao-account wordt geactiveerd. Zodra het actief is kunt u een Fapiao aanvragen (meestal binnen 2 werkdagen).',
  profile: 'Opgeslagen kopergegevens', profileNew: 'Nieuwe gegevens', saveProfile: 'Deze kopergegevens bewaren voor een volgende keer', optional: 'optioneel',
  bytes: (u, m) => `${u} / ${m} bytes`, taxIdHint: 'Uniforme sociale kredietcode van 18 tekens (统一社会信用代码)',
  checksumWarning: e => `Deze code klopt niet met het controleteken (verwacht ${e}). Sommige codes van vóór 2016 hebben dat; controleer hem met het uittreksel.`,
  preview: 'Voorbeeld', planCount: n => `Er ${n === 1 ? 'wordt 1 Fapiao' : `worden ${n} Fapiao`} uitgegeven`, fapiaoNo: n => `Fapiao ${n}`, bill: 'Factuur', net: 'Bedrag excl. btw', tax: 'Btw', gross: 'Totaal incl. btw',
  total: 'Totaal', excluded: 'Niet inbegrepen', nothingToRequest: 'Geen van deze facturen kan nu worden opgenomen.',
  submit: 'Aanvraag versturen', submitting: 'Versturen…', cancel: 'Annuleren', fixErrors: n => `Verbeter ${n} ${n === 1 ? 'veld' : 'velden'}.`,
  submitted: id => `Aanvraag ${id} is verstuurd. U ontvangt de Fapiao zodra hij is uitgegeven.`,
  networkKept: 'Uw formulier is bewaard. Opnieuw versturen is veilig: de aanvraag wordt niet dubbel aangemaakt.',
  history: 'Uw Fapiao-aanvragen', noHistory: 'Nog geen Fapiao-aanvragen.', refresh: 'Vernieuwen', retry: 'Opnieuw proberen',
  requestTitle: (id, d) => `Aanvraag ${id} · ${d}`, billsLine: n => `Facturen: ${n}`, reason: 'Reden', issuedFapiao: n => `Fapiao ${n}`,
  reversedBy: n => `Teruggedraaid met rode Fapiao ${n}`, fileLabel: (f, n) => `${f} van Fapiao ${n}`, statusHistory: 'Statusgeschiedenis',
};
const OWN: Record<Locale, Own> = { 'zh-CN': zhCN, en, nl };

export function requestMessages(locale: Locale): RequestMessages {
  return { ...OWN[locale], core: coreMessages(locale) };
}
