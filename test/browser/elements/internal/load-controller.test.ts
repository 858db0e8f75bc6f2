import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LoadController, NO_SOURCE } from '../../../../src/elements/internal/load-controller.js';
import { ApiError } from '../../../../src/core/index.js';

class Host implements ReactiveControllerHost {
  updates = 0;
  controllers: ReactiveController[] = [];
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
}
const later = <T>(value: T, ms: number, signal?: AbortSignal) =>
  new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => resolve(value), ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new ApiError('aborted', 'aborted'));
    });
  });

describe('LoadController', () => {
  it('keeps only the newest answer and aborts the older call', async () => {
    const host = new Host();
    const signals: AbortSignal[] = [];
    let delay = 100;
    const load = new LoadController(host, signal => {
      signals.push(signal);
      const value = delay;
      delay = 0;
      return later(value, value);
    });
    void load.run();
    void load.run();
    await load.loadComplete;
    expect(load.value).to.equal(0);
    expect(load.status).to.equal('ready');
    expect(signals[0]!.aborted).to.equal(true);
  });
  it('says no-source, keeps the old value while a new run is pending, and reports errors once', async () => {
    const host = new Host();
    const errors: ApiError[] = [];
    let next: 'none' | 'ok' | 'fail' = 'none';
    const load = new LoadController(
      host,
      () => (next === 'none' ? NO_SOURCE : next === 'ok' ? later('data', 10) : Promise.reject(new Error('boom'))),
      e => errors.push(e),
    );
    await load.run();
    expect(load.status).to.equal('no-source');
    next = 'ok';
    await load.run();
    const pending = load.run();
    expect([load.status, load.pending, load.value]).to.deep.equal(['ready', true, 'data']);
    await pending;
    next = 'fail';
    await load.run();
    expect(load.status).to.equal('error');
    expect(errors.map(e => e.kind)).to.deep.equal(['network']);
  });
  it('aborts when the host leaves the DOM, and then changes nothing', async () => {
    const host = new Host();
    const load = new LoadController(host, signal => later('late', 50, signal));
    const run = load.run();
    load.hostDisconnected();
    await run;
    expect(load.value).to.equal(undefined);
    expect(load.error).to.equal(undefined);
  });
});
