import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// What an adopter gets: `npm pack`, installed into an empty folder (dependencies from the npm cache `npm ci` filled).
describe('npm pack', () => {
  it('installs in a clean folder; every export resolves, with types; the manifest is referenced', () => {
    const out = mkdtempSync(join(tmpdir(), 'fapiao-kit-pack-'));
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', out], resolve('.'))) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = new Set(packed!.files.map(f => f.path));
    for (const must of [
      'custom-elements.json',
      'bundle/fapiao-kit.min.js',
      'dist/react/index.js',
      'dist/elements/define.js',
      'README.md',
    ]) {
      assert.ok(files.has(must), `${must} is in the package`);
    }
    assert.ok(
      ![...files].some(
        f => f.startsWith('test/') || f.startsWith('demo/data') || (f.endsWith('.ts') && !f.endsWith('.d.ts')),
      ),
      'no tests, data or sources',
    );

    const app = mkdtempSync(join(tmpdir(), 'fapiao-kit-app-'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    npm(
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(out, packed!.filename)],
      app,
    );
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/fapiao-kit/package.json'), 'utf8'));
    for (const [entry, target] of Object.entries(
      pkg.exports as Record<string, string | { types: string; node?: string; default: string }>,
    )) {
      const paths =
        typeof target === 'string' ? [target] : [target.default, target.types, ...(target.node ? [target.node] : [])];
      for (const path of paths) assert.ok(existsSync(join(app, 'node_modules/fapiao-kit', path)), `${entry} → ${path}`);
    }
    assert.ok(existsSync(join(app, 'node_modules/fapiao-kit', pkg.customElements)));
    writeFileSync(
      join(app, 'check.mjs'),
      `
      import { validateTaxId, checkEligibility, explainReason } from 'fapiao-kit';
      import { createBillingClient } from 'fapiao-kit/client';
      // Node takes the 'node' entry: every language is there without a load.
      const words = ['zh-CN', 'en', 'nl'].map(l => explainReason({ code: 'void', params: {} }, l).length > 10);
      console.log(JSON.stringify([validateTaxId('91330106673959654P').valid, typeof checkEligibility, typeof createBillingClient({ baseUrl: 'http://x/' }).listInvoices, ...words]));
    `,
    );
    assert.equal(
      execFileSync(process.execPath, ['check.mjs'], { cwd: app, encoding: 'utf8' }).trim(),
      '[true,"function","function",true,true,true]',
    );
  });
});
