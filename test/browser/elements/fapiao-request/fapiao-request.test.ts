import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../helpers/define.js';
import type {
  FapiaoAccountElement,
  FapiaoRequestElement,
  FapiaoRegisterEvent,
  FapiaoSubmittedEvent,
  FapiaoRequestsChangeEvent,
  FapiaoErrorEvent,
} from '../../../../src/elements/index.js';
import {
  checkEligibility,
  formatMoney,
  toFen,
  usccCheckChar,
  type FapiaoBalance,
  type FapiaoRequest,
  type Invoice,
} from '../../../../src/core/index.js';
import { ApiError, createBillingClient } from '../../../../src/client/index.js';
import { FixtureClient } from '../../../helpers/fixture-client.js';
import { makeInvoice } from '../../../helpers/invoices.js';
import { issuedRequest } from '../../../helpers/requests.js';
import { admin } from '../../../helpers/admin.js';
import { loaded, statusOf, until } from '../../../helpers/harness.js';

// Against the reference server mounted by web-test-runner.config.mjs (clock fixed at 2026-11-24T04:00Z).
const NOW = new Date('2026-11-24T04:00:00Z');
const TAX_ID = `91310115MA1K4PQX2${usccCheckChar('91310115MA1K4PQX2')}`;
const api = async <T>(path: string, token = 'demo-token-contoso'): Promise<T> =>
  (await fetch(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<T>;

async function eligibleInvoices(count: number): Promise<Invoice[]> {
  const page = await api<{ items: Invoice[] }>('/invoices?limit=500');
  const requests = (await api<{ items: FapiaoRequest[] }>('/fapiao-requests')).items;
  const eligible = page.items.filter(i => checkEligibility(i, { now: NOW, account: 'registered', requests }).eligible);
  expect(eligible.length).to.be.at.least(count);
  return eligible.slice(0, count);
}
const requestCount = async () => (await api<{ items: FapiaoRequest[] }>('/fapiao-requests')).items.length;

const $ = <T extends Element = HTMLElement>(el: FapiaoRequestElement, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
async function type(el: FapiaoRequestElement, field: string, text: string) {
  const input = $<HTMLInputElement>(el, `[name="${field}"]`)!;
  input.focus();
  input.value = '';
  await sendKeys({ type: text });
  input.blur();
  await el.updateComplete;
}

async function form(invoices: Invoice[], lang = 'en', token = 'demo-token-contoso', key = `t${Math.random()}`) {
  const el = await fixture<FapiaoRequestElement>(
    html`<fapiao-request
      lang=${lang}
      api-base="/api/v1/"
      token=${token}
      draft-key=${key}
      .invoices=${invoices}
      .now=${NOW}
      poll-seconds="0"
    ></fapiao-request>`,
  );
  await loaded(el);
  return el;
}
async function fillValid(el: FapiaoRequestElement) {
  await type(el, 'title', '康托索（上海）信息技术有限公司');
  await type(el, 'taxId', TAX_ID);
  await type(el, 'email', 'finance@contoso.cn');
}

/** A request for `bill` made through the API, as another tab or the host would. */
async function createdViaApi(bill: Invoice, draft: object): Promise<FapiaoRequest> {
  const response = await fetch('/api/v1/fapiao-requests', {
    method: 'POST',
    headers: {
      authorization: 'Bearer demo-token-contoso',
      'content-type': 'application/json',
      'idempotency-key': `t${Math.random()}`.replace('.', ''),
    },
    body: JSON.stringify({ invoiceIds: [bill.id], draft }),
  });
  return (await response.json()) as FapiaoRequest;
}

/** A request made through the API and issued by the back office (its e-mail goes out on issue). */
async function issuedViaApi(bill: Invoice, draft: object): Promise<FapiaoRequest> {
  const created = await createdViaApi(bill, draft);
  await admin('/process-requests');
  await admin('/process-requests');
  return created;
}

describe('<fapiao-request> with the reference server', () => {
  beforeEach(async () => {
    await admin('/clock', { now: NOW.toISOString() }, 'PUT'); // a test may have moved it
    await admin('/reset');
    sessionStorage.clear();
  });

  it('registers in place a customer without a Fapiao account, or leaves it to the host that has a flow of its own', async () => {
    const el = await form([makeInvoice()], 'zh-CN', 'demo-token-fabrikam');
    expect($(el, 'form'), 'no form before registration').to.equal(null);
    const account = $<FapiaoAccountElement>(el, '[part="notice"] fapiao-account')!;
    await loaded(account);
    expect(account.shadowRoot!.textContent).to.contain('申请发票需要先注册发票账户');
    // A host with its own registration page: the link, and the cancelable event.
    el.registrationUrl = 'https://portal.example.cn/fapiao/register';
    await el.updateComplete;
    expect($(el, '[part="notice"]')!.textContent).to.contain('需要先注册发票账户');
    expect($(el, '[part="notice"] fapiao-account')).to.equal(null);
    const link = $<HTMLAnchorElement>(el, '[part="notice"] a')!;
    expect(link.href).to.equal('https://portal.example.cn/fapiao/register');
    el.addEventListener('fapiao-register', e => e.preventDefault(), { once: true });
    setTimeout(() => link.click());
    const event = (await oneEvent(el, 'fapiao-register')) as FapiaoRegisterEvent;
    expect(event.detail.url).to.equal(link.href);
    await expect(el).to.be.accessible();
  });

  it('picks up an account registered meanwhile on refresh (the form appears), and says when requests moved on', async () => {
    const el = await form([makeInvoice()], 'en', 'demo-token-fabrikam');
    expect($(el, 'form')).to.equal(null);
    await admin('/customers/fabrikam/fapiao-account', { state: 'registered' }, 'PUT');
    const refresh = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(b =>
      b.textContent!.includes('Refresh'),
    )!;
    refresh.click();
    await until(() => !!$(el, 'form'), 'the form after the account was registered');
    expect($(el, '[part="notice"]')).to.equal(null);
    // A request of this customer issued by the back office: the refresh tells the page, so a bill list can follow.
    const contoso = await form(await eligibleInvoices(1));
    await fillValid(contoso);
    const submitted = oneEvent(contoso, 'fapiao-submitted');
    $<HTMLButtonElement>(contoso, '[part="submit"]')!.click();
    await submitted;
    await admin('/process-requests');
    await admin('/process-requests');
    const changed = oneEvent(contoso, 'fapiao-requests-change');
    await contoso.refresh();
    const event = (await changed) as FapiaoRequestsChangeEvent;
    expect(event.detail.requests.length).to.be.greaterThan(0);
    let again = 0;
    contoso.addEventListener('fapiao-requests-change', () => again++);
    await contoso.refresh();
    expect(again, 'nothing changed: no event').to.equal(0);
  });

  it('downloads every issued Fapiao of the history in one ZIP, through the client and its credentials', async () => {
    const real = createBillingClient({ baseUrl: '/api/v1/', token: 'demo-token-contoso', locale: 'en' });
    const seen: { url: string; size: number; type: string }[] = [];
    const client = {
      ...real,
      download: async (url: string) => {
        const blob = await real.download(url);
        seen.push({ url, size: blob.size, type: blob.type });
        return blob;
      },
    };
    const el = await fixture<FapiaoRequestElement>(
      html`<fapiao-request lang="en" .client=${client} .invoices=${[]} .now=${NOW} poll-seconds="0"></fapiao-request>`,
    );
    await loaded(el);
    const button = $<HTMLButtonElement>(el, '[part="archive"]')!;
    expect(button.textContent).to.match(/Download all \d+ Fapiao \(ZIP\)/);
    button.click();
    await until(() => seen.length === 1, 'the ZIP');
    expect(seen[0]!.url).to.contain('/api/v1/fapiao-files.zip?requests=');
    expect(seen[0]!.type).to.equal('application/zip');
    expect(seen[0]!.size).to.be.greaterThan(10_000);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("downloads the accountant's bundle of a month, checks the month typed, and says when it holds nothing", async () => {
    const real = createBillingClient({ baseUrl: '/api/v1/', token: 'demo-token-contoso', locale: 'zh-CN' });
    const seen: { url: string; size: number }[] = [];
    const client = {
      ...real,
      download: async (url: string) => {
        const blob = await real.download(url);
        seen.push({ url, size: blob.size });
        return blob;
      },
    };
    const el = await fixture<FapiaoRequestElement>(
      html`<fapiao-request
        lang="zh-CN"
        .client=${client}
        .invoices=${[]}
        .now=${NOW}
        poll-seconds="0"
      ></fapiao-request>`,
    );
    await loaded(el);
    const month = $<HTMLInputElement>(el, '#archive-month')!;
    expect([month.value, month.max], 'the last month closed, in China').to.deep.equal(['2026-10', '2026-11']);
    await expect(el).to.be.accessible();
    // The month of the latest Fapiao the seed issued: its ZIP.
    const requests = (await api<{ items: FapiaoRequest[] }>('/fapiao-requests')).items;
    const latest = requests
      .flatMap(r => r.fapiaos.map(f => f.issuedAt))
      .sort()
      .at(-1)!;
    const issuedMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
      .format(new Date(latest))
      .slice(0, 7);
    const download = $<HTMLButtonElement>(el, '[part="period-archive"] button')!;
    month.value = issuedMonth;
    download.click();
    await until(() => seen.length === 1, 'the ZIP');
    expect(seen[0]!.url).to.match(
      new RegExp(`/api/v1/fapiao-files\\.zip\\?from=${issuedMonth}-01&to=${issuedMonth}-\\d\\d$`),
    );
    expect(seen[0]!.size).to.be.greaterThan(10_000);
    // Text where a browser has no month picker: checked before any call, said under the field.
    month.value = '';
    month.focus();
    await sendKeys({ press: 'Enter' }); // Enter in the field downloads as the button does
    await el.updateComplete;
    expect($(el, '#archive-month-error')!.textContent).to.equal('请按 YYYY-MM 填写月份，例如 2026-10。');
    expect(month.getAttribute('aria-invalid')).to.equal('true');
    expect(seen.length, 'no call').to.equal(1);
    // A month with nothing issued: the server's 404, said above the history.
    month.value = '2020-01';
    download.click();
    await until(() => $(el, '.error-box[role="alert"]') !== null, 'the error');
    expect($(el, '#archive-month-error') === null, 'the month was a month').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says when the account is still being activated', async () => {
    const el = await form([makeInvoice()], 'nl', 'demo-token-northwind');
    const account = $<FapiaoAccountElement>(el, '[part="notice"] fapiao-account')!;
    await loaded(account);
    expect(account.shadowRoot!.textContent).to.contain('De activeringslink naar ap@northwind.cn is verlopen');
    // With the host's own flow, the element's own words (the 21Vianet process: the link, 24 hours).
    el.registrationUrl = 'https://portal.example.nl/fapiao';
    await el.updateComplete;
    expect($(el, '[part="notice"]')!.textContent).to.contain(
      'nog niet geactiveerd. Klik op de link in de activeringsmail (24 uur geldig)',
    );
  });

  it('checks fields as typed (tax ID, GBK bytes), previews the plan to the fen, submits once and shows the request', async () => {
    const bills = await eligibleInvoices(2);
    const before = await requestCount();
    const el = await form(bills);
    await expect(el).to.be.accessible();
    await type(el, 'taxId', '91310115MA1K4PQX2Z');
    expect($(el, '[name="taxId"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#taxId-error')!.textContent).to.contain('not well-formed');
    await fillValid(el);
    expect($(el, '[name="taxId"]')!.getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '#title-count')!.textContent).to.equal('30 / 100 bytes'); // 15 Chinese characters × 2 GBK bytes
    const preview = $(el, '[part="preview"]')!.textContent!.replace(/\s+/g, ' ');
    expect(preview).to.contain('1 Fapiao will be issued');
    const total = bills.reduce((s, b) => s + b.amounts.gross, 0);
    expect(preview).to.contain(new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY' }).format(total / 100));
    await expect(el).to.be.accessible();
    const submitted = oneEvent(el, 'fapiao-submitted');
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    const event = (await submitted) as FapiaoSubmittedEvent;
    expect(event.detail.request.invoiceIds).to.have.members(bills.map(b => b.id));
    await el.updateComplete;
    const confirmation = $(el, '.outcome.success')!;
    expect(confirmation.textContent).to.contain(event.detail.request.id);
    // It says where the Fapiao goes, and has the focus (so it is in view where the long form was).
    expect(confirmation.textContent).to.contain('By e-mail to finance@contoso.cn');
    expect(el.shadowRoot!.activeElement).to.equal(confirmation);
    expect($(el, `[part="request"][data-id="${event.detail.request.id}"]`)!.textContent).to.contain('Submitted');
    expect(await requestCount()).to.equal(before + 1);
    expect(sessionStorage.length, 'the draft is cleared after success').to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows the Fapiao balance above the history, and what a request takes from it', async () => {
    const [bill] = await eligibleInvoices(1);
    const cny = async () =>
      (await api<{ items: FapiaoBalance[] }>('/fapiao-balance')).items.find(b => b.currency === 'CNY')!;
    const before = await cny();
    const el = await form([bill!], 'en');
    const balance = () => $(el, '[part="balance"]')!.textContent!.replace(/\s+/g, ' ');
    expect(balance()).to.contain('Your Fapiao balance');
    expect(balance()).to.contain(
      `Can be invoiced now: ${formatMoney({ fen: before.invoiceable, currency: 'CNY' }, 'en')}`,
    );
    expect(balance()).to.contain(`Invoiced: ${formatMoney({ fen: before.invoiced, currency: 'CNY' }, 'en')}`);
    await expect(el).to.be.accessible();
    await fillValid(el);
    const sent = oneEvent(el, 'fapiao-submitted');
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await sent;
    const after = await cny();
    expect(after.invoiceable).to.equal(before.invoiceable - bill!.amounts.gross);
    const shown = `Can be invoiced now: ${formatMoney({ fen: after.invoiceable, currency: 'CNY' }, 'en')}`;
    await until(() => balance().includes(shown), 'the balance after the request');
  });

  it('requests an amount without choosing bills: checked as typed, previewed by the server, submitted once', async () => {
    const cny = async () =>
      (await api<{ items: FapiaoBalance[] }>('/fapiao-balance')).items.find(b => b.currency === 'CNY')!;
    const before = await cny();
    const el = await form([], 'zh-CN');
    expect($(el, 'p')!.textContent).to.contain('请选择要申请发票的账单');
    const offer = $<HTMLButtonElement>(el, '[part="by-amount"]')!;
    expect(offer.textContent!.trim()).to.equal('按金额开票');
    await expect(el).to.be.accessible();
    // By keyboard: the offer opens the form with the amount field focused.
    offer.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('amount');
    const max = formatMoney({ fen: before.invoiceable, currency: 'CNY' }, 'zh-CN');
    expect($(el, '#amount-hint')!.textContent).to.contain(`当前最多可开票${max}`);
    // Too much, and not an amount: said under the field, in Chinese; no preview asked for.
    await type(el, 'amount', String(before.invoiceable)); // fen typed as yuan: 100 times too much
    expect($(el, '#amount-error')!.textContent).to.contain('当前最多可开票');
    expect($(el, '[name="amount"]')!.getAttribute('aria-invalid')).to.equal('true');
    await type(el, 'amount', '12,3a');
    expect($(el, '#amount-error')!.textContent).to.contain('请输入大于零的金额');
    // ¥123.45 in full-width digits, as a Chinese keyboard may type it: previewed to the fen by the server.
    await type(el, 'amount', '１２３．４５');
    expect($(el, '#amount-error') === null, 'no error').to.equal(true);
    await until(() => Boolean($(el, '[part="preview"]')), 'the preview');
    const preview = $(el, '[part="preview"]')!.textContent!.replace(/\s+/g, ' ');
    expect(preview).to.contain(formatMoney({ fen: toFen(12345), currency: 'CNY' }, 'zh-CN'));
    expect(Boolean($(el, '[part="timeline"]')), 'when it comes').to.equal(true);
    await expect(el).to.be.accessible();
    await fillValid(el);
    const sent = oneEvent(el, 'fapiao-submitted');
    const submit = $<HTMLButtonElement>(el, '[part="submit"]')!;
    submit.click();
    submit.click(); // a double click: one request
    const { detail } = (await sent) as FapiaoSubmittedEvent;
    expect(Array.isArray(detail.request.amounts), 'the last bill in part').to.equal(true);
    expect(detail.request.amounts!.reduce((a: number, b) => a + b, 0)).to.equal(12345);
    await el.updateComplete;
    expect($(el, '#amount') === null, 'the amount form is closed').to.equal(true);
    const after = await cny();
    expect(after.invoiceable).to.equal(before.invoiceable - 12345);
    // The history says how much of each bill the request takes.
    const row = $(el, `[part="request"][data-id="${detail.request.id}"]`)!.textContent!;
    expect(row).to.contain(formatMoney({ fen: detail.request.amounts!.at(-1)!, currency: 'CNY' }, 'zh-CN'));
  });

  it('in a host form, is invalid until the amount can be requested, then its value is that amount', async () => {
    const host = await fixture<HTMLFormElement>(
      html`<form>
        <fapiao-request
          name="fapiao"
          lang="en"
          api-base="/api/v1/"
          token="demo-token-contoso"
          draft-key=${`t${Math.random()}`}
          .invoices=${[]}
          .now=${NOW}
          poll-seconds="0"
        ></fapiao-request>
      </form>`,
    );
    const el = host.querySelector('fapiao-request')!;
    await loaded(el);
    $<HTMLButtonElement>(el, '[part="by-amount"]')!.click();
    await el.updateComplete;
    await fillValid(el);
    expect(host.checkValidity(), 'no amount yet').to.equal(false);
    expect(JSON.parse(new FormData(host).get('fapiao') as string).amount).to.equal(undefined);
    await type(el, 'amount', '123.45');
    expect(host.checkValidity()).to.equal(true);
    const value = JSON.parse(new FormData(host).get('fapiao') as string);
    expect(value.amount).to.deep.equal({ sellerId: '21vianet-sh', currency: 'CNY', gross: 12345 });
    expect('invoiceIds' in value, 'an amount, not bills').to.equal(false);
    expect(value.draft.title, 'the draft as typed').to.equal($<HTMLInputElement>(el, '[name="title"]')!.value);
  });

  it('keeps the typed amount when the server refuses it, and says why in the language of the page', async () => {
    const el = await form([], 'nl');
    $<HTMLButtonElement>(el, '[part="by-amount"]')!.click();
    await until(() => el.shadowRoot!.activeElement?.id === 'amount', 'the amount focused when the form opens');
    $(el, '#amount')!.blur(); // left empty (its error shows once left)
    await el.updateComplete;
    await fillValid(el);
    // Submitted empty: the amount field is said to be wrong and takes the focus.
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await until(() => el.shadowRoot!.activeElement?.id === 'amount', 'the amount focused');
    expect($(el, '#amount-error')!.textContent).to.contain('Vul een bedrag boven nul in');
    // Another tab takes almost everything meanwhile: the server refuses what this form still thinks fits.
    await type(el, 'amount', '1.000,00');
    const { invoiceable } = (await api<{ items: FapiaoBalance[] }>('/fapiao-balance')).items.find(
      b => b.currency === 'CNY',
    )!;
    await fetch('/api/v1/fapiao-requests', {
      method: 'POST',
      headers: {
        authorization: 'Bearer demo-token-contoso',
        'content-type': 'application/json',
        'idempotency-key': `t${Math.random()}`.replace('.', ''),
      },
      body: JSON.stringify({
        amount: { sellerId: '21vianet-sh', currency: 'CNY', gross: invoiceable - 100 },
        draft: {
          buyerKind: 'individual',
          fapiaoKind: 'ordinary',
          title: '张三',
          delivery: 'electronic',
          email: 'z@example.cn',
        },
      }),
    });
    const before = await requestCount();
    const failed = oneEvent(el, 'fapiao-error');
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await failed;
    await el.updateComplete;
    expect($(el, '.outcome')!.textContent).to.contain('Er kan nu hoogstens');
    expect($<HTMLInputElement>(el, '#amount')!.value, 'the typed amount stays').to.equal('1.000,00');
    expect($<HTMLInputElement>(el, '[name="title"]')!.value).to.equal('康托索（上海）信息技术有限公司');
    expect(await requestCount()).to.equal(before);
    await expect(el).to.be.accessible();
  });

  it('keeps paper addresses in an address book: kept on submit, picked to fill the fields, made the default', async () => {
    const bills = await eligibleInvoices(3);
    const paper = async (el: FapiaoRequestElement) => {
      $<HTMLInputElement>(el, '[name="delivery"][value="paper"]')!.click();
      await el.updateComplete;
    };
    const first = await form([bills[0]!], 'zh-CN');
    await paper(first);
    expect($(first, '#address-book'), 'no book yet').to.equal(null);
    expect($<HTMLInputElement>(first, '[part="save-address"]')!.checked, 'on while the book is empty').to.equal(true);
    await type(first, 'title', '康托索（上海）信息技术有限公司');
    await type(first, 'taxId', TAX_ID);
    await type(first, 'recipient', '王芳');
    await type(first, 'recipientPhone', '021-60506050');
    await type(first, 'postalAddress', '上海市浦东新区郭守敬路 498 号');
    const sent = oneEvent(first, 'fapiao-submitted');
    $<HTMLButtonElement>(first, '[part="submit"]')!.click();
    await sent;
    const book = await api<{ items: { id: string; recipient: string }[] }>('/shipping-addresses');
    expect(book.items.map(a => a.recipient)).to.deep.equal(['王芳']);

    // The next form offers it; picking it fills the three fields, and it can become the default.
    const second = await form([bills[1]!], 'en');
    await paper(second);
    expect($<HTMLInputElement>(second, '[part="save-address"]')!.checked, 'off once there is a book').to.equal(false);
    const select = $<HTMLSelectElement>(second, '#address-book')!;
    expect([...select.options].map(o => o.textContent!.trim())).to.deep.equal([
      'A new address',
      '王芳 · 上海市浦东新区郭守敬路 498 号',
    ]);
    select.focus();
    select.value = book.items[0]!.id;
    select.dispatchEvent(new Event('change'));
    await second.updateComplete;
    const value = (name: string) => $<HTMLInputElement>(second, `[name="${name}"]`)!.value;
    expect([value('recipient'), value('recipientPhone'), value('postalAddress')]).to.deep.equal([
      '王芳',
      '021-60506050',
      '上海市浦东新区郭守敬路 498 号',
    ]);
    await expect(second).to.be.accessible();
    $<HTMLButtonElement>(second, '[part="default-address"]')!.click();
    await until(() => $(second, '[part="default-address"]') === null, 'the address made the default');
    expect(select.options[1]!.textContent!.trim()).to.equal('王芳 · 上海市浦东新区郭守敬路 498 号 (default)');

    // A new form starts with the default address in the paper fields.
    const third = await form([bills[2]!], 'en');
    await paper(third);
    expect($<HTMLInputElement>(third, '[name="recipient"]')!.value).to.equal('王芳');
    expect($<HTMLSelectElement>(third, '#address-book')!.value).to.equal(book.items[0]!.id);
  });

  it('offers pick-up at the branch the server names and courier by SF or Yunda; the history says which and then the waybill', async () => {
    const bills = await eligibleInvoices(2);
    const el = await form([bills[0]!], 'zh-CN');
    const kinds = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name="delivery"]')].map(i => i.value);
    expect(kinds).to.deep.equal(['electronic', 'paper', 'pickup']);
    expect($(el, '[part="pickup-point"]'), 'the branch only once pick-up is chosen').to.equal(null);
    $<HTMLInputElement>(el, '[name="delivery"][value="pickup"]')!.click();
    await el.updateComplete;
    const point = $(el, '[part="pickup-point"]')!;
    expect(point.textContent).to.contain('世纪互联上海分公司');
    expect(point.textContent).to.contain('科苑路 88 号');
    expect($(el, '[name="postalAddress"]'), 'no address to type for a pick-up').to.equal(null);
    expect($(el, '#recipient-hint')!.textContent).to.contain('到网点领取发票的人');
    await expect(el).to.be.accessible();
    await type(el, 'title', '康托索（上海）信息技术有限公司');
    await type(el, 'taxId', TAX_ID);
    await type(el, 'recipient', '李雷');
    await type(el, 'recipientPhone', '13800138000');
    const submitted = oneEvent(el, 'fapiao-submitted');
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    const pickup = ((await submitted) as FapiaoSubmittedEvent).detail.request;
    expect(pickup.delivery).to.equal('pickup');
    expect(pickup.pickup?.collector).to.equal('李雷');
    await el.updateComplete;
    expect($(el, `[part="request"][data-id="${pickup.id}"] .delivery`)!.textContent!.trim()).to.equal(
      '纸质发票由 李雷（13800138000）到世纪互联上海分公司自取：上海市浦东新区科苑路 88 号德国中心 3 号楼 657 室',
    );

    // By courier: Yunda chosen by keyboard, kept on the request, its waybill shown once mailed.
    const second = await form([bills[1]!], 'en');
    $<HTMLInputElement>(second, '[name="delivery"][value="paper"]')!.click();
    await second.updateComplete;
    const couriers = [...second.shadowRoot!.querySelectorAll<HTMLInputElement>('[name="courier"]')];
    expect(couriers.map(c => [c.value, c.checked])).to.deep.equal([
      ['sf', true],
      ['yunda', false],
    ]);
    couriers[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await second.updateComplete;
    expect($<HTMLInputElement>(second, '[name="courier"][value="yunda"]')!.checked).to.equal(true);
    await type(second, 'title', '康托索（上海）信息技术有限公司');
    await type(second, 'taxId', TAX_ID);
    await type(second, 'recipient', '王芳');
    await type(second, 'recipientPhone', '021-60506050');
    await type(second, 'postalAddress', '上海市浦东新区郭守敬路 498 号');
    const sent = oneEvent(second, 'fapiao-submitted');
    $<HTMLButtonElement>(second, '[part="submit"]')!.click();
    const byYunda = ((await sent) as FapiaoSubmittedEvent).detail.request;
    expect(byYunda.shipping?.courier).to.equal('yunda');
    for (let i = 0; i < 3; i++) await admin('/process-requests');
    await second.refresh();
    await second.updateComplete;
    const row = $(second, `[part="request"][data-id="${byYunda.id}"]`)!;
    expect(row.querySelector('.badge')!.textContent).to.equal('Mailed');
    expect(row.querySelector('.delivery')!.textContent!.trim()).to.match(/^By Yunda Express, freight collect, to 王芳/);
    expect(row.querySelector('[part="tracking"]')!.textContent!.trim()).to.match(
      /^Yunda Express tracking number \d{15}$/,
    );
    const ready = $(second, `[part="request"][data-id="${pickup.id}"] .badge`)!;
    expect(ready.textContent).to.equal('Ready for pick-up');
    await expect(second).to.be.accessible();
  });

  it('helps verify an issued Fapiao (查验): what its number says, the fields to copy, the national platform', async () => {
    const [bill] = await eligibleInvoices(1);
    const { id } = await issuedViaApi(bill!, { title: '康托索', taxId: TAX_ID, email: 'finance@contoso.cn' });
    const created = await api<FapiaoRequest>(`/fapiao-requests/${id}`);
    const fapiao = created.fapiaos[0]!;
    const el = await form([], 'zh-CN');
    const row = $(el, `[part="request"][data-id="${created.id}"]`)!;
    const verify = row.querySelector<HTMLDetailsElement>('[part="verify"]')!;
    expect(verify.open, 'closed until asked').to.equal(false);
    verify.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(verify.open, 'opens by keyboard').to.equal(true);
    expect(verify.querySelector('.number-parts')!.textContent).to.equal(
      `20${fapiao.number.slice(0, 2)} 年开具，税务机关代码 ${fapiao.number.slice(2, 4)}，开具渠道 ${fapiao.number[4]}。`,
    );
    const values = [...verify.querySelectorAll<HTMLInputElement>('input')].map(i => i.value);
    const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    expect(values).to.deep.equal([
      fapiao.number,
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(fapiao.issuedAt)),
      yuan(fapiao.net),
      yuan(fapiao.gross),
    ]);
    const link = verify.querySelector<HTMLAnchorElement>('a')!;
    expect([link.href, link.target, link.rel]).to.deep.equal([
      'https://inv-veri.chinatax.gov.cn/',
      '_blank',
      'noopener noreferrer',
    ]);
    await expect(el).to.be.accessible();
    // Copy: the value goes to the clipboard and the live region says which field.
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
    try {
      verify.querySelector<HTMLButtonElement>('button[aria-label="复制价税合计"]')!.click();
      await until(() => written.length === 1, 'the copy');
      await el.updateComplete;
      expect(written).to.deep.equal([yuan(fapiao.gross)]);
      expect(verify.querySelector('[role="status"]')!.textContent).to.equal('已复制：价税合计');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard; // the browser's own again
    }
  });

  it('says where the e-Fapiao was e-mailed and sends it again, to another address too: checked first, sent once, said', async () => {
    const [bill] = await eligibleInvoices(1);
    const draft = { title: '康托索（上海）信息技术有限公司', taxId: TAX_ID, email: 'finance@contoso.cn' };
    const created = await issuedViaApi(bill!, draft);
    const el = await form([], 'en');
    const row = () => $(el, `[part="request"][data-id="${created.id}"]`)!;
    expect(row().querySelector('.emailed')!.textContent).to.match(/^E-mailed to finance@contoso\.cn · /);
    row().querySelector<HTMLButtonElement>('[part="resend"]')!.click();
    await el.updateComplete;
    const input = () => row().querySelector<HTMLInputElement>('[name="resend-to"]')!;
    expect(input().value, 'the address it went to').to.equal('finance@contoso.cn');
    await expect(el).to.be.accessible();
    // A minute has not passed: said with the time, before any call.
    row().querySelector<HTMLButtonElement>('.resend-form [type="submit"]')!.click();
    await el.updateComplete;
    expect(row().querySelector('.field-error')!.textContent).to.match(
      /^Too many e-mails for this Fapiao for now\. You can send it again from /,
    );
    // Two minutes later, to another address, pressed twice: one e-mail, said, the line updated.
    await admin('/clock', { now: new Date(NOW.getTime() + 120_000).toISOString() }, 'PUT');
    el.now = new Date(NOW.getTime() + 120_000);
    input().focus();
    input().select();
    await sendKeys({ type: 'not-an-address' });
    row().querySelector<HTMLButtonElement>('.resend-form [type="submit"]')!.click();
    await el.updateComplete;
    expect(row().querySelector('.field-error')!.textContent).to.equal('not-an-address is not a valid e-mail address.');
    expect(input().value, 'the typed address stays').to.equal('not-an-address');
    input().select();
    await sendKeys({ type: 'ap@contoso.cn' });
    const before = ((await (await admin('/mailbox', undefined, 'GET')).json()) as { items: unknown[] }).items.length;
    await sendKeys({ press: 'Enter' });
    row().querySelector<HTMLButtonElement>('.resend-form [type="submit"]')?.click();
    await until(() => !!row().querySelector('.sent'), 'the confirmation');
    expect(row().querySelector('.sent')!.textContent).to.equal('Sent to ap@contoso.cn, with the files attached.');
    expect(row().querySelector('.emailed')!.textContent).to.match(/^E-mailed to ap@contoso\.cn · /);
    const box = (await (await admin('/mailbox', undefined, 'GET')).json()) as {
      items: { to: string[]; subject: string; attachments: { filename: string }[] }[];
    };
    expect(box.items.length - before, 'one e-mail for Enter and a click').to.equal(1);
    expect(box.items[0]!.to).to.deep.equal(['ap@contoso.cn']);
    expect(box.items[0]!.attachments.map(a => a.filename.slice(-4))).to.deep.equal(['.pdf', '.ofd', '.xml']);
    await expect(el).to.be.accessible();
    await admin('/clock', { now: NOW.toISOString() }, 'PUT');
  });

  it('asks for a reissue (换开) with corrections: checked first, then its steps, the red-letter Fapiao and the new request', async () => {
    const [bill] = await eligibleInvoices(1);
    const old = await issuedViaApi(bill!, { title: '康托索', taxId: TAX_ID, email: 'finance@contoso.cn' });
    const el = await form([], 'en');
    const row = (id = old.id) => $(el, `[part="request"][data-id="${id}"]`)!;
    row().querySelector<HTMLButtonElement>('[part="reissue"]')!.click();
    await el.updateComplete;
    const reissueForm = () => row().querySelector<HTMLFormElement>('[part="reissue-form"]')!;
    expect(
      reissueForm().querySelector<HTMLInputElement>('[name="reissue-title"]')!.value,
      'starts from the request',
    ).to.equal('康托索');
    await expect(el).to.be.accessible();
    const press = async () => {
      reissueForm().querySelector<HTMLButtonElement>('[type="submit"]')!.click();
      await el.updateComplete;
    };
    await press();
    expect(reissueForm().querySelector('[role="alert"]')!.textContent).to.equal('Choose what is wrong on the Fapiao.');
    reissueForm().querySelector<HTMLInputElement>('[name="reissue-reason"][value="buyer-name"]')!.click();
    await press();
    expect(reissueForm().querySelector('[role="alert"]')!.textContent).to.contain('needs no reissue');
    const title = reissueForm().querySelector<HTMLInputElement>('[name="reissue-title"]')!;
    title.focus();
    title.select();
    await sendKeys({ type: '康托索（上海）信息技术有限公司' });
    await press();
    await until(() => !!row().querySelector('[part="reissue-progress"]'), 'the reissue under way');
    const progress = row().querySelector<HTMLElement>('[part="reissue-progress"]')!;
    expect(el.shadowRoot!.activeElement, 'the steps take the focus').to.equal(progress);
    expect([...progress.querySelectorAll('ol.steps li')].map(li => li.className)).to.deep.equal([
      'current',
      'pending',
      'pending',
      'pending',
    ]);
    expect(progress.querySelector('[aria-current="step"]')!.textContent).to.contain('Red-letter confirmation form');
    expect(row().querySelector('[part="reissue"]'), 'no second reissue while one runs').to.equal(null);
    await expect(el).to.be.accessible();
    for (let i = 0; i < 5; i++) await admin('/process-requests');
    await el.refresh();
    await el.updateComplete;
    expect(row().querySelector('.badge')!.textContent).to.equal('Reversed (red-letter)');
    const red = row().querySelector('li.red-letter')!;
    expect(red.textContent).to.match(/Red-letter Fapiao \d{20}, reverses \d{20}/);
    expect(red.textContent).to.match(/-CN¥[\d,]+\.\d\d/);
    const replacementId = /Reissued as request (\S+)/.exec(row().textContent!)![1]!;
    expect(row(replacementId).querySelector('.replaces')!.textContent).to.equal(`Reissue of request ${old.id}`);
    expect(row(replacementId).querySelector('.badge')!.textContent).to.equal('Issued');
    expect(row(replacementId).textContent).to.contain('康托索（上海）信息技术有限公司');
    expect([...row().querySelectorAll('ol.steps li')].every(li => li.className === 'done')).to.equal(true);
    // An old Fapiao, past the seller's 180 days: no button, the reason with its last day.
    const late = [...el.shadowRoot!.querySelectorAll('[part="request"].mailed, [part="request"].issued')].find(r =>
      r.textContent!.includes('within 180 days'),
    );
    expect(late, 'a seeded Fapiao older than 180 days').to.not.equal(undefined);
    expect(late!.querySelector('[part="reissue"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('withdraws a request not yet being issued after a confirmation, by keyboard; a request being issued offers none', async () => {
    const [bill] = await eligibleInvoices(1);
    const created = await createdViaApi(bill!, { title: '康托索', taxId: TAX_ID, email: 'a@b.cn' });
    const el = await form([], 'zh-CN');
    const row = () => $(el, `[part="request"][data-id="${created.id}"]`)!;
    const changed = oneEvent(el, 'fapiao-requests-change');
    row().querySelector<HTMLButtonElement>('[part="withdraw"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(row().querySelector('.withdraw-confirm')!.textContent).to.contain(`确定撤回申请 ${created.id}？`);
    await expect(el).to.be.accessible();
    // "Keep it" keeps it.
    row().querySelector<HTMLButtonElement>('.withdraw-confirm .secondary')!.click();
    await el.updateComplete;
    expect(row().querySelector('.withdraw-confirm')).to.equal(null);
    row().querySelector<HTMLButtonElement>('[part="withdraw"]')!.click();
    await el.updateComplete;
    const yes = row().querySelector<HTMLButtonElement>('.withdraw-confirm .danger')!;
    yes.focus();
    await sendKeys({ press: 'Enter' });
    yes.click();
    const event = (await changed) as FapiaoRequestsChangeEvent;
    expect(event.detail.requests.find(r => r.id === created.id)!.status).to.equal('cancelled');
    await el.updateComplete;
    expect(row().querySelector('.badge')!.textContent).to.equal('已撤销');
    // (Compared as a boolean: chai's message for two unequal elements of this size takes the page down.)
    await until(() => el.shadowRoot!.activeElement === row(), 'the request takes the focus');
    const server = await api<FapiaoRequest>(`/fapiao-requests/${created.id}`);
    expect(
      server.history.map(h => h.status),
      'withdrawn once',
    ).to.deep.equal(['submitted', 'cancelled']);
    // A request the back office has started on cannot be withdrawn: no button.
    const [other] = await eligibleInvoices(1);
    const second = await issuedViaApi(other!, { title: '康托索', taxId: TAX_ID, email: 'a@b.cn' });
    await el.refresh();
    await el.updateComplete;
    expect($(el, `[part="request"][data-id="${second.id}"] [part="withdraw"]`)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('creates one request for a double click on submit', async () => {
    const bills = await eligibleInvoices(1);
    const before = await requestCount();
    const el = await form(bills);
    await fillValid(el);
    const button = $<HTMLButtonElement>(el, '[part="submit"]')!;
    const submitted = oneEvent(el, 'fapiao-submitted');
    button.click();
    button.click();
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await submitted;
    await new Promise(r => setTimeout(r, 300));
    expect(await requestCount()).to.equal(before + 1);
  });

  it('under faults (answer lost after the server handled it, then 500s) loses nothing and creates nothing twice', async () => {
    const bills = await eligibleInvoices(1);
    const before = await requestCount();
    // The first POST is handled but its answer dropped; the client retries with the same key and gets the replay.
    await admin('/faults/queue', {
      kind: 'drop',
      path: '/api/v1/fapiao-requests',
      method: 'POST',
      afterHandling: true,
    });
    const el = await form(bills, 'zh-CN');
    await fillValid(el);
    const submitted = oneEvent(el, 'fapiao-submitted');
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    const first = (await submitted) as FapiaoSubmittedEvent;
    expect(await requestCount()).to.equal(before + 1);

    // Now every try of the next submit fails with 500 (more than the client's retries): error shown, form kept.
    const [next] = (await eligibleInvoices(1)).filter(b => !first.detail.request.invoiceIds.includes(b.id));
    await admin('/faults/queue', { kind: 'error-500', path: '/api/v1/fapiao-requests', method: 'POST', times: 3 });
    const el2 = await form([next!], 'zh-CN');
    await fillValid(el2);
    const failed = oneEvent(el2, 'fapiao-error');
    $<HTMLButtonElement>(el2, '[part="submit"]')!.click();
    expect(((await failed) as FapiaoErrorEvent).detail.error.status).to.equal(500);
    await el2.updateComplete;
    expect($(el2, '.outcome[role="alert"]')!.textContent).to.contain('不会重复创建申请');
    expect($<HTMLInputElement>(el2, '[name="title"]')!.value, 'the typed form is kept').to.equal(
      '康托索（上海）信息技术有限公司',
    );
    await expect(el2).to.be.accessible();
    const ok = oneEvent(el2, 'fapiao-submitted');
    $<HTMLButtonElement>(el2, '[part="submit"]')!.click();
    await ok;
    expect(await requestCount()).to.equal(before + 2);
  });

  it('after a timeout, a lost answer (500 after handling) and a page reload, there is one request and the form says so', async () => {
    const bills = await eligibleInvoices(1);
    const before = await requestCount();
    // This client gives up after 300 ms and does not retry by itself, so every fault reaches the element.
    const impatient = () =>
      createBillingClient({ baseUrl: '/api/v1/', token: 'demo-token-contoso', timeoutMs: 300, retries: 0 });
    const render = () =>
      fixture<FapiaoRequestElement>(
        html`<fapiao-request
          lang="en"
          draft-key="timeout"
          .client=${impatient()}
          .invoices=${bills}
          .now=${NOW}
          poll-seconds="0"
        ></fapiao-request>`,
      );
    const el = await render();
    await loaded(el);
    expect(statusOf(el)).to.equal('ready');
    await fillValid(el);
    const submitOnce = async (target: FapiaoRequestElement) => {
      const outcome = Promise.race([oneEvent(target, 'fapiao-error'), oneEvent(target, 'fapiao-submitted')]);
      $<HTMLButtonElement>(target, '[part="submit"]')!.click();
      return outcome as Promise<FapiaoErrorEvent | FapiaoSubmittedEvent>;
    };
    // 1. The server is slow: the client times out.
    await admin('/faults/queue', { kind: 'delay', ms: 1500, path: '/api/v1/fapiao-requests', method: 'POST' });
    expect(((await submitOnce(el)) as FapiaoErrorEvent).detail.error.kind).to.equal('timeout');
    await el.updateComplete;
    expect($(el, '.outcome[role="alert"]')!.textContent).to.contain('will not be created twice');
    await new Promise(r => setTimeout(r, 1600)); // whatever the slow call did has finished
    // 2. Again: now the server creates the request but its answer is replaced by a 500. (A dropped connection would not
    // do here: Chromium itself re-sends a POST whose reused keep-alive socket closed without an answer — with the same
    // Idempotency-Key, so the server replays; the key covers the browser's retries too.)
    await admin('/faults/queue', {
      kind: 'error-500',
      path: '/api/v1/fapiao-requests',
      method: 'POST',
      afterHandling: true,
    });
    expect(((await submitOnce(el)) as FapiaoErrorEvent).detail.error.status).to.equal(500);
    expect(await requestCount()).to.equal(before + 1);
    // 3. The user reloads the page (only session storage survives): the form is back as typed, and the bill now shows
    // as requested — the preview says why it cannot be included and submit is off. Nothing can be sent twice.
    el.remove();
    const again = await render();
    await loaded(again);
    expect(statusOf(again)).to.equal('ready');
    expect($<HTMLInputElement>(again, '[name="title"]')!.value).to.equal('康托索（上海）信息技术有限公司');
    expect($(again, '[part="preview"] .excluded')!.textContent).to.contain(bills[0]!.number);
    expect($<HTMLButtonElement>(again, '[part="submit"]')!.disabled).to.equal(true);
    expect(!!$(again, 'form [part="timeline"]'), 'no "requested today" for a request that cannot go').to.equal(false);
    expect(
      [...again.shadowRoot!.querySelectorAll('[part="request"]')].some(r => r.textContent!.includes(bills[0]!.number)),
    ).to.equal(true);
    expect(await requestCount(), 'one request after two failed-looking submits').to.equal(before + 1);
  });

  it('reports a malformed answer as such, keeps the form, and succeeds on the next try', async () => {
    const bills = await eligibleInvoices(1);
    const before = await requestCount();
    await admin('/faults/queue', { kind: 'malformed', path: '/api/v1/fapiao-requests', method: 'POST' });
    const el = await form(bills, 'nl');
    await fillValid(el);
    const failed = oneEvent(el, 'fapiao-error');
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    expect(((await failed) as FapiaoErrorEvent).detail.error.kind).to.equal('invalid-response');
    await el.updateComplete;
    expect($(el, '.outcome[role="alert"]')!.textContent).to.contain('niet dubbel');
    const ok = oneEvent(el, 'fapiao-submitted');
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await ok;
    expect(await requestCount()).to.equal(before + 1);
  });

  it('starts a returning customer from the buyer of the last request, and never over what was typed', async () => {
    const bills = await eligibleInvoices(1);
    const el = await form(bills, 'en', 'demo-token-contoso', `prefill-${Math.random()}`);
    expect($<HTMLInputElement>(el, '[name="title"]')!.value).to.equal('康托索（上海）信息技术有限公司');
    expect($<HTMLInputElement>(el, '[name="taxId"]')!.value).to.equal(TAX_ID);
    expect($<HTMLInputElement>(el, '[name="email"]')!.value).to.equal('finance@contoso.cn');
    expect($<HTMLInputElement>(el, 'label.save input')!.checked).to.equal(
      true,
      'no saved profile yet: saving starts on',
    );
    await type(el, 'title', 'Contoso Beijing');
    await el.reload();
    expect($<HTMLInputElement>(el, '[name="title"]')!.value).to.equal('Contoso Beijing');
  });

  it('keeps the typed draft across a reload (session storage) and offers the checksum override', async () => {
    const bills = await eligibleInvoices(1);
    const el = await form(bills, 'en', 'demo-token-contoso', 'reload-test');
    await type(el, 'title', 'Contoso Shanghai');
    await type(el, 'taxId', '91350100M0001TGQXM'); // a real pilot-era code that fails the USCC check
    // Said once, under the field, naming the box by its own label; the box is right below.
    const said = $(el, '#taxId-error')!.textContent!;
    expect(said).to.contain('it would be 1');
    const box = $(el, '.override label')!.textContent!.trim();
    expect(said).to.contain(`“${box}”`);
    expect($(el, '.override')!.textContent!.trim()).to.equal(box);
    el.remove();
    const again = await form(bills, 'en', 'demo-token-contoso', 'reload-test');
    expect($<HTMLInputElement>(again, '[name="title"]')!.value).to.equal('Contoso Shanghai');
    expect($<HTMLInputElement>(again, '[name="taxId"]')!.value).to.equal('91350100M0001TGQXM');
    const override = $<HTMLInputElement>(again, '[name="acceptChecksumWarning"]')!;
    override.focus();
    await sendKeys({ press: 'Space' });
    await again.updateComplete;
    expect($(again, '#taxId-error')).to.equal(null);
  });

  it('says a resident ID typo as a typo (no override offered), in Chinese without stray quotes', async () => {
    const el = await form(await eligibleInvoices(1), 'zh-CN');
    await type(el, 'taxId', '110101199003074518'); // the check digit would be 4
    expect($(el, '#taxId-error')!.textContent).to.equal('这个号码的最后一位与校验规则不符（应为 4），请核对是否输错。');
    expect($(el, '[name="acceptChecksumWarning"]')).to.equal(null);
  });

  it('fills the form from a saved buyer profile, and saves a new one when asked', async () => {
    const bills = await eligibleInvoices(1);
    await fetch('/api/v1/buyer-profiles', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-token-contoso' },
      body: JSON.stringify({
        buyerKind: 'enterprise',
        title: '康托索（北京）科技有限公司',
        taxId: TAX_ID,
        email: 'ap@contoso.cn',
      }),
    });
    const el = await form(bills, 'zh-CN');
    const select = $<HTMLSelectElement>(el, '#profile')!;
    select.value = select.options[1]!.value;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '[name="title"]')!.value).to.equal('康托索（北京）科技有限公司');
    expect($<HTMLInputElement>(el, '[name="taxId"]')!.value).to.equal(TAX_ID);
    expect($<HTMLInputElement>(el, '[name="email"]')!.value).to.equal('ap@contoso.cn');
    await type(el, 'title', '康托索（深圳）有限公司');
    $<HTMLInputElement>(el, 'label.save input')!.click();
    const submitted = oneEvent(el, 'fapiao-submitted');
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await submitted;
    const profiles = await api<{ items: { title: string }[] } | { title: string }[]>('/buyer-profiles');
    const titles = (Array.isArray(profiles) ? profiles : profiles.items).map(p => p.title);
    expect(titles).to.include('康托索（深圳）有限公司');
  });

  it('makes a chosen saved profile the default title, and the next form starts from it', async () => {
    const bills = await eligibleInvoices(1);
    for (const title of ['康托索（北京）科技有限公司', '康托索（广州）有限公司'])
      await fetch('/api/v1/buyer-profiles', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer demo-token-contoso' },
        body: JSON.stringify({ buyerKind: 'enterprise', title, taxId: TAX_ID }),
      });
    const el = await form(bills, 'zh-CN');
    expect($(el, '[part="default-profile"]'), 'nothing chosen, nothing to make default').to.equal(null);
    const select = $<HTMLSelectElement>(el, '#profile')!;
    select.value = [...select.options].find(o => o.textContent!.includes('北京'))!.value;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="default-profile"]')!.click();
    await until(() => $(el, '[part="default-profile"]') === null, 'the profile marked default');
    const option = [...$<HTMLSelectElement>(el, '#profile')!.options].find(o => o.textContent!.includes('北京'))!;
    expect(option.textContent!.trim()).to.match(/（默认）$/);
    await expect(el).to.be.accessible();
    // A new form (another tab, the next visit) starts from the default, not from the newest profile.
    sessionStorage.clear();
    const next = await form(bills, 'zh-CN');
    expect($<HTMLInputElement>(next, '[name="title"]')!.value).to.equal('康托索（北京）科技有限公司');
  });

  it('takes bill ids from the invoice-ids attribute and loads the bills itself', async () => {
    const bills = await eligibleInvoices(2);
    const el = await fixture<FapiaoRequestElement>(
      html`<fapiao-request
        lang="en"
        api-base="/api/v1/"
        token="demo-token-contoso"
        invoice-ids=${bills.map(b => b.id).join(', ')}
        .now=${NOW}
        poll-seconds="0"
      ></fapiao-request>`,
    );
    await loaded(el);
    expect(statusOf(el)).to.equal('ready');
    await el.updateComplete;
    expect($(el, 'form p')!.textContent).to.equal(`For 2 bills: ${bills.map(b => b.number).join(', ')}`);
  });

  it('offers "correct and request again" on a rejected request: its details in the form, its bills chosen again', async () => {
    const el = await form([], 'en');
    const rejected = el.shadowRoot!.querySelector<HTMLElement>('[part="request"].rejected')!;
    const id = rejected.dataset.id!;
    const request = await api<FapiaoRequest>(`/fapiao-requests/${id}`);
    rejected.querySelector<HTMLButtonElement>('button.again')!.click();
    await until(() => $(el, 'form') !== null, 'the form for the rejected request’s bills');
    await loaded(el);
    expect(el.invoiceIds).to.equal(request.invoiceIds.join(' '));
    expect($<HTMLInputElement>(el, '[name="title"]')!.value).to.equal(request.buyer.title);
    expect($<HTMLInputElement>(el, '[name="taxId"]')!.value).to.equal(request.buyer.taxId ?? '');
    await until(() => Boolean(el.shadowRoot!.activeElement?.closest('form')), 'focus in the form');
    await expect(el).to.be.accessible();
  });

  it('shows issued Fapiao with their PDF, OFD and XML files, and the status history', async () => {
    const el = await form([], 'en');
    expect($(el, 'form')).to.equal(null);
    const issued = [...el.shadowRoot!.querySelectorAll('[part="request"].issued')];
    expect(issued.length).to.be.above(0);
    const links = [...issued[0]!.querySelectorAll('a')].map(a => a.textContent!.trim());
    expect(links).to.include.members(['PDF', 'OFD', 'XML']);
    expect(issued[0]!.querySelector('ol.history')!.textContent).to.contain('Issued');
    // A refunded bill's Fapiao was reversed by a red-letter one: said in the list, with its number.
    const reversed = el.shadowRoot!.querySelector('[part="request"].reversed')!;
    expect(reversed.querySelector('.badge')!.textContent).to.equal('Reversed (red-letter)');
    expect(reversed.querySelector('.reversal')!.textContent).to.match(/^Reversed by red-letter Fapiao 2631\d{16}$/);
    // Where each Fapiao goes, as the customer gave it: the e-mail, or the recipient and address of the paper one.
    const mailed = el.shadowRoot!.querySelector('[part="request"].mailed .delivery')!;
    expect(mailed.textContent!.trim()).to.equal(
      'By SF Express, freight collect, to 王芳, 021-60506050, 上海市浦东新区张江高科技园区郭守敬路 498 号',
    );
    // The courier's waybill, as data.
    const tracking = el.shadowRoot!.querySelector('[part="request"].mailed [part="tracking"]')!;
    expect(tracking.textContent!.trim()).to.match(/^SF Express tracking number SF\d{13}$/);
    expect(issued[0]!.querySelector('.delivery')!.textContent!.trim()).to.match(/^By e-mail to \S+@\S+$/);
    // A file that cannot be fetched (500s beyond the client's retries) is said in the list, which stays.
    const pdf = issued[0]!.querySelector<HTMLAnchorElement>('a')!;
    await admin('/faults/queue', { kind: 'error-500', path: new URL(pdf.href).pathname, times: 3 });
    const failed = oneEvent(el, 'fapiao-error');
    pdf.click();
    expect(((await failed) as FapiaoErrorEvent).detail.during).to.equal('download');
    await el.updateComplete;
    expect($(el, '[part="history"] [role="alert"]')!.textContent).to.contain('The file could not be downloaded.');
    await expect(el).to.be.accessible();
  });
});

describe('<fapiao-request> with a fixture client', () => {
  beforeEach(() => sessionStorage.clear());
  const bill = makeInvoice({ id: 'A', number: 'INV-A', gross: 123450, tax: 6988, paidAt: '2026-11-01T10:00:00+08:00' });
  /** The form for `bill` in `lang`, on `client`, loaded. */
  async function formFor(lang: string, client = new FixtureClient([bill])) {
    const el = await fixture<FapiaoRequestElement>(
      html`<fapiao-request lang=${lang} .client=${client} .invoices=${[bill]} .now=${NOW}></fapiao-request>`,
    );
    await loaded(el);
    return el;
  }

  it("shows the operator's stock-shortage notice before the form, with its day in China time, and the operator's words", async () => {
    const client = new FixtureClient([bill], {
      state: 'registered',
      notices: [
        { kind: 'stock-shortage', expectedIssueDate: '2026-12-03', message: '<b>年底</b>开票量大' },
        { kind: 'holiday-closure' }, // a kind from a newer server: left out
      ],
    });
    const el = await formFor('zh-CN', client);
    const notices = el.shadowRoot!.querySelectorAll('[part="service-notice"]');
    expect(notices.length).to.equal(1);
    expect(notices[0]!.textContent).to.contain('发票库存不足，预计2026年12月3日起恢复开具。');
    expect(notices[0]!.textContent, 'data, not markup').to.contain('<b>年底</b>开票量大');
    expect(notices[0]!.compareDocumentPosition($(el, 'form')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await expect(el).to.be.accessible();
  });

  it('offers only the delivery the seller offers; a stored choice no longer offered stays visible, disabled, with why', async () => {
    const client = new FixtureClient([bill], {
      state: 'registered',
      delivery: { kinds: ['electronic', 'paper'], couriers: ['sf'] },
    });
    const key = `offer-${Math.random()}`;
    sessionStorage.setItem(
      `fapiao-kit:fapiao-request:${key}`,
      JSON.stringify({
        draft: { delivery: 'pickup', recipient: '李雷', recipientPhone: '13800138000' },
        saveProfile: false,
      }),
    );
    const el = await fixture<FapiaoRequestElement>(
      html`<fapiao-request
        lang="en"
        draft-key=${key}
        .client=${client}
        .invoices=${[bill]}
        .now=${NOW}
      ></fapiao-request>`,
    );
    await loaded(el);
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name="delivery"]')];
    expect(radios.map(r => [r.value, r.disabled, r.checked])).to.deep.equal([
      ['electronic', false, false],
      ['paper', false, false],
      ['pickup', true, true],
    ]);
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await el.updateComplete;
    expect($(el, '#delivery-error')!.textContent).to.contain('The seller does not offer this delivery');
    $<HTMLInputElement>(el, '[name="delivery"][value="paper"]')!.click();
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name="courier"]')].map(c => c.value)).to.deep.equal([
      'sf',
    ]);
    expect(
      $(el, '[name="recipient"]')!.matches('input') && $<HTMLInputElement>(el, '[name="recipient"]')!.value,
    ).to.equal('李雷', 'who was typed stays when the delivery changes');
    await expect(el).to.be.accessible();
  });

  it('can be filled and sent by keyboard alone: Tab between fields, Enter submits once', async () => {
    const client = new FixtureClient([bill]);
    const sent = client.acceptRequests();
    const el = await formFor('en', client);
    expect(statusOf(el)).to.equal('ready');
    $<HTMLInputElement>(el, '[name="title"]')!.focus();
    await sendKeys({ type: 'Contoso' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('taxId');
    await sendKeys({ type: TAX_ID });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('name'), 'Tab reaches the delivery choice').to.equal('delivery');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('email');
    await sendKeys({ type: 'a@b.cn' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '.outcome.success'), 'the submit');
    expect(sent.length, 'one request for two Enters').to.equal(1);
    expect(sent[0]!.input.draft).to.include({
      title: 'Contoso',
      taxId: TAX_ID,
      email: 'a@b.cn',
    });
  });

  it('offers the four buyer types, and for an individual the natural-person flag that makes the tax ID theirs', async () => {
    const el = await formFor('zh-CN');
    const kinds = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name="buyerKind"]')];
    expect(kinds.map(k => [k.value, k.parentElement!.textContent!.trim()])).to.deep.equal([
      ['enterprise', '企业'],
      ['government', '机关事业单位'],
      ['individual', '个人'],
      ['other', '其他'],
    ]);
    expect($(el, '[part="natural-person"]') === null, 'only for an individual').to.equal(true);
    kinds[1]!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '[name="fapiaoKind"][value="special"]')!.disabled, '专票 for enterprises').to.equal(
      true,
    );
    expect($(el, 'label[for="taxId"]')!.textContent!.trim()).to.equal('纳税人识别号（选填）');
    kinds[2]!.click();
    await el.updateComplete;
    const flag = $<HTMLInputElement>(el, '[part="natural-person"]')!;
    expect(flag.parentElement!.textContent!.trim()).to.equal('自然人（发票归集到个人票夹）');
    flag.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(flag.checked).to.equal(true);
    expect($(el, 'label[for="taxId"]')!.textContent!.trim(), 'required now').to.equal('纳税人识别号');
    expect($(el, '#taxId-hint')!.textContent).to.contain('居民身份证号码');
    await expect(el).to.be.accessible();
    kinds[0]!.click();
    await el.updateComplete;
    expect($(el, '[part="natural-person"]') === null, 'gone for an enterprise').to.equal(true);
  });

  it('names both fields of a shared byte limit, says why 专票 is greyed out, and uses full-width marks in Chinese', async () => {
    const el = await formFor('en');
    $<HTMLInputElement>(el, '[name="fapiaoKind"][value="special"]')!.click();
    await el.updateComplete;
    await type(el, 'address', '上海市浦东新区');
    expect($(el, '#phone-count')!.textContent!.trim()).to.equal(
      'Registered address and registered phone together: 14 / 100 bytes',
    );
    expect($(el, '[name="address"]')!.getAttribute('aria-describedby')).to.contain('phone-count');
    expect($(el, '#fapiaoKind-why')).to.equal(null, 'nothing greyed out for an enterprise');
    $<HTMLInputElement>(el, '[name="buyerKind"][value="individual"]')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '[name="fapiaoKind"][value="special"]')!.disabled).to.equal(true);
    expect($(el, '#fapiaoKind-why')!.textContent).to.contain('for enterprises only');
    el.setAttribute('lang', 'zh-CN');
    await el.updateComplete;
    expect($(el, 'label[for="taxId"]')!.textContent!.trim()).to.equal('纳税人识别号（选填）');
    await expect(el).to.be.accessible();
  });

  it('maps a server rejection to the field at fault and focuses it', async () => {
    const client = new FixtureClient([bill]);
    client.createFapiaoRequest = async () => {
      throw new ApiError('http', 'rejected', {
        status: 422,
        problem: {
          code: 'validation-failed',
          detail: 'Taxpayer ID: not registered',
          errors: [
            {
              field: 'taxId',
              code: 'tax-id-format',
              message: 'Taxpayer ID: not registered with the tax bureau',
            } as never,
          ],
        },
      });
    };
    const el = await formFor('en', client);
    expect(statusOf(el)).to.equal('ready');
    await fillValid(el);
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await until(() => !!$(el, '.outcome.error-box'), 'the rejection');
    await el.updateComplete;
    await new Promise(r => setTimeout(r, 0));
    expect($(el, '#taxId-error')!.textContent).to.contain('not registered with the tax bureau');
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('taxId');
    await expect(el).to.be.accessible();
  });

  it('offers the special VAT Fapiao to enterprises only, and asks for its extra fields', async () => {
    const el = await formFor('zh-CN');
    expect(statusOf(el)).to.equal('ready');
    $<HTMLInputElement>(el, 'input[name="fapiaoKind"][value="special"]')!.click();
    await el.updateComplete;
    expect($(el, '[name="bankAccount"]')).to.not.equal(null);
    $<HTMLInputElement>(el, 'input[name="buyerKind"][value="individual"]')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[name="fapiaoKind"][value="special"]')!.disabled).to.equal(true);
    expect($<HTMLInputElement>(el, 'input[name="fapiaoKind"][value="ordinary"]')!.checked).to.equal(true);
    expect($(el, '[name="bankAccount"]')).to.equal(null);
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await el.updateComplete;
    await new Promise(r => setTimeout(r, 0));
    expect($(el, '.outcome[role="alert"]')!.textContent).to.contain('请修改');
    expect(el.shadowRoot!.activeElement?.getAttribute('name'), 'focus on the first field at fault').to.equal('title');
    await expect(el).to.be.accessible();
  });

  it("marks a 专票's address and bank optional when the seller's policy does, and sends the request without them", async () => {
    const client = new FixtureClient([bill], {
      state: 'registered',
      draftPolicy: { specialBuyerDetails: 'optional' },
    });
    const sent = client.acceptRequests();
    const el = await formFor('en', client);
    $<HTMLInputElement>(el, 'input[name="fapiaoKind"][value="special"]')!.click();
    await el.updateComplete;
    for (const name of ['address', 'phone', 'bankName', 'bankAccount']) {
      const input = $<HTMLInputElement>(el, `[name="${name}"]`)!;
      expect(input.required, `${name} is not required`).to.equal(false);
      expect(input.labels![0]!.textContent, `${name} says optional`).to.match(/optional/i);
    }
    await type(el, 'title', 'Contoso');
    await type(el, 'taxId', TAX_ID);
    await type(el, 'email', 'a@b.cn');
    await type(el, 'phone', 'call me');
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await el.updateComplete;
    expect(sent.length, 'what is given is still checked').to.equal(0);
    expect($(el, '#phone-error')!.textContent).to.match(/digits/i);
    await type(el, 'phone', '021-12345678');
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await until(() => !!$(el, '.outcome.success'), 'the submit');
    expect(sent.map(({ input: { draft: d } }) => [d.fapiaoKind, d.phone, d.bankName])).to.deep.equal([
      ['special', '021-12345678', ''],
    ]);
    await expect(el).to.be.accessible();
  });

  it('marks them required by default, as the server checks them', async () => {
    const el = await formFor('en');
    $<HTMLInputElement>(el, 'input[name="fapiaoKind"][value="special"]')!.click();
    await el.updateComplete;
    expect(
      ['address', 'phone', 'bankName', 'bankAccount'].map(n => $<HTMLInputElement>(el, `[name="${n}"]`)!.required),
    ).to.deep.equal([true, true, true, true]);
  });

  it("shows when the Fapiao comes: the seller's working days over China's calendar, and the filing deadline", async () => {
    const el = await formFor('zh-CN');
    const steps = () =>
      [...el.shadowRoot!.querySelectorAll('form [part="timeline"] li')].map(li => li.textContent!.trim());
    // Tuesday 2026-11-24 in Shanghai, 2 working days (21Vianet's, the default): Thursday; November's filing: 15 Dec.
    expect(steps()).to.deep.equal([
      '今天提交申请',
      '预计2026年11月26日前开具（2 个工作日内，已计入节假日和调休）',
      '计入2026年11月所属期，申报截止日为2026年12月15日',
    ]);
    expect($(el, 'form [part="timeline"]')!.getAttribute('aria-label')).to.equal('开票时间');
    await expect(el).to.be.accessible();

    // A seller that takes 5 working days: the Fapiao lands in December, whose deadline is not published yet.
    const slow = await fixture<FapiaoRequestElement>(
      html`<fapiao-request
        lang="en"
        .client=${new FixtureClient([bill], { state: 'registered', issueWithinWorkingDays: 5 })}
        .invoices=${[bill]}
        .now=${NOW}
      ></fapiao-request>`,
    );
    await loaded(slow);
    expect(
      [...slow.shadowRoot!.querySelectorAll('form [part="timeline"] li')].map(li => li.textContent!.trim()),
    ).to.deep.equal([
      'Requested today',
      "Issued by Dec 1, 2026 (within 5 working days, China's holidays counted)",
      "Counts for the December 2026 VAT filing, due around Jan 15, 2027 (that year's dates are not published yet)",
    ]);
  });

  it("shows each request's timeline in the history: expected, late, or issued with its filing deadline", async () => {
    const open = { ...issuedRequest, id: 'REQ-2', status: 'submitted', fapiaos: [], createdAt: '2026-11-23T02:00:00Z' };
    const late = {
      ...issuedRequest,
      id: 'REQ-3',
      status: 'processing',
      fapiaos: [],
      createdAt: '2026-11-17T02:00:00Z',
    };
    const client = new FixtureClient([bill], { state: 'registered' }, [issuedRequest, open, late] as FapiaoRequest[]);
    const el = await fixture<FapiaoRequestElement>(
      html`<fapiao-request lang="nl" .client=${client} .invoices=${[]} .now=${NOW}></fapiao-request>`,
    );
    await loaded(el);
    const timelineOf = (id: string) =>
      [...el.shadowRoot!.querySelectorAll(`[part="request"][data-id="${id}"] [part="timeline"] li`)].map(li =>
        li.textContent!.trim(),
      );
    expect(timelineOf('REQ-1')).to.deep.equal([
      'Uitgereikt op 20 nov 2026',
      'Telt mee voor de btw-aangifte over november 2026, uiterlijk 15 dec 2026',
    ]);
    expect(timelineOf('REQ-2')[0]).to.equal(
      'Uitgereikt uiterlijk 25 nov 2026 (binnen 2 werkdagen, Chinese feestdagen meegeteld)',
    );
    expect(timelineOf('REQ-3')[0]).to.equal(
      'Verwacht uiterlijk 19 nov 2026: later dan de verkoper gewoonlijk nodig heeft',
    );
    await expect(el).to.be.accessible();
  });

  it('takes part in a host form: invalid until the draft is, then its value is the request', async () => {
    const host = await fixture<HTMLFormElement>(
      html`<form>
        <fapiao-request
          name="fapiao"
          lang="en"
          .client=${new FixtureClient([bill])}
          .invoices=${[bill]}
          .now=${NOW}
        ></fapiao-request>
      </form>`,
    );
    const el = host.querySelector('fapiao-request')!;
    await loaded(el);
    expect(statusOf(el)).to.equal('ready');
    await el.updateComplete;
    expect(host.checkValidity()).to.equal(false);
    await fillValid(el);
    expect(host.checkValidity()).to.equal(true);
    const value = JSON.parse(new FormData(host).get('fapiao') as string);
    expect(value.invoiceIds).to.deep.equal(['A']);
    expect(value.draft.taxId).to.equal(TAX_ID);
  });
});
