#!/usr/bin/env node
// The one test command (`npm test`): type-check, build, Node tests under three time zones, browser tests in
// Chromium, size budgets; then one plain `N passed, N failed` line that CI reads.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
const stepsFailed = [];
const onlyNode = process.argv.includes('--node-only');

function run(label, command, args, { env = {}, parse } = {}) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const counts = parse ? parse(output) : null;
  const ok = result.status === 0;
  if (!ok || process.env.VERBOSE) process.stdout.write(output.split('\n').filter(l => !/EBADENGINE|Unknown user config|^npm warn/.test(l)).join('\n'));
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped ?? 0;
    if (!ok && counts.failed === 0) totals.failed += 1; // a crash with no failing test still counts
  } else if (!ok) {
    totals.failed += 1;
  }
  if (!ok) stepsFailed.push(label);
  process.stdout.write(`  ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)${counts ? `: ${counts.passed} passed, ${counts.failed} failed` : ''}\n`);
  return ok;
}

function files(dir, suffix) {
  const out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

/** Counts from node:test's TAP summary lines (`# pass 12`, `# fail 0`, …). */
const tap = output => {
  const get = key => Number(output.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: get('pass'), failed: get('fail') + get('cancelled'), skipped: get('skipped') + get('todo') };
};
const tsc = ['node_modules/typescript/bin/tsc'];

run('type-check (src with DOM lib)', 'node', [...tsc, '-p', 'tsconfig.json', '--noEmit']);
run('type-check (core without DOM lib)', 'node', [...tsc, '-p', 'tsconfig.core.json', '--noEmit']);
// The library first: the package test imports it by name, so its types must exist before the tests compile.
rmSync('dist', { recursive: true, force: true });
run('build library (dist/)', 'node', [...tsc, '-p', 'tsconfig.build.json']);
rmSync('.build', { recursive: true, force: true });
const compiled = run('compile tests, server and benches (tsconfig.node.json)', 'node', [...tsc, '-p', 'tsconfig.node.json']);
// The bundles before the Node tests: the size-budget and pack tests read them.
run('bundle (rollup)', 'node', ['node_modules/rollup/dist/bin/rollup', '-c']);

if (compiled) {
  const coreTests = files('.build/test/core', '.test.js');
  for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai']) {
    run(`core tests in Node, TZ=${tz} (${coreTests.length} files)`, 'node', ['--test', '--test-reporter=tap', ...coreTests], { env: { TZ: tz }, parse: tap });
  }
  const nodeTests = files('.build/test/node', '.test.js');
  if (nodeTests.length) run(`client, server and package tests in Node (${nodeTests.length} files)`, 'node', ['--test', '--test-reporter=tap', '--test-concurrency=1', ...nodeTests], { parse: tap });
}

if (!onlyNode) {
  // The React embedding test loads a real React app bundled from the built package (fapiao-kit/react), like an adopter's.
  run('bundle the React embedding app (esbuild)', 'node', ['node_modules/esbuild/bin/esbuild', 'test/embedding/react-app.ts', '--bundle', '--format=esm',
    '--outfile=.build/embedding/react-app.js', '--define:process.env.NODE_ENV="production"', '--log-level=warning']);
  run('browser tests in Chromium (@web/test-runner)', 'node', ['node_modules/@web/test-runner/dist/bin.js'], {
    parse: output => {
      const m = output.match(/^wtr: (\d+) passed, (\d+) failed, (\d+) skipped$/m);
      return m ? { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3]) } : { passed: 0, failed: 1 };
    },
  });
}

if (stepsFailed.length) console.log(`\nfailed steps: ${stepsFailed.join('; ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || stepsFailed.length > 0 ? 1 : 0);
