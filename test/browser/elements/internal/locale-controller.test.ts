import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocaleController } from '../../../../src/elements/internal/locale-controller.js';

class LocaleProbe extends LitElement {
  readonly locale = new LocaleController(this);
  renders = 0;
  override render() {
    this.renders++;
    return html`${this.locale.value}`;
  }
}
customElements.define('locale-probe', LocaleProbe);

describe('LocaleController', () => {
  let saved = '';
  beforeEach(() => (saved = document.documentElement.lang));
  afterEach(() => (document.documentElement.lang = saved));

  it('takes its own lang, then the nearest ancestor, then the page', async () => {
    document.documentElement.lang = 'nl-BE';
    const wrapper = await fixture(html`<div lang="en-GB"><locale-probe lang="zh-Hant"></locale-probe></div>`);
    const probe = wrapper.querySelector<LocaleProbe>('locale-probe')!;
    expect(probe.locale.value).to.equal('zh-CN');
    probe.removeAttribute('lang');
    await new Promise(r => setTimeout(r));
    expect(probe.locale.value).to.equal('en');
    wrapper.removeAttribute('lang');
    await new Promise(r => setTimeout(r));
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('nl');
  });
  it('crosses shadow roots to the host that carries lang, and re-renders only when the outcome changes', async () => {
    document.documentElement.lang = 'en';
    const outer = await fixture(html`<div lang="nl"></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    const probe = document.createElement('locale-probe') as LocaleProbe;
    root.append(probe);
    await probe.updateComplete;
    expect(probe.locale.value).to.equal('nl');
    const renders = probe.renders;
    document.documentElement.lang = 'zh';
    await new Promise(r => setTimeout(r));
    await probe.updateComplete;
    expect(probe.renders, 'the page changed, but the nearer lang still decides').to.equal(renders);
  });
});
