import { serverContract } from '../suites/server-contract.suite.js';

serverContract('PGlite', async () => ({}));
