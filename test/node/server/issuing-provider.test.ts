import { simulatedProvider } from '../../../demo/server/issuing/simulated-provider.js';
import { scriptedProvider } from '../helpers/issuing.js';
import { issuingProviderContract } from '../suites/issuing-provider.suite.js';

// The port's contract, run on the simulation (at once, and issuing five minutes after the order) and on the provider
// the queue's tests use (which answers by callback): what a partner's implementation must pass too.
issuingProviderContract('the simulation, issuing at once', () => {
  const provider = simulatedProvider({ now: () => Date.parse('2026-11-24T04:00:00Z') });
  return { provider, finish: ref => provider.status(ref) };
});

issuingProviderContract('the simulation, issuing five minutes after the order', () => {
  let now = Date.parse('2026-11-24T04:00:00Z');
  const provider = simulatedProvider({ now: () => now, issueDelayMs: 5 * 60_000 });
  return {
    provider,
    finish: async ref => {
      now += 24 * 3_600_000;
      return provider.status(ref);
    },
  };
});

issuingProviderContract('a provider that answers by callback', () => {
  const provider = scriptedProvider({ now: () => Date.parse('2026-11-25T04:00:00Z'), pendingUntilCallback: true });
  return { provider, finish: ref => provider.release(ref) };
});
