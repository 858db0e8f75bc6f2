import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../helpers/define.js';
import type { BillListElement } from '../../../../src/elements/index.js';
import { loaded } from '../../../helpers/harness.js';
import { FixtureClient } from '../../../helpers/fixture-client.js';
import { makeInvoice } from '../../../helpers/invoices.js';

// The list as a phone and a desktop show it: nothing wider than the screen, the bill's next step on screen.
const NOW = new Date('2026-11-24T12:00:00+08:00');
const invoices = Array.from({ length: 8 }, (_, i) =>
  makeInvoice({
    id: `INV-${i}`,
    number: `E0${i}00012345678`,
    gross: 1_234_567 + i,
    paidAt: '2026-10-02T10:00:00+08:00',
  }),
);

async function render(count = invoices.length): Promise<BillListElement> {
  const client = new FixtureClient(
    Array.from({ length: count }, (_, i) => ({ ...invoices[i % invoices.length]!, id: `INV-${i}`, number: `E${i}` })),
    { state: 'registered' },
    [],
  );
  const el = await fixture<BillListElement>(html`<bill-list lang="zh-CN" .client=${client} .now=${NOW}></bill-list>`);
  await loaded(el);
  return el;
}

const overflowsSideways = (el: Element) => el.scrollWidth > el.clientWidth + 1;

describe('<bill-list> on a phone (390 × 844) and a desktop (1280 × 800)', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('shows each bill as a card on a phone: no sideways scrolling, amount, status and "申请发票" on screen', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await render();
    const scroller = el.shadowRoot!.querySelector('.scroller')!;
    expect(overflowsSideways(scroller), 'the list scrolls sideways').to.equal(false);
    expect(overflowsSideways(document.documentElement), 'the page scrolls sideways').to.equal(false);
    const row = el.shadowRoot!.querySelector('tbody tr[data-id]')!;
    for (const selector of ['th[scope="row"]', 'td.amount', 'td.status', '[part="fapiao-button"]']) {
      const box = row.querySelector(selector)!.getBoundingClientRect();
      expect(box.width, selector).to.be.above(0);
      expect(box.right, selector).to.be.at.most(390);
    }
    expect(getComputedStyle(el.shadowRoot!.querySelector('thead')!).display).to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('keeps cards of one height when only the cards in view are rendered (1,000 bills)', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await render(1000);
    const cards = [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[data-id]')];
    expect(cards.length).to.be.below(100, 'only the cards in view');
    const heights = new Set(cards.map(c => Math.round(c.getBoundingClientRect().height)));
    expect(heights.size).to.equal(1);
    expect(overflowsSideways(el.shadowRoot!.querySelector('.scroller')!)).to.equal(false);
  });

  it('is a table on a desktop, every column on screen', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await render();
    expect(getComputedStyle(el.shadowRoot!.querySelector('thead')!).display).to.not.equal('none');
    expect(overflowsSideways(el.shadowRoot!.querySelector('.scroller')!)).to.equal(false);
    const button = el.shadowRoot!.querySelector('[part="fapiao-button"]')!.getBoundingClientRect();
    expect(button.right).to.be.at.most(1280);
  });
});
