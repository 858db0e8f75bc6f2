// `npm run bench grid`: first render, a scroll step, sort and filter of <bill-list> against @vaadin/grid and a plain Lit table, in
// headless Debian Chromium, same invoices, same run. Prints medians and ratios. ROWS=… to change the size.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import puppeteer from 'puppeteer-core';

const ROWS = Number(process.env.ROWS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 5);
const NAMES = ['bill-list', 'vaadin-grid', 'plain Lit table'] as const;
const ONLY = process.env.ONLY;

mkdirSync('.build/bench-page', { recursive: true });
await build({
  entryPoints: ['bench/browser/grid-page.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  outfile: '.build/bench-page/page.js',
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
  logLevel: 'error',
});
const page = `<!doctype html><html lang="en"><meta charset="utf-8"><body><div id="stage"></div><script type="module" src="/page.js"></script></body></html>`;
const server = createServer((req, res) => {
  if (req.url === '/page.js')
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync('.build/bench-page/page.js'));
  else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
}).listen(0);
const port = (server.address() as AddressInfo).port;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  protocolTimeout: 600_000,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
type Figures = { firstRender: number; scroll: number; sort: number; filter: number; whole?: number };
const results: Record<string, Figures[]> = {};
try {
  for (let run = 0; run < RUNS; run++) {
    for (const name of NAMES.filter(n => !ONLY || n === ONLY)) {
      // A fresh page per measurement: no warm caches from the other contenders.
      const tab = await browser.newPage();
      tab.on('pageerror', e => console.error('page error:', e));
      tab.on('console', m => process.env.DEBUG && console.log('page:', m.text()));
      await tab.setViewport({ width: 1280, height: 900 });
      await tab.goto(`http://127.0.0.1:${port}/`);
      await tab.waitForFunction('typeof window.runBench === "function"');
      const figures = (await tab.evaluate(
        (n, rows) => (window as unknown as { runBench(n: string, r: number): Promise<Figures> }).runBench(n, rows),
        name,
        ROWS,
      )) as Figures;
      (results[name] ??= []).push(figures);
      await tab.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const measured = NAMES.filter(n => results[n]);
const med = Object.fromEntries(
  measured.map(n => [
    n,
    {
      firstRender: median(results[n]!.map(f => f.firstRender)),
      scroll: median(results[n]!.map(f => f.scroll)),
      sort: median(results[n]!.map(f => f.sort)),
      filter: median(results[n]!.map(f => f.filter)),
    },
  ]),
) as Record<(typeof NAMES)[number], Figures>;
console.log(`${ROWS.toLocaleString('en')} invoices, median of ${RUNS} runs, ms (ratio to <bill-list>):`);
console.log(['', 'first render', 'scroll step', 'sort by amount', 'filter by number'].map(s => s.padEnd(18)).join(''));
for (const name of measured) {
  const cellOf = (k: 'firstRender' | 'scroll' | 'sort' | 'filter') =>
    `${med[name][k].toFixed(0)}${name === 'bill-list' || !med['bill-list'] ? '' : ` (×${(med[name][k] / med['bill-list'][k]).toFixed(2)})`}`;
  console.log(
    [name, cellOf('firstRender'), cellOf('scroll'), cellOf('sort'), cellOf('filter')].map(s => s.padEnd(18)).join(''),
  );
}
if (results['bill-list']) {
  // A long list paints its first rows validated, then validates the rest in slices: when that is done, its count and
  // malformed count are final.
  const whole = median(results['bill-list'].map(f => f.whole ?? NaN));
  console.log(`<bill-list> every entry validated (count final): ${whole.toFixed(0)} ms after the first render began`);
}
