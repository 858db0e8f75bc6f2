import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../helpers/define.js';
import type { BillListElement, FapiaoRequestElement } from '../../src/elements/index.js';
import { admin } from '../helpers/admin.js';
import { loaded, until } from '../helpers/harness.js';

// Each state a customer meets, in each language, against the reference server, as Chromium draws it: checked for the
// things a person would notice first (sideways scrolling, the next step on screen) and saved under
// test-artifacts/screenshots/ to be looked at (the review that found the 600 px wide form looked at exactly these).
const NOW = new Date('2026-11-24T04:00:00Z');
const LANGS = ['zh-CN', 'en', 'nl'] as const;
const CUSTOMERS = {
  registered: 'demo-token-contoso',
  unregistered: 'demo-token-fabrikam',
  'pending-activation': 'demo-token-northwind',
} as const;

interface Page {
  readonly bills: BillListElement;
  readonly request: FapiaoRequestElement;
}

async function page(lang: string, token: string): Promise<Page> {
  const root = await fixture<HTMLElement>(
    html`<main lang=${lang} style="padding: 8px">
      <bill-list api-base="/api/v1/" token=${token} .now=${NOW}></bill-list>
      <fapiao-request
        api-base="/api/v1/"
        token=${token}
        draft-key=${`screens-${Math.random()}`}
        .now=${NOW}
      ></fapiao-request>
    </main>`,
  );
  const bills = root.querySelector('bill-list')!;
  const request = root.querySelector('fapiao-request')!;
  // Wired as the README shows.
  bills.addEventListener('fapiao-request', e => (request.invoices = e.detail.invoices));
  await Promise.all([loaded(bills), loaded(request)]);
  return { bills, request };
}

const shot = (name: string) => executeServerCommand('save-screenshot', { name });
const sideways = () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;
const within = (el: Element, width: number) => {
  const box = el.getBoundingClientRect();
  return box.left >= -1 && box.right <= width + 1;
};

describe('every state, in zh-CN, en and nl, as drawn (screenshots in test-artifacts/screenshots/)', () => {
  before(() => admin('/reset'));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const lang of LANGS) {
    for (const [state, token] of Object.entries(CUSTOMERS)) {
      it(`${lang}: a customer whose Fapiao account is ${state}, on a desktop`, async () => {
        await setViewport({ width: 1280, height: 800 });
        const { bills } = await page(lang, token);
        const banner = bills.shadowRoot!.querySelector('[part="account-banner"]');
        if (state === 'registered') {
          expect(banner).to.equal(null);
          expect(bills.shadowRoot!.querySelector('[part="fapiao-button"]'), 'a bill to request for').to.not.equal(null);
        } else {
          expect(banner, 'the account story, once').to.not.equal(null);
          expect(bills.shadowRoot!.querySelector('[part="fapiao-button"]'), 'nothing offered').to.equal(null);
        }
        expect(bills.shadowRoot!.querySelector('[part="summary"]'), 'the amounts').to.not.equal(null);
        expect(sideways()).to.equal(false);
        await shot(`${lang}-account-${state}-1280`);
      });
    }

    it(`${lang}: the bills on a phone (390 px) as cards`, async () => {
      await setViewport({ width: 390, height: 844 });
      const { bills } = await page(lang, CUSTOMERS.registered);
      expect(sideways()).to.equal(false);
      const button = bills.shadowRoot!.querySelector('[part="fapiao-button"]')!;
      expect(within(button, 390)).to.equal(true);
      await shot(`${lang}-bills-390`);
    });

    it(`${lang}: the details dialog and the full 专票 form with paper delivery fit 360 px`, async () => {
      await setViewport({ width: 360, height: 740 });
      const { bills, request } = await page(lang, CUSTOMERS.registered);
      bills.shadowRoot!.querySelector<HTMLButtonElement>('tbody th button')!.click();
      await until(() => !!bills.shadowRoot!.querySelector('dialog[open]'), 'the dialog');
      const dialog = bills.shadowRoot!.querySelector('dialog')!;
      await shot(`${lang}-details-360`);
      const b = dialog.getBoundingClientRect();
      expect(within(dialog, 360), `the dialog on screen: ${b.left}–${b.right}, scroll ${dialog.scrollWidth}`).to.equal(
        true,
      );
      expect(dialog.scrollWidth, 'nothing in the dialog scrolls sideways').to.be.at.most(dialog.clientWidth + 1);
      await shot(`${lang}-details-360`);
      dialog.close();
      bills.shadowRoot!.querySelector<HTMLButtonElement>('[part="fapiao-button"]')!.click();
      await until(() => !!request.shadowRoot!.querySelector('form'), 'the form');
      const $ = (s: string) => request.shadowRoot!.querySelector<HTMLInputElement>(s)!;
      $('[name="fapiaoKind"][value="special"]').click();
      await request.updateComplete;
      $('[name="delivery"][value="paper"]').click();
      await request.updateComplete;
      const wide = [...request.shadowRoot!.querySelectorAll('*'), ...bills.shadowRoot!.querySelectorAll('*')]
        .filter(e => e.getBoundingClientRect().right > 361 && e.scrollWidth > e.clientWidth + 1)
        .map(e => `${e.tagName.toLowerCase()}.${e.className}(${Math.round(e.getBoundingClientRect().right)})`)
        .slice(0, 8);
      request.shadowRoot!.querySelector('[part="preview"]')!.scrollIntoView();
      await shot(`${lang}-form-special-paper-360`);
      expect(sideways(), `the page scrolls sideways with the form open: ${wide.join(' ')}`).to.equal(false);
      const form = request.shadowRoot!.querySelector('form')!;
      expect(form.scrollWidth).to.be.at.most(form.clientWidth + 1);
      expect(within(request.shadowRoot!.querySelector('[part="preview"]')!, 360), 'the preview').to.equal(true);
      expect(within($('[part="submit"]'), 360), 'the submit button').to.equal(true);
      await shot(`${lang}-form-special-paper-360`);
    });

    it(`${lang}: the bills stay when the Fapiao status cannot be loaded`, async () => {
      await setViewport({ width: 1280, height: 800 });
      await admin('/faults/queue', { kind: 'malformed', path: '/api/v1/fapiao-account', times: 4 });
      const { bills } = await page(lang, CUSTOMERS.registered);
      expect(bills.shadowRoot!.querySelector('[part="notice"]'), 'the notice').to.not.equal(null);
      expect(bills.shadowRoot!.querySelectorAll('tbody tr[data-id]').length).to.be.above(0);
      await admin('/faults', {}, 'PUT');
      await shot(`${lang}-side-failure-1280`);
    });
  }
});
