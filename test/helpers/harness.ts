import type { LitElement } from 'lit';

/**
 * The one place tests reach into the elements' shadow roots (as material-web's `harness.ts`): they wait on the
 * element's public `loadComplete` and read what the user sees, never private state.
 */
export type LoadStatus = 'loading' | 'no-source' | 'error' | 'ready';

interface Loadable extends LitElement {
  readonly loadComplete: Promise<void>;
}

/** Waits until a load that a property change may just have started has settled and rendered. */
export async function loaded(el: Loadable): Promise<void> {
  await el.updateComplete; // lets a pending property change start its load first
  await el.loadComplete;
  await el.updateComplete;
}

/** What the element shows, read from its shadow root. */
export function statusOf(el: Loadable): LoadStatus {
  const root = el.shadowRoot!;
  if (root.querySelector('.error[role="alert"]')) return 'error';
  if (root.querySelector('.loading[role="status"]')) return 'loading';
  if (root.querySelector('.no-source[role="status"]')) return 'no-source';
  return 'ready';
}

/** Waits for a condition on what is shown, polling the rendered state (for outcomes that do not end a load). */
export async function until(predicate: () => boolean, what: string, ms = 6000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 10));
  }
}

export const shadow = (el: Element) => el.shadowRoot!;
