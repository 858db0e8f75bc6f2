#!/usr/bin/env node
// `npm start`: build what changed (tsc → dist and .build, rollup → bundle), then run the reference server with --demo.
// Installs nothing. A step is skipped when none of its inputs is newer than what it built last time, so a warm start
// goes straight to the server.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

if (!existsSync('node_modules/typescript')) {
  console.error('Dependencies are missing: run `npm ci` first (see README).');
  process.exit(1);
}

/** The newest modification time under these files and folders (node_modules never counts). */
function newest(paths) {
  let max = 0;
  const visit = path => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules' && name !== 'data') visit(join(path, name));
    } else max = Math.max(max, stat.mtimeMs);
  };
  paths.forEach(visit);
  return max;
}

const STEPS = [
  {
    label: 'library',
    args: ['scripts/build-library.mjs', '--quiet'],
    inputs: ['src', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build-library.mjs', 'package-lock.json'],
    output: 'dist',
  },
  {
    label: 'server',
    args: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.node.json'],
    inputs: ['src', 'demo/server', 'test', 'bench', 'tsconfig.json', 'tsconfig.node.json', 'package-lock.json'],
    output: '.build',
  },
  {
    label: 'bundles',
    args: ['node_modules/rollup/dist/bin/rollup', '-c', '--silent'],
    inputs: ['src', 'rollup.config.mjs', 'package-lock.json'],
    output: 'bundle',
  },
];
mkdirSync('.build-stamps', { recursive: true });
for (const step of STEPS) {
  const stamp = join('.build-stamps', step.label);
  const built = existsSync(stamp) && existsSync(step.output) ? statSync(stamp).mtimeMs : 0;
  if (built > newest(step.inputs)) continue;
  const started = Date.now();
  const r = spawnSync(process.execPath, step.args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`Building the ${step.label} failed.`);
    process.exit(r.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString());
  console.log(`built the ${step.label} in ${Date.now() - started} ms`);
}
const server = spawn(process.execPath, ['.build/demo/server/main.js', '--demo', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', code => process.exit(code ?? 0));
