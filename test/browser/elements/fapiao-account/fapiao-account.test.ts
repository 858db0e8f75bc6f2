import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../helpers/define.js';
import { ApiError } from '../../../../src/core/index.js';
import type { FapiaoAccountElement } from '../../../../src/elements/index.js';
import { RegistrationClient } from '../../../helpers/fixture-client.js';
import { loaded } from '../../../helpers/harness.js';

async function render(client: RegistrationClient, lang = 'en') {
  const el = await fixture<FapiaoAccountElement>(
    html`<fapiao-account lang=${lang} .client=${client}></fapiao-account>`,
  );
  await loaded(el);
  return el;
}
const $ = <T extends Element = HTMLElement>(el: FapiaoAccountElement, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const text = (el: FapiaoAccountElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
async function type(el: FapiaoAccountElement, name: string, value: string) {
  const input = $<HTMLInputElement>(el, `input[name="${name}"]`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
  await el.updateComplete;
}

describe('<fapiao-account>', () => {
  it('explains what registering takes, and checks the fields as typed', async () => {
    const client = new RegistrationClient();
    const el = await render(client);
    expect(text(el)).to.contain('you need a Fapiao account');
    expect(text(el)).to.contain('next to "Order number"');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(client.registrations).to.have.length(0);
    expect($(el, '[role="alert"]').textContent).to.contain('2 fields need your attention');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[name="orderNumber"]'), 'the first field at fault');
    expect($(el, '#fk-account-orderNumber-error').textContent).to.equal('Enter the order number.');
    await type(el, 'orderNumber', 'G0123/45');
    expect($(el, '#fk-account-orderNumber-error').textContent).to.contain('letters, digits and hyphens only');
    await type(el, 'email', 'li@example');
    expect($(el, 'input[name="email"]').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, 'input[name="email"]').getAttribute('aria-describedby')).to.contain('fk-account-email-error');
    await expect(el).to.be.accessible();
  });

  it('registers once however often the button is pressed, then says where the link went and until when', async () => {
    const client = new RegistrationClient();
    client.registrationDelayMs = 50;
    const el = await render(client);
    await type(el, 'orderNumber', 'ｇ０１２３４５'); // full width, as copied from a Chinese PDF
    await type(el, 'email', ' li.lei@example.cn ');
    const changed = oneEvent(el, 'fapiao-account-change');
    const submit = $<HTMLButtonElement>(el, 'button[type="submit"]');
    submit.click();
    submit.click();
    $<HTMLFormElement>(el, 'form').requestSubmit();
    const { detail } = await changed;
    expect(client.registrations).to.deep.equal([{ orderNumber: 'G012345', email: 'li.lei@example.cn' }]);
    expect(detail.account.state).to.equal('pending-activation');
    await el.updateComplete;
    await el.updateComplete;
    expect(text(el)).to.contain('we sent an activation link to li.lei@example.cn');
    expect(text(el)).to.match(/The link works until \w+ \d+, 2026/);
    expect(el.shadowRoot!.activeElement, 'the news takes the focus').to.equal($(el, '[part="status"]'));
    const resend = [...el.shadowRoot!.querySelectorAll('button')].find(b => b.textContent!.includes('Resend'))!;
    expect(resend.disabled, 'not again within a minute').to.equal(true);
    expect(text(el)).to.contain('You can ask for another e-mail from');
    await expect(el).to.be.accessible();
  });

  it("keeps what was typed when the server refuses it, with the server's words under the field", async () => {
    const client = new RegistrationClient();
    const el = await render(client, 'zh-CN');
    await type(el, 'orderNumber', 'NOSUCH1');
    await type(el, 'email', 'a@b.cn');
    client.failNextRegistration = new ApiError('http', 'unknown order', {
      status: 422,
      problem: {
        code: 'validation-failed',
        errors: [{ field: 'orderNumber', code: 'order-number-unknown', message: '您的账单中没有这个订单号。' }],
      },
    });
    const failed = oneEvent(el, 'fapiao-account-error');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    expect((await failed).detail.during).to.equal('register');
    await el.updateComplete;
    expect($(el, '#fk-account-orderNumber-error').textContent).to.equal('您的账单中没有这个订单号。');
    expect($<HTMLInputElement>(el, 'input[name="orderNumber"]').value).to.equal('NOSUCH1');
    expect($<HTMLInputElement>(el, 'input[name="email"]').value).to.equal('a@b.cn');
    // Typing in the field clears the server's complaint about it.
    await type(el, 'orderNumber', 'G1');
    expect(el.shadowRoot!.querySelector('#fk-account-orderNumber-error')).to.equal(null);
  });

  it('says what went wrong on a 500 or no network, keeps the form and lets the customer try again', async () => {
    const client = new RegistrationClient();
    const el = await render(client, 'nl');
    await type(el, 'orderNumber', 'G1');
    await type(el, 'email', 'a@b.nl');
    client.failNextRegistration = new ApiError('network', 'offline');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await oneEvent(el, 'fapiao-account-error');
    await el.updateComplete;
    expect($(el, '.error-box[role="alert"]').textContent!.length).to.be.greaterThan(10);
    expect($<HTMLButtonElement>(el, 'button[type="submit"]').disabled).to.equal(false);
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await oneEvent(el, 'fapiao-account-change');
    expect(client.registrations).to.have.length(2);
  });

  it('resends when the minute is over, and lets the customer use another address', async () => {
    const client = new RegistrationClient({
      state: 'pending-activation',
      email: 'old@example.cn',
      activationExpiresAt: '2099-01-01T00:00:00Z',
    });
    const el = await render(client);
    const buttons = () => [...el.shadowRoot!.querySelectorAll('button')];
    const resend = buttons().find(b => b.textContent!.includes('Resend'))!;
    expect(resend.disabled).to.equal(false);
    resend.click();
    await oneEvent(el, 'fapiao-account-change');
    await el.updateComplete;
    expect(client.resends).to.equal(1);
    expect(text(el)).to.contain('A new link is on its way to old@example.cn; the earlier one no longer works.');

    buttons()
      .find(b => b.textContent!.includes('another e-mail'))!
      .click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[name="email"]').value, 'the pending address to correct').to.equal(
      'old@example.cn',
    );
    buttons()
      .find(b => b.textContent!.includes('Keep the address'))!
      .click();
    await el.updateComplete;
    expect(text(el)).to.contain('old@example.cn');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('says when the link has expired, judged at the time it is given, and offers a new one', async () => {
    const client = new RegistrationClient({
      state: 'pending-activation',
      email: 'late@example.cn',
      activationExpiresAt: '2026-11-25T04:00:00Z',
    });
    const el = await fixture<FapiaoAccountElement>(
      html`<fapiao-account lang="en" .client=${client} .now=${new Date('2026-11-25T03:59:00Z')}></fapiao-account>`,
    );
    await loaded(el);
    expect(text(el)).to.contain('we sent an activation link to late@example.cn');
    el.now = new Date('2026-11-25T04:00:00Z');
    await el.updateComplete;
    expect(text(el)).to.contain('The activation link sent to late@example.cn has expired (links work for 24 hours).');
    const resend = [...el.shadowRoot!.querySelectorAll('button')].find(b => b.textContent!.includes('Resend'))!;
    expect(resend.disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('is used by keyboard alone: Tab to each field, Enter submits', async () => {
    const client = new RegistrationClient();
    const before = document.createElement('button');
    document.body.append(before);
    const el = await render(client);
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[name="orderNumber"]'));
    await sendKeys({ type: 'G42' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'k@example.cn' });
    const changed = oneEvent(el, 'fapiao-account-change');
    await sendKeys({ press: 'Enter' });
    await changed;
    expect(client.registrations).to.deep.equal([{ orderNumber: 'G42', email: 'k@example.cn' }]);
    before.remove();
  });

  it('notices an activation done in another tab when the page is shown again, and says the account is active', async () => {
    const client = new RegistrationClient({ state: 'pending-activation', email: 'a@b.cn' });
    const el = await render(client, 'zh-CN');
    client.account = { state: 'registered', email: 'a@b.cn' };
    const changed = oneEvent(el, 'fapiao-account-change');
    document.dispatchEvent(new Event('visibilitychange'));
    expect((await changed).detail.account.state).to.equal('registered');
    await el.updateComplete;
    expect(text(el)).to.contain('您的发票账户已激活（a@b.cn）。');
  });

  it('leaves registering to the host when its backend cannot register, with the link the API gives', async () => {
    const client = new RegistrationClient();
    Object.defineProperty(client, 'registerFapiaoAccount', { value: undefined });
    client.account = { state: 'unregistered', registrationUrl: 'https://fapiao.example.cn/register' };
    const el = await render(client);
    expect($<HTMLAnchorElement>(el, 'a').href).to.equal('https://fapiao.example.cn/register');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });
});
