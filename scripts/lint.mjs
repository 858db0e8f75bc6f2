#!/usr/bin/env node
// `npm run lint`: prettier's check, then eslint over src, test, demo/server, bench and scripts.
// typescript-eslint needs TypeScript's JS API, which typescript 7 (the native compiler) does not have: its requires of
// `typescript` are sent to typescript 5 (installed as `typescript-5`). Nothing else is redirected.
import Module from 'node:module';
import { spawnSync } from 'node:child_process';

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const from = parent?.filename ?? '';
  if (
    request === 'typescript' &&
    /[\\/]node_modules[\\/](@typescript-eslint|typescript-eslint|ts-api-utils)[\\/]/.test(from)
  ) {
    request = 'typescript-5';
  }
  return resolveFilename.call(this, request, parent, ...rest);
};

const fix = process.argv.includes('--fix');
const targets = ['src', 'test', 'demo/server', 'demo/index.html', 'bench', 'scripts', '*.mjs'];
const prettier = spawnSync(
  process.execPath,
  ['node_modules/prettier/bin/prettier.cjs', fix ? '--write' : '--check', '--log-level=warn', ...targets],
  { stdio: 'inherit' },
);

const { ESLint } = await import('eslint');
const eslint = new ESLint({ fix });
const results = await eslint.lintFiles(['src', 'test', 'demo/server', 'bench', 'scripts', '*.mjs']);
if (fix) await ESLint.outputFixes(results);
const formatter = await eslint.loadFormatter('stylish');
const text = await formatter.format(results);
if (text) console.log(text);
const errors = results.reduce((n, r) => n + r.errorCount, 0);
console.log(`lint: prettier ${prettier.status === 0 ? 'clean' : 'found unformatted files'}, eslint ${errors} errors`);
process.exit(prettier.status === 0 && errors === 0 ? 0 : 1);
