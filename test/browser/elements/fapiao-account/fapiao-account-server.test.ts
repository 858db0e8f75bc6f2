import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../helpers/define.js';
import { admin } from '../../../helpers/admin.js';
import { loaded, until } from '../../../helpers/harness.js';
import type { BillListElement, FapiaoAccountElement } from '../../../../src/elements/index.js';

// Against the real reference server, which sends its e-mails over real SMTP to a catcher (web-test-runner.config.mjs);
// the test reads the activation link from that mailbox, as the customer reads it from theirs.
const NOW = new Date('2026-11-24T12:00:00+08:00');
const TOKEN = 'demo-token-fabrikam'; // unregistered in the seed

async function firstOrderNumber(): Promise<string> {
  const r = await fetch('/api/v1/invoices?limit=1', { headers: { authorization: `Bearer ${TOKEN}` } });
  return ((await r.json()) as { items: { number: string }[] }).items[0]!.number;
}

async function activationLinkFor(address: string): Promise<string> {
  let link = '';
  for (let i = 0; i < 50 && !link; i++) {
    const box = (await (await admin('/mailbox', undefined, 'GET')).json()) as {
      items: { to: string[]; text: string }[];
    };
    const mail = box.items.find(m => m.to.includes(address));
    link = /\S*\/fapiao-account\/activate\?\S+/.exec(mail?.text ?? '')?.[0] ?? '';
    if (!link) await new Promise(r => setTimeout(r, 100));
  }
  return new URL(link, location.origin).href;
}

async function type(el: FapiaoAccountElement, name: string, value: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('<fapiao-account> with the reference server and a real SMTP catcher', () => {
  beforeEach(async () => {
    await admin('/reset');
  });

  it('registers from inside <bill-list>, and the link in the e-mail activates the account', async () => {
    const list = await fixture<BillListElement>(
      html`<bill-list lang="en" api-base="/api/v1/" token=${TOKEN} .now=${NOW}></bill-list>`,
    );
    await loaded(list);
    const account = list.shadowRoot!.querySelector<FapiaoAccountElement>('[part="account-banner"] fapiao-account')!;
    expect(account, 'the banner registers in place').to.not.equal(null);
    await loaded(account);
    await type(account, 'orderNumber', await firstOrderNumber());
    await type(account, 'email', 'ap@fabrikam.example');
    const registered = oneEvent(account, 'fapiao-account-change');
    account.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await registered).detail.account.state).to.equal('pending-activation');
    await account.updateComplete;
    expect(account.shadowRoot!.textContent).to.contain('we sent an activation link to ap@fabrikam.example');
    await expect(list).to.be.accessible();

    const link = await activationLinkFor('ap@fabrikam.example');
    const page = await fetch(link);
    expect(page.status).to.equal(200);
    const done = await fetch(new URL('/fapiao-account/activate?lang=en', location.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: new URL(link).searchParams.get('token')! }).toString(),
    });
    expect(done.status).to.equal(200);

    // The customer comes back to the tab: the element looks again, the list reloads, the banner goes.
    const activated = oneEvent(account, 'fapiao-account-change');
    document.dispatchEvent(new Event('visibilitychange'));
    expect((await activated).detail.account.state).to.equal('registered');
    await until(() => !list.shadowRoot!.querySelector('[part="account-banner"]'), 'the banner to go');
  });
});
