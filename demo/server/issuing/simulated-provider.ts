import type { FapiaoRequest, IssuedFapiao } from '../../../src/core/index.js';
import { fapiaoOfd, fapiaoPdf, fapiaoXml } from '../documents.js';
import type {
  FapiaoFileFormat,
  IssueOrder,
  IssueState,
  IssuingProvider,
  QuotaState,
  ReversalOrder,
  Submitted,
} from './provider.js';
import { iso } from '../instant.js';

export interface SimulatedProviderOptions {
  /** The provider's clock (the app's, so the demo's clock control moves it too). */
  readonly now: () => number;
  /** How long an order takes to issue after it was submitted; at once by default. */
  readonly issueDelayMs?: number;
}

/** What a simulated order's reference carries, so the simulation needs no memory of its own and survives a restart. */
interface SimulatedOrder {
  readonly kind: 'issue' | 'reverse';
  readonly id: string;
  readonly at: number;
  /** How many Fapiao the order issues. */
  readonly count: number;
  /** For a reversal: the last six digits of each Fapiao it reverses. */
  readonly reverses?: readonly string[];
}

const encode = (order: SimulatedOrder) => `sim.${Buffer.from(JSON.stringify(order)).toString('base64url')}`;

function decode(ref: string): SimulatedOrder {
  if (!ref.startsWith('sim.')) throw new TypeError(`not a simulated order: ${ref}`);
  return JSON.parse(Buffer.from(ref.slice(4), 'base64url').toString()) as SimulatedOrder;
}

/** A 20-digit 数电 number: the year, then digits from the clock and the request, unique per request and position. */
function fapiaoNumber(at: number, index: number, requestId: string): string {
  const request = requestId.replace(/\D/g, '').padStart(4, '0').slice(-4);
  return `26${String(at).slice(-12)}${String(index).padStart(2, '0')}${request}`.slice(0, 20).padEnd(20, '0');
}

/** A 20-digit number from the clock and a salt: red-letter Fapiao and confirmation forms. */
function number20(prefix: string, at: number, salt: string): string {
  const digits = `${String(at).slice(-10)}${salt.replace(/\D/g, '').padStart(8, '0').slice(-8)}`;
  return `${prefix}${digits}`.slice(0, 20).padEnd(20, '0');
}

/**
 * The reference server's issuing back-end, the first implementation of the port: it issues what it is given with
 * numbers of the 数电 shape, confirms red-letter forms at once (the 72-hour lapse is not modelled) and renders the
 * files itself. The order's facts travel in its reference, so `submit` is idempotent and `status` answers the same
 * every time, across restarts.
 */
export function simulatedProvider(options: SimulatedProviderOptions): IssuingProvider {
  const delay = options.issueDelayMs ?? 0;
  return {
    name: 'simulation',
    async submit(order: IssueOrder): Promise<Submitted> {
      // The same order always gets the same reference: its time is the order's, not the clock's.
      return { ref: encode({ kind: 'issue', id: order.id, at: order.at, count: order.fapiaos.length }) };
    },
    async reverse(order: ReversalOrder): Promise<Submitted> {
      const reverses = order.fapiaos.map(f => f.number.slice(-6));
      return { ref: encode({ kind: 'reverse', id: order.id, at: order.at, count: reverses.length, reverses }) };
    },
    async status(ref: string): Promise<IssueState> {
      const order = decode(ref);
      const at = order.at + delay;
      if (options.now() < at) return { state: 'pending', retryAt: at };
      // Numbers and times from the order, never from the clock of the call: asked twice, the answer is the same.
      const issuedAt = iso(at);
      if (order.kind === 'issue')
        return {
          state: 'issued',
          fapiaos: Array.from({ length: order.count }, (_, i) => ({ number: fapiaoNumber(at, i, order.id), issuedAt })),
        };
      return {
        state: 'issued',
        confirmationNumber: number20('31', at, order.id),
        fapiaos: (order.reverses ?? []).map((tail, i) => ({ number: number20('26', at + i, `${tail}${i}`), issuedAt })),
      };
    },
    async quota(): Promise<QuotaState> {
      return { remainingFen: null };
    },
    file: renderFapiaoFile,
  };
}

/** The simulation's files: rendered from the request on demand (the same bytes every time). */
export async function renderFapiaoFile(
  request: FapiaoRequest,
  fapiao: IssuedFapiao,
  format: FapiaoFileFormat,
): Promise<Uint8Array> {
  if (format === 'pdf') return fapiaoPdf(request, fapiao);
  if (format === 'ofd') return fapiaoOfd(request, fapiao);
  return new TextEncoder().encode(fapiaoXml(request, fapiao));
}
