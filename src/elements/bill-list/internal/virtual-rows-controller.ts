import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { rowWindow, type RowWindow } from './row-window.js';

const OVERSCAN = 10;

interface VirtualHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Renders only the rows in view of a long table: follows the scroller (one update per animation frame) and measures
 * the real row height once per result, so the spacers stand for exactly what scrolls. The window itself is the pure
 * `rowWindow`.
 */
export class VirtualRowsController implements ReactiveController {
  readonly #host: VirtualHost;
  #rowHeight = 48;
  #viewportHeight = 600;
  #scrollTop = 0;
  #frame = 0;
  #active = false;
  #measuredFor: unknown;
  #rowsKey: unknown;

  constructor(host: VirtualHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The rows to render of `count` (all of them when `active` is false). `rowsKey` changes with the result. */
  window(count: number, active: boolean, rowsKey: unknown): RowWindow {
    this.#active = active;
    this.#rowsKey = rowsKey;
    if (!active) return { start: 0, end: count, padTop: 0, padBottom: 0 };
    return rowWindow({
      count,
      rowHeight: this.#rowHeight,
      scrollTop: this.#scrollTop,
      viewportHeight: this.#viewportHeight,
      overscan: OVERSCAN,
    });
  }

  /** The scroller's `scroll` listener. */
  readonly onScroll = (event: Event): void => {
    if (!this.#active) return;
    const scroller = event.currentTarget as HTMLElement;
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => {
      this.#viewportHeight = scroller.clientHeight || this.#viewportHeight;
      this.#scrollTop = scroller.scrollTop;
      this.#host.requestUpdate();
    });
  };

  hostUpdated(): void {
    if (!this.#active) return;
    const scroller = this.#host.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller) return;
    this.#viewportHeight = scroller.clientHeight || this.#viewportHeight;
    // Once per result only: re-measuring after every window move could swing between two heights and never settle.
    if (this.#measuredFor === this.#rowsKey) return;
    this.#measuredFor = this.#rowsKey;
    const rows = [...scroller.querySelectorAll<HTMLElement>('tbody tr[data-id]')];
    const height = rows.reduce((sum, row) => sum + row.getBoundingClientRect().height, 0) / (rows.length || 1);
    if (height > 0 && Math.abs(height - this.#rowHeight) > 0.5) {
      this.#rowHeight = height;
      this.#host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
  }
}
