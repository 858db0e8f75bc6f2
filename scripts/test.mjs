#!/usr/bin/env node
// The one test command (`npm test`): lint, type-check, build, core tests under three time zones, Node tests, browser
// tests in Chromium; then one plain `N passed, N failed` line that CI reads.
//
//   node scripts/test.mjs                 every step, in order
//   node scripts/test.mjs core browser    only those steps (npm run test:types | test:core | test:node | test:browser)
//
// FAPIAO_EXTRA_NODES=/path/to/node[:/path/to/other/node] runs the Node layers (core and node) once more on each of
// those binaries: CI uses it to test on Node 22 and 24 in one run (.ci/run).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const STEPS = ['lint', 'types', 'core', 'node', 'browser'];
const asked = process.argv.slice(2).filter(a => STEPS.includes(a));
const wanted = step => asked.length === 0 || asked.includes(step);
const extraNodes = (process.env.FAPIAO_EXTRA_NODES ?? '').split(':').filter(Boolean);

const totals = { passed: 0, failed: 0, skipped: 0 };
const stepsFailed = [];

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
  if (!ok || process.env.VERBOSE) {
    process.stdout.write(
      output
        .split('\n')
        .filter(l => !/EBADENGINE|Unknown user config|^npm warn/.test(l))
        .join('\n'),
    );
  }
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped ?? 0;
    if (!ok && counts.failed === 0) totals.failed += 1; // a crash with no failing test still counts
  } else if (!ok) {
    totals.failed += 1;
  }
  if (!ok) stepsFailed.push(label);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `  ${ok ? 'ok' : 'FAILED'} (${seconds} s)${counts ? `: ${counts.passed} passed, ${counts.failed} failed` : ''}\n`,
  );
  return ok;
}

function files(dir, suffix) {
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.sort().flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, suffix);
    return name.endsWith(suffix) ? [path] : [];
  });
}

/** Counts from node:test's TAP summary lines (`# pass 12`, `# fail 0`, …). */
const tap = output => {
  const get = key => Number(output.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: get('pass'), failed: get('fail') + get('cancelled'), skipped: get('skipped') + get('todo') };
};
const tsc = ['node_modules/typescript/bin/tsc'];
const version = node => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();

if (wanted('lint')) run('lint (prettier, eslint with lit and wc rules)', process.execPath, ['scripts/lint.mjs']);

// Types and the build come first whatever was asked: every later step runs compiled code.
run('type-check (src with DOM lib)', process.execPath, [...tsc, '-p', 'tsconfig.json']);
run('type-check (core without DOM lib)', process.execPath, [...tsc, '-p', 'tsconfig.core.json']);
// The library first: the package test imports it by name, so its types must exist before the tests compile.
run('build library (dist/: tsc, then the CSS of the templates minified)', process.execPath, [
  'scripts/build-library.mjs',
  '--quiet',
]);
rmSync('.build', { recursive: true, force: true });
const compiled = run('compile tests, server and benches (tsconfig.node.json)', process.execPath, [
  ...tsc,
  '-p',
  'tsconfig.node.json',
]);
// The bundles before the Node tests: the size-budget and pack tests read them.
if (wanted('node') || wanted('browser'))
  run('bundle (rollup)', process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c']);

function nodeLayers(node) {
  const coreTests = files('.build/test/core', '.test.js');
  const label = `${version(node)}`;
  if (wanted('core')) {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai']) {
      run(
        `core tests in Node ${label}, TZ=${tz} (${coreTests.length} files)`,
        node,
        ['--test', '--test-reporter=tap', ...coreTests],
        {
          env: { TZ: tz },
          parse: tap,
        },
      );
    }
  }
  const nodeTests = files('.build/test/node', '.test.js');
  if (wanted('node') && nodeTests.length) {
    run(
      `client, server and package tests in Node ${label} (${nodeTests.length} files)`,
      node,
      ['--test', '--test-reporter=tap', '--test-concurrency=1', ...nodeTests],
      { parse: tap, env: { PATH: `${join(node, '..')}:${process.env.PATH}` } },
    );
  }
}

if (compiled) for (const node of [process.execPath, ...extraNodes]) nodeLayers(node);

if (wanted('browser')) {
  // The React embedding test loads a real React app bundled from the built package (fapiao-kit/react), like an adopter's.
  run('bundle the React embedding app (esbuild)', process.execPath, [
    'node_modules/esbuild/bin/esbuild',
    'test/embedding/react-app.ts',
    '--bundle',
    '--format=esm',
    '--outfile=.build/embedding/react-app.js',
    '--define:process.env.NODE_ENV="production"',
    '--log-level=warning',
  ]);
  run('browser tests in Chromium (@web/test-runner)', process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], {
    parse: output => {
      const m = output.match(/^wtr: (\d+) passed, (\d+) failed, (\d+) skipped$/m);
      return m ? { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3]) } : { passed: 0, failed: 1 };
    },
  });
}

if (stepsFailed.length) console.log(`\nfailed steps: ${stepsFailed.join('; ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || stepsFailed.length > 0 ? 1 : 0);
