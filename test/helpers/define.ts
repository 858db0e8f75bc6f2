// The tags as an adopter's page gets them from `define.js`: <bill-list> at once, <fapiao-request> from its own chunk.
// Tests that create either element import this, so both are defined before the first test runs.
import { fapiaoRequestDefined } from '../../src/elements/define.js';

await fapiaoRequestDefined;
