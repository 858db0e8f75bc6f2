import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Fault injection for resilience tests and the demo's chaos toggle. Two ways to use it:
 * - queued faults, for tests: "the next 2 requests under /api/v1/invoices fail with 500";
 * - chaos, for the demo: every API request has `rate` chance of a random fault, plus a fixed latency.
 */
export type FaultKind = 'error-500' | 'error-503' | 'rate-limit' | 'drop' | 'malformed' | 'wrong-shape' | 'delay';

export interface QueuedFault {
  readonly kind: FaultKind;
  /** Only requests whose path starts with this (default: any API request). */
  readonly path?: string;
  readonly method?: string;
  /** How many matching requests get it (default 1). */
  times?: number;
  /** For `delay`: how long; for `rate-limit`: the Retry-After seconds. */
  readonly ms?: number;
  readonly retryAfter?: number;
  /** Apply after the handler ran (the request takes effect, the answer is lost): `drop` and `error-500` only. */
  readonly afterHandling?: boolean;
}

export interface FaultState {
  latencyMs: number;
  chaosRate: number;
  queue: QueuedFault[];
}

export function createFaults(initial: Partial<FaultState> = {}): FaultState {
  return { latencyMs: 0, chaosRate: 0, queue: [], ...initial };
}

/** `--faults=chaos` or `FAPIAO_FAULTS=chaos`: 20 % random faults and 300 ms latency; `latency:800` adds latency only. */
export function parseFaultFlag(flag: string | undefined): Partial<FaultState> {
  if (!flag) return {};
  if (flag === 'chaos') return { chaosRate: 0.2, latencyMs: 300 };
  const latency = /^latency:(\d+)$/.exec(flag);
  if (latency) return { latencyMs: Number(latency[1]) };
  throw new Error(`Unknown fault mode "${flag}" (use chaos or latency:<ms>)`);
}

const CHAOS: readonly FaultKind[] = ['error-500', 'error-503', 'rate-limit', 'drop', 'malformed'];

/** Takes the fault for this request, if any, removing spent queued faults. */
export function nextFault(
  state: FaultState,
  method: string,
  path: string,
  stage: 'before' | 'after',
): QueuedFault | undefined {
  const index = state.queue.findIndex(
    f =>
      (f.path === undefined || path.startsWith(f.path)) &&
      (f.method === undefined || f.method.toUpperCase() === method) &&
      Boolean(f.afterHandling) === (stage === 'after'),
  );
  if (index >= 0) {
    const fault = state.queue[index] as QueuedFault;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) state.queue.splice(index, 1);
    return fault;
  }
  if (stage === 'before' && state.chaosRate > 0 && Math.random() < state.chaosRate) {
    return { kind: CHAOS[Math.floor(Math.random() * CHAOS.length)] as FaultKind, retryAfter: 1 };
  }
  return undefined;
}

/** Answers with the fault; returns false for `delay`, after which the request goes on normally. */
export async function applyFault(fault: QueuedFault, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const problem = (status: number, code: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/problem+json', ...extra });
    res.end(JSON.stringify({ type: `https://fapiao-kit.dev/problems/${code}`, title: 'Injected fault', status, code }));
  };
  switch (fault.kind) {
    case 'delay':
      await new Promise(r => setTimeout(r, fault.ms ?? 1000));
      return false;
    case 'error-500':
      problem(500, 'internal-error');
      return true;
    case 'error-503':
      problem(503, 'unavailable', { 'retry-after': String(fault.retryAfter ?? 1) });
      return true;
    case 'rate-limit':
      problem(429, 'rate-limited', { 'retry-after': String(fault.retryAfter ?? 1) });
      return true;
    case 'drop':
      req.socket.destroy();
      return true;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"items": [{"id": "INV-1", "amounts": {"gross": 12');
      return true;
    case 'wrong-shape':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items: [{ id: 42, amounts: { gross: '12.50' } }], nextCursor: null, total: 1, id: 42 }));
      return true;
  }
}
