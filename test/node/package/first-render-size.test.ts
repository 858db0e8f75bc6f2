import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, type Metafile } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// The page an adopter builds: a bundler with code splitting from `fapiao-kit/define` (here esbuild, minified, from
// dist/ as the package ships it). What a bills page loads before <bill-list> first renders is the entry chunk and
// every chunk it imports statically; <fapiao-request>'s form comes in a chunk of its own, imported dynamically.
// Bytes are gzip -9 of each chunk, added up (a browser fetches them one by one).
// Measured 49,927 when this test came (56.2 KB in issue 13's measurement, 54,069 with the form's chunk split off but the
// core barrel still imported by <bill-list>); issue 13's goal is 30,000. The same ~1.5 % margin as the other budgets.
const FIRST_RENDER_BUDGET = 50_700;
const outdir = mkdtempSync(join(tmpdir(), 'fapiao-kit-split-'));

async function splitBuild(): Promise<Metafile> {
  const result = await build({
    entryPoints: { page: resolve('dist/elements/define.js') },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    outdir,
    metafile: true,
    logLevel: 'error',
  });
  return result.metafile;
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The output files a chunk pulls in before it runs: itself and its static imports, transitively. */
function staticClosure(meta: Metafile, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of meta.outputs[file]!.imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(entry);
  return seen;
}

describe('what a bills page loads before the first render (esbuild, code splitting from fapiao-kit/define)', () => {
  it(`is at most ${FIRST_RENDER_BUDGET} bytes gzip, and the form is not part of it`, async () => {
    const meta = await splitBuild();
    const entry = Object.keys(meta.outputs).find(f => meta.outputs[f]!.entryPoint)!;
    const first = staticClosure(meta, entry);
    const firstBytes = [...first].reduce((sum, f) => sum + gz(f), 0);
    const allBytes = Object.keys(meta.outputs)
      .filter(f => f.endsWith('.js'))
      .reduce((sum, f) => sum + gz(f), 0);
    console.log(`# first render ${firstBytes} bytes gzip in ${first.size} chunks; everything ${allBytes}`);
    const inFirst = [...first].flatMap(f => Object.keys(meta.outputs[f]!.inputs));
    assert.ok(!inFirst.some(i => i.includes('fapiao-request/')), 'the form is loaded on its own');
    assert.ok(inFirst.some(i => i.includes('bill-list/bill-list.js')));
    assert.ok(firstBytes <= FIRST_RENDER_BUDGET, `${firstBytes} bytes, over the budget of ${FIRST_RENDER_BUDGET}`);
  });
});
