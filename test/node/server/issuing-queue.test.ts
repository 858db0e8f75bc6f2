import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyDraft, type FapiaoRequest, type Invoice } from '../../../src/core/index.js';
import { backOfficeStep } from '../../../demo/server/issuing/back-office.js';
import { ISSUING_QUEUE } from '../../../demo/server/issuing/issuing-jobs.js';
import { ProviderError } from '../../../demo/server/issuing/provider.js';
import { gate, scriptedProvider, signedCallback, type ScriptedProvider } from '../helpers/issuing.js';
import { callApi, NOW, requestForFreeBill, startServer, type TestServer } from '../helpers/server.js';

const MINUTE = 60_000;

// The issuing queue between the API and a provider that is slow, fails, loses answers, calls back twice, runs out of
// quota or needs its seller to log in again: each request is issued once, nothing waits on the provider, nothing is
// lost.
describe('the issuing queue and its provider', () => {
  let server: TestServer;
  let provider: ScriptedProvider;
  let clock = NOW;
  before(async () => {
    provider = scriptedProvider({ now: () => clock, pendingUntilCallback: false });
    server = await startServer({ issuing: provider });
  });
  after(async () => server.stop());
  beforeEach(async () => {
    await server.reset();
    clock = NOW;
    provider.calls.length = 0;
    provider.script.length = 0;
    provider.orders.clear();
  });

  const step = (at = clock) => backOfficeStep({ store: server.store, issuing: provider }, at);
  const call = (method: string, path: string, body?: unknown) => callApi(server, method, path, body);
  const json = async <T>(r: Response | Promise<Response>) => (await (await r).json()) as T;
  const get = (id: string) => json<FapiaoRequest>(call('GET', `fapiao-requests/${id}`));
  const draft = emptyDraft({ title: '康托索', taxId: '91330106673959654P', email: 'finance@contoso.cn' });

  const requested = () => requestForFreeBill(server, draft);

  const job = async (id: string) =>
    (
      await server.store.query<{
        ref: string | null;
        attempts: number;
        last_error: string | null;
        outcome: string | null;
      }>("select ref, attempts, last_error, outcome from issuing_jobs where request_id = $1 and kind = 'issue'", [id])
    ).rows[0]!;
  const submits = (id: string) => provider.calls.filter(c => c === `submit ${id}`).length;
  const emailsQueued = async (id: string) =>
    (await server.store.query('select 1 from fapiao_emails where request_id = $1', [id])).rows.length;

  it('hands a request over once and records what the provider issued, with its e-mail', async () => {
    const request = await requested();
    await step();
    assert.equal((await get(request.id)).status, 'processing');
    assert.equal(submits(request.id), 1);
    await step();
    const issued = await get(request.id);
    assert.equal(issued.status, 'issued');
    const answer = await provider.release((await job(request.id)).ref!);
    assert.equal(answer.state, 'issued');
    assert.deepEqual(
      issued.fapiaos.map(f => [f.number, f.issuedAt]),
      answer.state === 'issued' ? answer.fapiaos.map(f => [f.number, f.issuedAt]) : [],
    );
    assert.equal(await emailsQueued(request.id), 1);
    await step();
    await step();
    assert.equal(submits(request.id), 1, 'never submitted again');
    assert.equal((await job(request.id)).outcome, 'issued');
  });

  it('never holds the store while the provider is slow: customers go on meanwhile', async () => {
    const slow = gate();
    provider.script.push({ on: 'submit', wait: slow.opened });
    const first = await requested();
    const stepping = step();
    while (!submits(first.id)) await new Promise(r => setTimeout(r, 5));
    // The provider has not answered: the API still takes a request, lists, and withdraws one not yet handed over.
    const second = await requested();
    assert.equal((await call('GET', 'fapiao-requests')).status, 200);
    assert.equal((await call('POST', `fapiao-requests/${second.id}/withdraw`)).status, 200);
    assert.equal((await call('POST', `fapiao-requests/${first.id}/withdraw`)).status, 409, 'issuing started');
    slow.open();
    await stepping;
    assert.ok((await job(first.id)).ref);
    await step();
    assert.equal((await get(first.id)).status, 'issued');
    assert.equal(submits(second.id), 0, 'a withdrawn request is never handed over');
    assert.equal((await job(second.id)).outcome, 'cancelled');
  });

  it('a worker that died mid-call, or an answer lost on the way, issues once', async () => {
    const request = await requested();
    provider.script.push({ on: 'submit', wait: new Promise(() => {}) }); // this worker never comes back
    void step();
    while (!submits(request.id)) await new Promise(r => setTimeout(r, 5));
    await step(clock + MINUTE);
    assert.equal(submits(request.id), 1, 'the lease keeps another worker off');
    // The lease ends; another worker takes the job. The provider got the order but its answer is lost this time.
    provider.script.push({ on: 'submit', loseAnswer: true });
    await step(clock + ISSUING_QUEUE.leaseMs + 1);
    assert.equal(submits(request.id), 2);
    const failed = await job(request.id);
    assert.deepEqual([failed.ref, failed.attempts], [null, 1]);
    assert.match(failed.last_error!, /connection reset/);
    await step(clock + ISSUING_QUEUE.leaseMs + 2);
    assert.equal(submits(request.id), 2, 'backing off');
    await step(clock + ISSUING_QUEUE.leaseMs + 2 * MINUTE);
    await step(clock + ISSUING_QUEUE.leaseMs + 3 * MINUTE);
    const issued = await get(request.id);
    assert.equal(issued.status, 'issued');
    assert.equal(issued.fapiaos.length, 1);
    assert.equal(provider.orders.size, 1, 'three submits, one order at the provider');
    assert.equal(await emailsQueued(request.id), 1);
  });

  it('settles a duplicated callback once, and refuses forged, malformed and oversized ones', async () => {
    const callbacks = scriptedProvider({ now: () => clock, pendingUntilCallback: true, name: 'callbacks' });
    const other = await startServer({ issuing: callbacks });
    try {
      const page = await json<{ items: Invoice[] }>(
        callApi(other, 'GET', 'invoices?status=paid&billingAccount=BA-AZURE-CONTOSO&limit=20'),
      );
      const taken = new Set(
        (await json<{ items: FapiaoRequest[] }>(callApi(other, 'GET', 'fapiao-requests'))).items.flatMap(
          r => r.invoiceIds,
        ),
      );
      const invoice = page.items.find(i => !taken.has(i.id))!;
      const request = await json<FapiaoRequest>(
        callApi(other, 'POST', 'fapiao-requests', { invoiceIds: [invoice.id], draft }),
      );
      const office = { store: other.store, issuing: callbacks };
      await backOfficeStep(office, clock);
      await backOfficeStep(office, clock); // polled: still pending
      const { ref } = (
        await other.store.query<{ ref: string }>('select ref from issuing_jobs where request_id = $1', [request.id])
      ).rows[0]!;
      const post = (body: string, headers: Record<string, string>) =>
        fetch(`${other.api}issuing/callback`, { method: 'POST', headers, body });
      const state = await callbacks.release(ref);

      const forged = signedCallback({ ref, state }, 'not-the-secret');
      assert.equal((await post(forged.body, forged.headers)).status, 403);
      const tampered = signedCallback({ ref, state });
      assert.equal((await post(tampered.body.replace(/\d{20}/, '26000000000000000000'), tampered.headers)).status, 403);
      assert.equal((await post('{}', { 'content-type': 'application/json' })).status, 403, 'no signature');
      const huge = signedCallback({ ref, state: { state: 'refused', reason: 'x'.repeat(70_000) } });
      assert.equal((await post(huge.body, huge.headers)).status, 413);
      const malformed = signedCallback({
        ref,
        state: { state: 'issued', fapiaos: [{ number: '12', issuedAt: 'x' }] } as never,
      });
      assert.equal((await post(malformed.body, malformed.headers)).status, 422);
      if (state.state !== 'issued') throw new Error(state.state);
      const twoForOne = signedCallback({
        ref,
        state: {
          ...state,
          fapiaos: [...state.fapiaos, { number: '26999999999999999999', issuedAt: state.fapiaos[0]!.issuedAt }],
        },
      });
      assert.equal((await post(twoForOne.body, twoForOne.headers)).status, 422, 'two Fapiao for an order of one');
      const unknown = signedCallback({ ref: 'sim.unknown', state });
      assert.equal((await post(unknown.body, unknown.headers)).status, 202);
      assert.equal((await get2(other, request.id)).status, 'processing', 'nothing above changed the request');

      const genuine = signedCallback({ ref, state });
      const answers = await Promise.all([1, 2, 3].map(() => post(genuine.body, genuine.headers)));
      assert.deepEqual(
        answers.map(a => a.status),
        [200, 200, 200],
      );
      const settled = await Promise.all(answers.map(async a => ((await a.json()) as { settled: boolean }).settled));
      assert.deepEqual(settled.sort(), [false, false, true], 'one of the three settled it');
      const issued = await get2(other, request.id);
      assert.equal(issued.status, 'issued');
      assert.deepEqual(
        issued.fapiaos.map(f => f.number),
        state.fapiaos.map(f => f.number),
      );
      assert.equal(
        (await other.store.query('select 1 from fapiao_emails where request_id = $1', [request.id])).rows.length,
        1,
      );
      await backOfficeStep(office, clock + 10 * MINUTE);
      assert.equal(callbacks.calls.filter(c => c.startsWith('status')).length, 1, 'a settled order is not polled');
      assert.deepEqual(
        other.logs.filter(l => Number(l.status) >= 500),
        [],
      );
    } finally {
      await other.stop();
    }
  });

  it('pauses handing over while the quota is used up, polls on, and resumes when it renews', async () => {
    const a = await requested();
    const b = await requested();
    const renews = clock + 60 * MINUTE;
    provider.script.push({ on: 'submit', fail: new ProviderError('quota-exhausted', '授信额度不足', renews) });
    await step(); // the first is refused for quota, the other waits behind the pause
    const [first, second] = provider.calls[0] === `submit ${a.id}` ? [a, b] : [b, a];
    const c = await requested();
    await step(clock + MINUTE);
    await step(clock + 2 * MINUTE);
    assert.deepEqual([submits(first.id), submits(second.id), submits(c.id)], [1, 0, 0]);
    assert.equal((await get(c.id)).status, 'submitted', 'not handed over: the customer may still withdraw it');
    const state = (await server.admin('/issuing', undefined, 'GET')) as { pause: { kind: string; until: string } };
    assert.equal(state.pause.kind, 'quota-exhausted');
    assert.equal(state.pause.until, new Date(renews).toISOString());
    assert.equal((await job(first.id)).attempts, 0, 'waiting for the quota is not a failure');
    clock = renews; // the provider's clock too: it issues at once from then on
    await step();
    await step(renews + 1);
    for (const r of [a, b, c]) assert.equal((await get(r.id)).status, 'issued', r.id);
    assert.deepEqual([submits(first.id), submits(second.id), submits(c.id)], [2, 1, 1]);
  });

  it('stops calling a provider whose seller must log in again, until an operator resumes it', async () => {
    const a = await requested();
    await step(); // handed over
    provider.script.push({ on: 'status', fail: new ProviderError('login-required', '请重新进行身份认证') });
    await step();
    const calls = provider.calls.length;
    await step(clock + 60 * MINUTE);
    await step(clock + 600 * MINUTE);
    assert.equal(provider.calls.length, calls, 'no call at all while paused');
    const state = (await server.admin('/issuing', undefined, 'GET')) as { pause: { kind: string; until: null } };
    assert.deepEqual([state.pause.kind, state.pause.until], ['login-required', null]);
    assert.deepEqual(await server.admin('/issuing/resume'), { resumed: true });
    await step(clock + 601 * MINUTE);
    assert.equal((await get(a.id)).status, 'issued');
  });

  it('backs off a failing provider, and lists a job that keeps failing for an operator', async () => {
    const a = await requested();
    await step();
    for (let i = 0; i < ISSUING_QUEUE.maxAttempts; i++)
      provider.script.push({ on: 'status', fail: new Error('ETIMEDOUT') });
    let at = clock;
    for (let i = 0; i < ISSUING_QUEUE.maxAttempts; i++) {
      at += 61 * MINUTE; // past the longest back-off
      await step(at);
    }
    assert.equal((await job(a.id)).attempts, ISSUING_QUEUE.maxAttempts);
    const before = provider.calls.length;
    await step(at + 61 * MINUTE);
    assert.equal(provider.calls.length, before, 'left for an operator');
    const state = (await server.admin('/issuing', undefined, 'GET')) as {
      jobs: { stuck: number };
      stuck: { requestId: string; lastError: string }[];
    };
    assert.equal(state.jobs.stuck, 1);
    assert.deepEqual(state.stuck, [{ requestId: a.id, kind: 'issue', lastError: 'ETIMEDOUT' }]);
    assert.equal((await get(a.id)).status, 'processing', 'nothing about the request changed');
  });

  it('rejects a request the platform refuses, with its words, and frees the bill', async () => {
    const a = await requested();
    provider.script.push({ on: 'status', answer: { state: 'refused', reason: '购买方纳税人识别号不存在' } });
    await step();
    await step();
    const refused = await get(a.id);
    assert.equal(refused.status, 'rejected');
    assert.equal(refused.rejectionReason, '购买方纳税人识别号不存在');
    assert.equal((await call('POST', 'fapiao-requests', { invoiceIds: a.invoiceIds, draft })).status, 201);
  });

  it('does not let the back office reject a request the queue has taken, even before the provider answered', async () => {
    const a = await requested();
    const slow = gate();
    provider.script.push({ on: 'submit', wait: slow.opened });
    const stepping = step();
    while (!submits(a.id)) await new Promise(r => setTimeout(r, 5));
    // The order is on its way: a rejection now could leave an issued Fapiao behind a rejected request.
    const r = (await server.admin(`/requests/${a.id}/reject`, { reason: '信息有误' })) as { status: number };
    assert.equal(r.status, 409);
    slow.open();
    await stepping;
    await step();
    assert.equal((await get(a.id)).status, 'issued');
  });

  async function get2(s: TestServer, id: string): Promise<FapiaoRequest> {
    return json<FapiaoRequest>(callApi(s, 'GET', `fapiao-requests/${id}`));
  }
});
