#!/usr/bin/env node
// `npm run bench`: compiles, then runs every bench/*.bench.ts (compiled to .build/bench) in turn and prints figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const compile = spawnSync('node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.node.json'], {
  stdio: 'inherit',
});
if (compile.status !== 0) process.exit(compile.status ?? 1);
const only = process.argv[2];
for (const file of readdirSync('.build/bench')
  .filter(f => f.endsWith('.bench.js') && (!only || f.includes(only)))
  .sort()) {
  console.log(`\n# ${file.replace('.js', '.ts')} (node ${process.version}, ${process.env.TZ ?? 'host zone'})`);
  const r = spawnSync('node', [`.build/bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
