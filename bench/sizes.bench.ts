// `npm run bench sizes`: the bytes issue 13 budgets, as an adopter's bundler splits them (test/helpers/split-build.ts)
// and as the CDN files ship, with the goals beside them. Builds dist/ and bundle/ first, so the figures are today's.
// The size tests check the same figures against their budgets; this prints them.
import { spawnSync } from 'node:child_process';
import { gzipBytes, measureSplitSizes } from '../test/helpers/split-build.js';

for (const [label, args] of [
  ['library (dist/)', ['scripts/build-library.mjs', '--quiet']],
  ['bundles (bundle/)', ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']],
] as const) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`building the ${label} failed`);
}

const sizes = await measureSplitSizes();
const row = (what: string, bytes: number, goal?: number, note = '') =>
  console.log(
    `${what.padEnd(58)} ${bytes.toLocaleString('en').padStart(8)}  ${goal ? `goal ${goal.toLocaleString('en')}` : ''.padEnd(11)}  ${note}`,
  );
console.log('bytes, gzip -9, one language (zh-CN)');
row(
  'a bills page before <bill-list> first renders',
  sizes.firstRender.bytes,
  30_000,
  `${sizes.firstRender.chunks} chunks`,
);
row('  the same with the HTTP client (a page with api-base)', sizes.withHttpClient);
row('both elements complete', sizes.bothElements.bytes, 38_000, `${sizes.bothElements.chunks} chunks`);
row('the core (fapiao-kit)', sizes.core.bytes, 10_000, `${sizes.core.chunks} chunks`);
for (const file of [
  'bundle/fapiao-kit-core.zh-CN.min.js',
  'bundle/fapiao-kit.zh-CN.min.js',
  'bundle/fapiao-kit.en.min.js',
  'bundle/fapiao-kit.nl.min.js',
  'bundle/fapiao-kit.min.js',
]) {
  row(`CDN ${file.replace('bundle/', '')}`, gzipBytes(file));
}
