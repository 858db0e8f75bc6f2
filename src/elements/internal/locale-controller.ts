import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { negotiateLocale, type Locale } from '../../core/i18n/index.js';

/** The nearest `lang` at or above `element`, crossing shadow roots up to their hosts. */
function inheritedLang(element: Element): string | null {
  let node: Element | null = element;
  while (node) {
    const found = node.closest('[lang]');
    if (found) return found.getAttribute('lang');
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's, else the page's, else the browser's.
 * Watches for changes of any of them (a host that switches the page language re-renders the element) from
 * `hostConnected` on, and asks the host to update only when the outcome changed.
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #observer: MutationObserver | undefined;
  #value: Locale | undefined;
  readonly #onChange = () => this.#update();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The negotiated locale now (cheap: read on every render). */
  get value(): Locale {
    this.#value ??= this.#resolve();
    return this.#value;
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(this.#onChange);
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    // The host may sit in another component's shadow root, which the document observer does not see into.
    this.#observer.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
    globalThis.addEventListener('languagechange', this.#onChange);
    this.#update();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    globalThis.removeEventListener('languagechange', this.#onChange);
  }

  #resolve(): Locale {
    const host = this.#host;
    return negotiateLocale([
      host.getAttribute('lang'),
      inheritedLang(host),
      document.documentElement.lang,
      ...navigator.languages,
    ]);
  }

  #update(): void {
    const next = this.#resolve();
    if (next === this.#value) return;
    this.#value = next;
    this.#host.requestUpdate();
  }
}
