import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement, TemplateResult } from 'lit';
import type { BillingClient } from '../../../src/client/index.js';
import { ApiError } from '../../../src/core/index.js';
import { loaded, statusOf } from '../../helpers/harness.js';

type Loadable = LitElement & { readonly loadComplete: Promise<void>; client: BillingClient | undefined };

export interface ConformanceOptions {
  readonly tag: string;
  /** The element with data to show, given a client (no `lang`: it inherits). */
  readonly render: (client: BillingClient | undefined) => TemplateResult;
  /** A client with data for the element. */
  readonly client: () => BillingClient;
  /** The event the element fires when a load fails. */
  readonly errorEvent: string;
  /** A word the element shows in English and another it shows in Dutch once loaded. */
  readonly english: string;
  readonly dutch: string;
}

/** Every method waits `ms` first: the loading state stays on screen long enough to be checked. */
function slow(client: BillingClient, ms: number): BillingClient {
  return new Proxy(client, {
    get: (target, key) => {
      const value = Reflect.get(target, key) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await new Promise(r => setTimeout(r, ms));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Every call fails as a server error would. */
function failing(client: BillingClient): BillingClient {
  return new Proxy(client, {
    get: (target, key) => {
      const value = Reflect.get(target, key) as unknown;
      if (typeof value !== 'function' || String(key).endsWith('Url')) return value;
      return async () => {
        throw new ApiError('http', 'boom', { status: 500 });
      };
    },
  });
}

/**
 * What every fapiao-kit element must do, whatever it shows (Lion's `test-suites/` are the model): be accessible in
 * every state, be reachable by keyboard, follow the page's language when it changes, and fire its error event.
 */
export function runElementConformance(o: ConformanceOptions): void {
  describe(`<${o.tag}> conformance`, () => {
    let savedLang = '';
    beforeEach(() => {
      savedLang = document.documentElement.lang;
      document.documentElement.lang = 'en';
    });
    afterEach(() => {
      document.documentElement.lang = savedLang;
    });

    it('is accessible while loading, with no source, when ready and on error', async () => {
      const loading = await fixture<Loadable>(o.render(slow(o.client(), 400)));
      expect(statusOf(loading)).to.equal('loading');
      await expect(loading).to.be.accessible();
      await loaded(loading);
      expect(statusOf(loading)).to.equal('ready');
      await expect(loading).to.be.accessible();

      const none = await fixture<Loadable>(o.render(undefined));
      await loaded(none);
      expect(statusOf(none)).to.equal('no-source');
      await expect(none).to.be.accessible();

      const broken = await fixture<Loadable>(o.render(failing(o.client())));
      await loaded(broken);
      expect(statusOf(broken)).to.equal('error');
      await expect(broken).to.be.accessible();
    });

    it(`fires ${o.errorEvent} when a load fails, and retries from its button`, async () => {
      const el = await fixture<Loadable>(o.render(undefined));
      await loaded(el);
      setTimeout(() => (el.client = failing(o.client())));
      const event = (await oneEvent(el, o.errorEvent)) as Event & { detail: { error: ApiError; during: string } };
      expect(event.detail.during).to.equal('load');
      expect(event.detail.error.status).to.equal(500);
      expect(event.bubbles && event.composed).to.equal(true);
      await loaded(el);
      el.client = o.client();
      await loaded(el);
      expect(statusOf(el)).to.equal('ready');
    });

    it('is reachable by keyboard: Tab moves focus into the element', async () => {
      const before = document.createElement('button');
      before.textContent = 'before';
      const el = await fixture<Loadable>(o.render(o.client()));
      await loaded(el);
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(el);
      expect(el.shadowRoot!.activeElement, 'a control inside the element has focus').to.not.equal(null);
      before.remove();
    });

    it('follows <html lang> when the page switches language', async () => {
      const el = await fixture<Loadable>(o.render(o.client()));
      await loaded(el);
      expect(el.shadowRoot!.textContent).to.contain(o.english);
      document.documentElement.lang = 'nl';
      await new Promise(r => setTimeout(r)); // the MutationObserver's turn
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain(o.dutch);
    });
  });
}
