import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// Imports the built package by its own name, through package.json "exports", as a Node user would.
describe('the package in Node', () => {
  it('exposes the core through "exports" with types', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.equal(pkg.exports['.'].types, './dist/core/index.d.ts');
    readFileSync(pkg.exports['.'].types, 'utf8');
    const core = await import('fapiao-kit');
    assert.equal(core.validateTaxId('91330106673959654P').valid, true);
    const invoice = {
      id: 'I',
      number: 'I',
      kind: 'invoice',
      status: 'paid',
      currency: 'CNY',
      invoiceDate: '2026-11-01',
      billingPeriod: { start: '2026-10-01', end: '2026-10-31' },
      amounts: { charges: 9434, adjustments: [], tax: 566, gross: 10000, net: 9434, due: 0 },
      lines: [],
      payments: [],
      paidAt: '2026-11-20T15:59:59Z',
      documents: [],
      billingAccount: { id: 'a' },
    };
    const parsed = core.parseInvoice(invoice);
    assert.ok(parsed.ok);
    assert.equal(
      core.checkEligibility(parsed.value, { now: new Date('2026-11-22T16:00:00Z'), account: 'registered' }).eligible,
      true,
    );
  });
  it('keeps the core free of DOM and Lit imports', () => {
    const files = readdirSync('dist/core', { recursive: true })
      .map(String)
      .filter(f => f.endsWith('.js'));
    assert.ok(files.length > 10);
    for (const file of files) {
      const source = readFileSync(`dist/core/${file}`, 'utf8');
      assert.ok(!/from ['"](lit|@lit|\.\.\/elements)/.test(source), `${file} imports Lit or the elements`);
      assert.ok(!/\b(document|window|customElements)\./.test(source), `${file} touches the DOM`);
    }
  });
  it('ships a custom-elements.json that matches the source (run `npm run manifest` after changing an element)', () => {
    const out = '.build/manifest-check'; // the analyzer resolves --outdir against the project
    execFileSync(
      process.execPath,
      ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', out],
      { stdio: 'pipe' },
    );
    const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
    assert.equal(readFileSync('custom-elements.json', 'utf8'), fresh, 'custom-elements.json is stale');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'));
  });
  it('has README element tables that match custom-elements.json (run `npm run readme`)', async () => {
    const script = '../../../../scripts/readme-tables.mjs';
    const { readmeWithTables } = (await import(script)) as {
      readmeWithTables(readme: string, manifest: unknown): string;
    };
    const readme = readFileSync('README.md', 'utf8');
    assert.equal(
      readme,
      readmeWithTables(readme, JSON.parse(readFileSync('custom-elements.json', 'utf8'))),
      'README tables are stale',
    );
    assert.match(readme, /`fapiao-submitted`/);
  });
});
