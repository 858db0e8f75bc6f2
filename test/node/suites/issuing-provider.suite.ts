import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planFapiao, type FapiaoRequest, type IssuedFapiao } from '../../../src/core/index.js';
import {
  issueStateProblem,
  type IssueOrder,
  type IssueState,
  type IssuingProvider,
} from '../../../demo/server/issuing/provider.js';
import { makeInvoice } from '../../helpers/invoices.js';
import { issuedRequest } from '../../helpers/requests.js';

/** What the suite needs from an implementation under test. */
export interface ProviderUnderTest {
  readonly provider: IssuingProvider;
  /** Moves the provider's world on until the order is done (its clock, or a callback it would send). */
  finish(ref: string): Promise<IssueState>;
}

/** Two bills in two currencies: a plan of two Fapiao, so order and count matter. */
function order(id: string, at: number): IssueOrder {
  const invoices = [
    makeInvoice({ id: `${id}-A`, number: `${id}-A`, gross: 10_600, tax: 600 }),
    makeInvoice({ id: `${id}-B`, number: `${id}-B`, gross: 21_200, tax: 1_200, currency: 'USD' }),
  ];
  const request: FapiaoRequest = {
    ...issuedRequest,
    id,
    invoiceIds: invoices.map(i => i.id),
    status: 'processing',
    fapiaos: [],
    createdAt: new Date(at).toISOString(),
  };
  const fapiaos = planFapiao(invoices, request.buyer, { fapiaoKind: request.fapiaoKind }).fapiaos;
  return { id, at, request, fapiaos };
}

/**
 * The issuing-provider contract (demo/server/issuing/provider.ts): every implementation a partner plugs in must pass
 * it, whatever it talks to. `make` gives a fresh provider per test.
 */
export function issuingProviderContract(name: string, make: () => ProviderUnderTest): void {
  describe(`issuing provider contract: ${name}`, () => {
    const at = Date.parse('2026-11-24T04:00:00Z');

    it('takes the same order twice as one: the same reference', async () => {
      const { provider } = make();
      const first = await provider.submit(order('REQ-C1', at));
      const again = await provider.submit(order('REQ-C1', at));
      assert.equal(again.ref, first.ref);
      assert.notEqual((await provider.submit(order('REQ-C2', at))).ref, first.ref, 'another order, another reference');
    });

    it('issues one well-formed Fapiao per planned one, and says the same when asked again', async () => {
      const under = make();
      const placed = order('REQ-C3', at);
      const { ref } = await under.provider.submit(placed);
      const before = await under.provider.status(ref);
      assert.ok(['pending', 'issued'].includes(before.state), before.state);
      assert.equal(issueStateProblem(before), undefined);
      const issued = await under.finish(ref);
      assert.equal(issued.state, 'issued');
      assert.equal(issueStateProblem(issued, placed.fapiaos.length), undefined);
      assert.deepEqual(await under.provider.status(ref), issued);
    });

    it('reverses issued Fapiao with red-letter ones of their own numbers, and a confirmation form', async () => {
      const under = make();
      const placed = order('REQ-C4', at);
      const { ref } = await under.provider.submit(placed);
      const issued = await under.finish(ref);
      assert.equal(issued.state, 'issued');
      const blues: IssuedFapiao[] =
        issued.state === 'issued'
          ? issued.fapiaos.map((f, i) => ({ ...f, kind: 'ordinary', ...placed.fapiaos[i]!, files: [] }))
          : [];
      const request = { ...placed.request, status: 'issued' as const, fapiaos: blues };
      const reversal = { id: placed.id, at, request, fapiaos: blues };
      const first = await under.provider.reverse(reversal);
      assert.equal((await under.provider.reverse(reversal)).ref, first.ref, 'one reversal per request');
      const reds = await under.finish(first.ref);
      assert.equal(reds.state, 'issued');
      assert.equal(issueStateProblem(reds, blues.length), undefined);
      if (reds.state === 'issued') {
        const blueNumbers = new Set(blues.map(b => b.number));
        assert.ok(
          reds.fapiaos.every(r => !blueNumbers.has(r.number)),
          'a red-letter Fapiao has its own number',
        );
        assert.match(reds.confirmationNumber ?? '', /^\d{20}$/);
      }
    });

    it('serves each issued Fapiao as PDF, OFD and XML', async () => {
      const under = make();
      const placed = order('REQ-C5', at);
      const issued = await under.finish((await under.provider.submit(placed)).ref);
      assert.equal(issued.state, 'issued');
      if (issued.state !== 'issued') return;
      const fapiao: IssuedFapiao = { ...issued.fapiaos[0]!, kind: 'ordinary', ...placed.fapiaos[0]!, files: [] };
      const request = { ...placed.request, status: 'issued' as const, fapiaos: [fapiao] };
      const head = async (format: 'pdf' | 'ofd' | 'xml') =>
        Buffer.from(await under.provider.file(request, fapiao, format))
          .subarray(0, 5)
          .toString('latin1');
      assert.equal(await head('pdf'), '%PDF-');
      assert.equal((await head('ofd')).slice(0, 2), 'PK', 'OFD is a ZIP package');
      assert.equal(await head('xml'), '<?xml');
    });

    it('tells its quota as an amount in fen or as unknown', async () => {
      const { remainingFen } = await make().provider.quota();
      assert.ok(
        remainingFen === null || (Number.isSafeInteger(remainingFen) && remainingFen >= 0),
        String(remainingFen),
      );
    });
  });
}
