// The tags as an adopter's page gets them from `define.js`: <bill-list> at once, <fapiao-request> and <fapiao-account>
// from chunks of their own. Tests that create an element import this, so all are defined before the first test runs.
import { fapiaoAccountDefined, fapiaoRequestDefined } from '../../src/elements/define.js';

await Promise.all([fapiaoRequestDefined, fapiaoAccountDefined]);
