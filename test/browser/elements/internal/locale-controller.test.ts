import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocaleController } from '../../../../src/elements/internal/locale-controller.js';
import { accountMessages, isLocaleLoaded, registerLocale } from '../../../../src/elements/locales/index.js';
import * as zhCN from '../../../../src/elements/locales/zh-CN.js';

class LocaleProbe extends LitElement {
  readonly locale = new LocaleController(this);
  renders = 0;
  /** What each render saw: whether the words were there, and which locale it spoke. */
  readonly seen: string[] = [];
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.locale.settled;
    return super.getUpdateComplete();
  }
  override render() {
    this.renders++;
    this.seen.push(this.locale.ready ? this.locale.value : '-');
    return html`${this.locale.value}`;
  }
}
customElements.define('locale-probe', LocaleProbe);

/** An element that speaks with the form's words too, as <fapiao-request> does. */
class FormLocaleProbe extends LitElement {
  readonly locale = new LocaleController(this, ['shared', 'request']);
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.locale.settled;
    return super.getUpdateComplete();
  }
  override render() {
    return html`${this.locale.ready ? this.locale.value : '-'}`;
  }
}
customElements.define('form-locale-probe', FormLocaleProbe);

/** An element that speaks with registration's words too, as <fapiao-account> does. */
class AccountLocaleProbe extends LitElement {
  readonly locale = new LocaleController(this, ['shared', 'account']);
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.locale.settled;
    return super.getUpdateComplete();
  }
  override render() {
    return html`${this.locale.ready ? accountMessages(this.locale.value).core.registrationField.email : '-'}`;
  }
}
customElements.define('account-locale-probe', AccountLocaleProbe);

describe('LocaleController', () => {
  let saved = '';
  beforeEach(() => (saved = document.documentElement.lang));
  afterEach(() => (document.documentElement.lang = saved));

  // Runs first: this page has loaded no language yet (each test file has a page of its own).
  it('fetches the words before its first render, and keeps the old words until the new ones are there', async () => {
    expect(isLocaleLoaded('nl')).to.equal(false);
    const probe = await fixture<LocaleProbe>(html`<locale-probe lang="nl"></locale-probe>`);
    expect(isLocaleLoaded('nl')).to.equal(true);
    expect(probe.locale.ready).to.equal(true);
    expect(probe.seen[0], 'rendered nothing before the words came').to.equal('-');
    expect(probe.seen.at(-1)).to.equal('nl');
    expect(isLocaleLoaded('en'), 'only the language asked for').to.equal(false);
    expect(isLocaleLoaded('nl', ['request']), "not the form's words: this element does not need them").to.equal(false);
    expect(isLocaleLoaded('nl', ['account']), "nor registration's").to.equal(false);
    probe.lang = 'en';
    await new Promise(r => setTimeout(r)); // the MutationObserver's turn
    expect(probe.locale.value, 'still Dutch while the English words load').to.equal('nl');
    await probe.updateComplete;
    expect(probe.locale.value).to.equal('en');
    expect(probe.seen.filter(x => x === '-').length, 'never blank again after the first words').to.equal(1);
  });

  it("fetches the form's words beside the shared ones when it needs them, and is ready only with both", async () => {
    const probe = await fixture<FormLocaleProbe>(html`<form-locale-probe lang="nl"></form-locale-probe>`);
    expect(isLocaleLoaded('nl', ['shared', 'request'])).to.equal(true);
    expect(probe.locale.ready).to.equal(true);
    expect(probe.shadowRoot!.textContent).to.equal('nl');
  });

  it("fetches registration's words beside the shared ones for <fapiao-account>, not the form's", async () => {
    const probe = await fixture<AccountLocaleProbe>(html`<account-locale-probe lang="nl"></account-locale-probe>`);
    expect(isLocaleLoaded('nl', ['shared', 'account'])).to.equal(true);
    expect(probe.shadowRoot!.textContent).to.equal('E-mailadres');
  });

  it("takes a host's whole catalogue (fapiao-kit/locales/zh-CN) with every part, so no element fetches one", async () => {
    expect(isLocaleLoaded('zh-CN', ['shared'])).to.equal(false);
    registerLocale(zhCN);
    expect(isLocaleLoaded('zh-CN', ['shared', 'request', 'account'])).to.equal(true);
    const probe = await fixture<AccountLocaleProbe>(html`<account-locale-probe lang="zh-CN"></account-locale-probe>`);
    expect(probe.shadowRoot!.textContent).to.equal('电子邮箱');
  });

  it('takes its own lang, then the nearest ancestor, then the page', async () => {
    document.documentElement.lang = 'nl-BE';
    const wrapper = await fixture(html`<div lang="en-GB"><locale-probe lang="zh-Hant"></locale-probe></div>`);
    const probe = wrapper.querySelector<LocaleProbe>('locale-probe')!;
    expect(probe.locale.value).to.equal('zh-CN');
    probe.removeAttribute('lang');
    await new Promise(r => setTimeout(r));
    await probe.updateComplete;
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
