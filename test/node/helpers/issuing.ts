import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  ProviderError,
  type Callback,
  type IssueOrder,
  type IssueState,
  type IssuingProvider,
  type ReversalOrder,
} from '../../../demo/server/issuing/provider.js';
import { simulatedProvider } from '../../../demo/server/issuing/simulated-provider.js';

/** The shared secret of the test provider's callbacks (a real provider's is configured the same way). */
export const CALLBACK_SECRET = 'test-callback-secret-0123456789';

/** A callback as the test provider signs it: `x-provider-signature: t=<unix s>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function signedCallback(callback: Callback, secret = CALLBACK_SECRET, at = Date.now()) {
  const body = JSON.stringify(callback);
  const t = Math.floor(at / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return { body, headers: { 'content-type': 'application/json', 'x-provider-signature': `t=${t},v1=${v1}` } };
}

/** One gate the test opens: a provider call waits on it (a slow provider, or a worker that never comes back). */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>(resolve => (open = resolve));
  return { open, opened };
}

export interface ScriptedProvider extends IssuingProvider {
  /** Every call, in order: `submit REQ-…`, `status <ref>`, `reverse REQ-…`. */
  readonly calls: string[];
  /** Orders the provider holds, by id: a second submit of one does not add another. */
  readonly orders: Map<string, IssueOrder | ReversalOrder>;
  /** What the next calls do instead of answering; each entry is used once, in order. */
  readonly script: Script[];
  /** Orders that stay pending until the test settles them (a provider that answers by callback). */
  readonly pendingUntilCallback: boolean;
  /**
   * Finishes an order of a provider that answers by callback: from now on `status` tells its state too (a callback
   * provider can be polled as well). Returns the state, for the test to send as the callback.
   */
  release(ref: string): Promise<IssueState>;
}

export type Script =
  | { readonly on: 'submit' | 'status' | 'reverse'; readonly fail: ProviderError | Error }
  | { readonly on: 'submit' | 'status' | 'reverse'; readonly wait: Promise<void> }
  /** The provider takes the order, then its answer is lost (the connection drops): the caller sees an error. */
  | { readonly on: 'submit'; readonly loseAnswer: true }
  | { readonly on: 'status'; readonly answer: IssueState };

/**
 * A provider for the queue's tests: the simulation underneath (numbers, files, idempotency), with faults scripted
 * per call, a call log, and signed callbacks. With `pendingUntilCallback` it never finishes an order by poll.
 */
export function scriptedProvider(
  options: { now: () => number; pendingUntilCallback?: boolean; name?: string } = { now: Date.now },
): ScriptedProvider {
  const simulation = simulatedProvider({ now: options.now });
  const calls: string[] = [];
  const orders = new Map<string, IssueOrder | ReversalOrder>();
  const script: Script[] = [];
  const released = new Set<string>();
  const next = async (on: Script['on']) => {
    const i = script.findIndex(s => s.on === on);
    if (i < 0) return undefined;
    const [step] = script.splice(i, 1);
    if ('fail' in step!) throw step.fail;
    if ('wait' in step!) await step.wait;
    return step;
  };
  return {
    name: options.name ?? 'scripted',
    calls,
    orders,
    script,
    pendingUntilCallback: options.pendingUntilCallback ?? false,
    async submit(order) {
      calls.push(`submit ${order.id}`);
      const step = await next('submit');
      if (!orders.has(order.id)) orders.set(order.id, order);
      const submitted = await simulation.submit(order);
      if (step && 'loseAnswer' in step)
        throw new ProviderError('unavailable', 'connection reset after the order was sent');
      return submitted;
    },
    async reverse(order) {
      calls.push(`reverse ${order.id}`);
      await next('reverse');
      if (!orders.has(`reverse ${order.id}`)) orders.set(`reverse ${order.id}`, order);
      return simulation.reverse(order);
    },
    async status(ref) {
      calls.push(`status ${ref}`);
      const step = await next('status');
      if (step && 'answer' in step) return step.answer;
      if (options.pendingUntilCallback && !released.has(ref)) return { state: 'pending' };
      return simulation.status(ref);
    },
    release: async ref => {
      released.add(ref);
      return simulation.status(ref);
    },
    quota: async () => ({ remainingFen: 1_000_000_00 }),
    file: simulation.file,
    readCallback(headers, rawBody) {
      const header = String(headers['x-provider-signature'] ?? '');
      const { t, v1 } = Object.fromEntries(header.split(',').map(p => p.split('=') as [string, string]));
      if (!t || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return undefined;
      const expected = createHmac('sha256', CALLBACK_SECRET).update(`${t}.`).update(rawBody).digest();
      if (!timingSafeEqual(expected, Buffer.from(v1, 'hex'))) return undefined;
      try {
        const parsed = JSON.parse(Buffer.from(rawBody).toString('utf8')) as Callback;
        return typeof parsed?.ref === 'string' && typeof parsed.state?.state === 'string' ? parsed : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
