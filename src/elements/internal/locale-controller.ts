import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { negotiateLocale, type Locale } from '../../core/i18n/index.js';
import { isLocaleLoaded, loadElementsLocale, type LocalePart } from '../locales/index.js';

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
 * `hostConnected` on, and asks the host to update only when the outcome changed. Fetches the language's words when
 * they are not there yet: until they arrive the element keeps speaking the language it had (or, the first time,
 * renders nothing: `ready` is false), and `settled` resolves when they did.
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #observer: MutationObserver | undefined;
  /** The negotiated locale, whose words are loaded or on their way. */
  #wanted: Locale | undefined;
  /** The locale whose words the element renders with. */
  #shown: Locale | undefined;
  #settled: Promise<void> = Promise.resolve();
  readonly #onChange = () => this.#update();

  /** The parts of each language this element speaks with (`<fapiao-request>` adds its own words). */
  readonly #parts: readonly LocalePart[];

  constructor(host: ReactiveControllerHost & HTMLElement, parts: readonly LocalePart[] = ['shared']) {
    this.#host = host;
    this.#parts = parts;
    host.addController(this);
  }

  /** The locale to speak now (cheap: read on every render): the negotiated one once its words are loaded. */
  get value(): Locale {
    if (this.#wanted === undefined) this.#want(this.#resolve());
    return this.#shown ?? this.#wanted!;
  }

  /** Whether the words of `value` are loaded (an element renders nothing before). */
  get ready(): boolean {
    if (this.#wanted === undefined) this.#want(this.#resolve());
    return this.#shown !== undefined;
  }

  /** Resolves when the words of the negotiated locale arrived, or their fetch failed. */
  get settled(): Promise<void> {
    return this.#settled;
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
    if (next === this.#wanted) return;
    this.#want(next);
    this.#host.requestUpdate();
  }

  #want(locale: Locale): void {
    this.#wanted = locale;
    if (isLocaleLoaded(locale, this.#parts)) {
      this.#shown = locale;
      this.#settled = Promise.resolve();
      return;
    }
    this.#settled = loadElementsLocale(locale, this.#parts).then(
      () => {
        if (this.#wanted !== locale) return;
        this.#shown = locale;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        // Stay in the language shown (if any) and let the next connect or language change try again.
        if (this.#wanted === locale) this.#wanted = this.#shown;
        console.error(`fapiao-kit: could not load the ${locale} words`, error);
      },
    );
  }
}
