#!/usr/bin/env node
// `npm start`: build (tsc → dist and .build, rollup → bundle), then run the reference server. Installs nothing.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/typescript')) {
  console.error('Dependencies are missing: run `npm ci` first (see README).');
  process.exit(1);
}
for (const [label, args] of [
  ['library', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']],
  ['server', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.node.json']],
  ['bundles', ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']],
]) {
  const r = spawnSync('node', args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`Building the ${label} failed.`);
    process.exit(r.status ?? 1);
  }
}
const server = spawn('node', ['.build/demo/server/main.js', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', code => process.exit(code ?? 0));
