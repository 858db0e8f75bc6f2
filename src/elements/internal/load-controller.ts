import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isApiError, type ApiError } from '../../core/api-error.js';
import { asApiError } from '../../core/api-error.js';

/** Where a load stands; `no-source` when the element has nothing to load from (no client, api-base or data). */
export type LoadStatus = 'no-source' | 'loading' | 'ready' | 'error';

/** Returned by a load task that has no source to load from. */
export const NO_SOURCE = Symbol('no-source');

/**
 * A load task: answers at once, or with a promise. One that answers with a promise may `show` a first value meanwhile
 * (a long list's first rows while the rest is checked): it is shown as ready, with `pending` still true.
 */
export type LoadTask<T> = (
  signal: AbortSignal,
  show: (value: T) => void,
) => Promise<T | typeof NO_SOURCE> | T | typeof NO_SOURCE;

/**
 * One load at a time, the way `@lit/task` runs: each `run()` aborts the previous call, and only the most recent call
 * may set the value or the error, so an older, slower answer never overwrites a newer one. The load is aborted when
 * the host leaves the DOM. `loadComplete` settles when the newest run has.
 */
export class LoadController<T> implements ReactiveController {
  status: LoadStatus = 'loading';
  /** A run is in flight (after a first `ready`, the old value stays shown meanwhile). */
  pending = false;
  value: T | undefined;
  error: ApiError | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #task: LoadTask<T>;
  readonly #onError: ((error: ApiError) => void) | undefined;
  #callId = 0;
  #abort: AbortController | undefined;
  #running: Promise<void> = Promise.resolve();

  constructor(host: ReactiveControllerHost, task: LoadTask<T>, onError?: (error: ApiError) => void) {
    this.#host = host;
    this.#task = task;
    this.#onError = onError;
    host.addController(this);
  }

  /** Starts the task again (the previous call is aborted and its answer ignored). */
  run(): Promise<void> {
    const key = ++this.#callId;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#running = this.#perform(key, abort.signal);
    return this.#running;
  }

  async #perform(key: number, signal: AbortSignal): Promise<void> {
    let result: T | typeof NO_SOURCE;
    // Sets the value, a first one while the task runs or its answer; only the most recent call's.
    const show = (value: T) => {
      if (key !== this.#callId) return;
      this.value = value;
      this.error = undefined;
      this.status = 'ready';
      this.#host.requestUpdate();
    };
    try {
      const pending = this.#task(signal, show);
      if (pending instanceof Promise) {
        if (this.status !== 'ready') this.status = 'loading';
        this.pending = true;
        this.#host.requestUpdate();
        result = await pending;
      } else {
        result = pending;
      }
    } catch (error) {
      if (key !== this.#callId || (isApiError(error) && error.kind === 'aborted')) return;
      const apiError = asApiError(error);
      if (key !== this.#callId) return;
      this.error = apiError;
      this.pending = false;
      this.status = 'error';
      this.#host.requestUpdate();
      this.#onError?.(this.error);
      return;
    }
    if (key !== this.#callId) return; // a newer call started: its answer is the one that counts
    this.pending = false;
    if (result !== NO_SOURCE) return show(result);
    this.error = undefined;
    this.status = 'no-source';
    this.#host.requestUpdate();
  }

  /** Settles once the newest run has settled (a run started meanwhile is waited for too). */
  get loadComplete(): Promise<void> {
    return (async () => {
      let running: Promise<void>;
      do {
        running = this.#running;
        await running;
      } while (running !== this.#running);
    })();
  }

  abort(): void {
    this.#callId++;
    this.#abort?.abort();
    this.pending = false;
  }

  hostDisconnected(): void {
    this.abort();
  }
}
