import { build, type Metafile } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// The pages an adopter builds: a bundler with code splitting (here esbuild, minified, from dist/ as the package ships
// it), from `fapiao-kit/define` and from `fapiao-kit`. Bytes are gzip -9 of each chunk, added up (a browser fetches
// them one by one). Shared by the size test (test/node/package/first-render-size.test.ts) and `npm run bench sizes`.

export async function splitBuild(entry: string): Promise<Metafile> {
  const result = await build({
    entryPoints: { page: resolve(entry) },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    outdir: mkdtempSync(join(tmpdir(), 'fapiao-kit-split-')),
    metafile: true,
    logLevel: 'error',
  });
  return result.metafile;
}

export const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
export const sumGzip = (files: Iterable<string>) => [...files].reduce((total, f) => total + gzipBytes(f), 0);
export const inputsOf = (meta: Metafile, files: Iterable<string>) =>
  [...files].flatMap(f => Object.keys(meta.outputs[f]!.inputs));

/** The output files a chunk pulls in before it runs: itself and its static imports, transitively. */
export function staticClosure(meta: Metafile, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of meta.outputs[file]!.imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(entry);
  return seen;
}

/** The page's own entry (named `page`): a chunk a dynamic import starts is an entry point in the metafile too. */
export const entryOf = (meta: Metafile) => Object.keys(meta.outputs).find(f => /(^|\/)page\.js$/.test(f))!;

/** The chunk that holds `module` (a path ending); throws unless exactly one does. */
export function chunkOf(meta: Metafile, module: RegExp): string {
  const found = Object.keys(meta.outputs).filter(f => Object.keys(meta.outputs[f]!.inputs).some(i => module.test(i)));
  if (found.length !== 1) throw new Error(`${module} is in ${found.length} chunks, not one`);
  return found[0]!;
}

/** The output files of each measured page, for checks of what is in them. */
export interface SplitPages {
  readonly elements: Metafile;
  readonly firstRender: ReadonlySet<string>;
  readonly withHttpClient: ReadonlySet<string>;
  readonly bothElements: ReadonlySet<string>;
  readonly core: Metafile;
  readonly coreWithLanguage: ReadonlySet<string>;
}

export interface SplitSizes {
  /** A bills page before `<bill-list>` first renders: the entry, its static imports, one language (zh-CN). */
  readonly firstRender: { readonly bytes: number; readonly chunks: number };
  /** The same with the HTTP client, as a page with `api-base` loads it before its rows. */
  readonly withHttpClient: number;
  /** Both elements complete, one language. */
  readonly bothElements: { readonly bytes: number; readonly chunks: number };
  /** The core (`fapiao-kit`) with one language. */
  readonly core: { readonly bytes: number; readonly chunks: number };
  readonly pages: SplitPages;
}

/** Builds the two pages and measures them; each module named here must be in one chunk (else it throws). */
export async function measureSplitSizes(): Promise<SplitSizes> {
  const meta = await splitBuild('dist/elements/define.js');
  const first = staticClosure(meta, entryOf(meta));
  first.add(chunkOf(meta, /elements\/locales\/shared\/zh-CN\.js$/));
  const withClient = new Set([...first, ...staticClosure(meta, chunkOf(meta, /client\/http-client\.js$/))]);
  const complete = new Set([
    ...withClient,
    ...staticClosure(meta, chunkOf(meta, /fapiao-request\/fapiao-request\.js$/)),
    ...staticClosure(meta, chunkOf(meta, /elements\/locales\/request\/zh-CN\.js$/)),
  ]);
  const coreMeta = await splitBuild('dist/core/index.js');
  const core = staticClosure(coreMeta, entryOf(coreMeta));
  core.add(chunkOf(coreMeta, /core\/i18n\/zh-CN\.js$/));
  return {
    firstRender: { bytes: sumGzip(first), chunks: first.size },
    withHttpClient: sumGzip(withClient),
    bothElements: { bytes: sumGzip(complete), chunks: complete.size },
    core: { bytes: sumGzip(core), chunks: core.size },
    pages: {
      elements: meta,
      firstRender: first,
      withHttpClient: withClient,
      bothElements: complete,
      core: coreMeta,
      coreWithLanguage: core,
    },
  };
}
