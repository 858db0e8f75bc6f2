import { HttpProblem, readBody, send } from '../http.js';
import { settle } from '../issuing/issuing-jobs.js';
import { issueStateProblem, ProviderError } from '../issuing/provider.js';
import { applyReversal } from '../reissue.js';
import type { Context, Route } from './route.js';

/**
 * The issuing provider's callback: the provider checks its own signature (`readCallback`), the queue settles the order
 * as a poll would. A callback that repeats one already settled (or races the poll) changes nothing and answers 200, so
 * the provider stops sending it; one for an order we do not know yet (it overtook the submit's answer) answers 202
 * and the poll picks the order up.
 */
async function callback({ req, res, services }: Context): Promise<void> {
  const { issuing: provider, store } = services;
  if (!provider.readCallback) throw new HttpProblem(404, 'not-found', { params: { what: 'This callback' } });
  const body = await readBody(req);
  const read = provider.readCallback(req.headers, body);
  if (!read) throw new HttpProblem(403, 'forbidden');
  const invalid = (why: string) => new HttpProblem(422, 'validation-failed', { params: { why } });
  const problem = issueStateProblem(read.state);
  if (problem) throw invalid(problem);
  const known = (await store.query('select 1 from issuing_jobs where ref = $1', [read.ref])).rows.length > 0;
  if (!known) return send(res, 202, { settled: false });
  try {
    send(res, 200, { settled: await settle({ store, provider, applyReversal }, read.ref, read.state, services.now()) });
  } catch (error) {
    // The answer does not fit the order (another number of Fapiao): refused here, asked again by poll.
    if (error instanceof ProviderError) throw invalid(error.message);
    throw error;
  }
}

export const issuingCallbackRoutes: readonly Route[] = [
  { method: 'POST', path: /^\/api\/v1\/issuing\/callback$/, auth: 'none', handle: callback },
];
