// Builds the library into dist/: tsc writes the ESM, declarations and source maps; then the CSS of each element's
// `css` template is minified (esbuild's CSS minifier), which tsc leaves as written, comments and indentation
// included. An adopter's bundler minifies the code around it but never the text inside a template, so only the
// package can. The newlines stay (at the template's end) so every line after a template keeps its source-map line.
// Used by `npm run build`, scripts/test.mjs and scripts/start.mjs.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';

/** A `css` template as tsc writes it, without substitutions (`${…}` would make it a template of parts). */
const CSS_TEMPLATE = /\bcss ?`([^`$\\]*)`/g;

function jsFiles(dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith('.js') ? [path] : [];
  });
}

/** Minifies the CSS templates of `file`; the bytes before and after. */
async function minifyCssTemplates(file) {
  const source = readFileSync(file, 'utf8');
  const bodies = [...source.matchAll(CSS_TEMPLATE)].map(m => m[1]);
  // A template the pattern cannot take (a substitution, a backslash) would ship as written: say so instead.
  if ((source.match(/\bcss ?`/g) ?? []).length !== bodies.length) {
    console.error(`build-library: ${file} has a css template with \${…} or a backslash, which this step cannot minify`);
    process.exit(1);
  }
  if (bodies.length === 0) return [0, 0];
  const minified = await Promise.all(
    bodies.map(async body => {
      const { code } = await transform(body, { loader: 'css', minify: true });
      return `${code.trim()}${'\n'.repeat(body.split('\n').length - 1)}`;
    }),
  );
  let i = 0;
  writeFileSync(
    file,
    source.replace(CSS_TEMPLATE, () => `css\`${minified[i++]}\``),
  );
  return [bodies.join('').length, minified.join('').length];
}

rmSync('dist', { recursive: true, force: true });
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
let before = 0;
let after = 0;
for (const file of jsFiles('dist/elements')) {
  const [b, a] = await minifyCssTemplates(file);
  before += b;
  after += a;
}
if (before === 0) {
  // The pattern follows tsc's output; if it ever changes, say so rather than ship unminified CSS quietly.
  console.error('build-library: no css templates found in dist/elements');
  process.exit(1);
}
if (!process.argv.includes('--quiet'))
  console.log(`dist/: CSS of the elements' templates ${before} -> ${after} characters`);
