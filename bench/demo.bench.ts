// `npm run bench demo`: the demo page as a customer on a mid-range phone meets it: Chromium with its CPU slowed 4× and
// the "Slow 4G" network profile, the reference server in its own process on loopback. Prints, per run and as medians,
// the time from navigation to the first bill rows on screen, and what the page downloaded (bytes over the wire).
// Needs the bundle (`npm test` or `npm start` builds it). Prints figures, asserts nothing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { PredefinedNetworkConditions } from 'puppeteer-core';
import { startDemoServer } from './demo-server.js';

const RUNS = Number(process.env.RUNS ?? 5);
const CPU_SLOWDOWN = 4;

if (!existsSync('bundle/fapiao-kit.min.js')) {
  console.error('bundle/fapiao-kit.min.js is missing: run `npm run build && npm run bundle` (or `npm test`) first');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'fapiao-demo-bench-'));

// The demo server on a store of its own (a running `npm start` keeps its own).
const { child, url } = await startDemoServer([`--data=${join(dir, 'data')}`]);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const firstRows: number[] = [];
const bytes: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    // A fresh context per run: an empty cache, as on a first visit.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 390, height: 844, isMobile: true });
    await page.emulateCPUThrottling(CPU_SLOWDOWN);
    await page.emulateNetworkConditions(PredefinedNetworkConditions['Slow 4G']);
    let received = 0;
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    cdp.on('Network.loadingFinished', e => (received += e.encodedDataLength));
    await page.goto(`${url}/?customer=demo-token-contoso&lang=zh-CN`, { waitUntil: 'domcontentloaded' });
    // Time since navigation start, read in the page when the first bill row is in <bill-list>'s shadow root.
    const handle = await page.waitForFunction(
      () => {
        const row = document.querySelector('bill-list')?.shadowRoot?.querySelector('tbody tr[data-id]');
        return row ? performance.now() : false;
      },
      { polling: 'raf', timeout: 120_000 },
    );
    const ms = Number(await handle.jsonValue());
    firstRows.push(ms);
    bytes.push(received);
    console.log(
      `run ${run + 1}: first rows at ${ms.toFixed(0)} ms, ${(received / 1024).toFixed(1)} KiB received so far`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  child.kill();
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `\ndemo page, CPU ×${CPU_SLOWDOWN} slower, Slow 4G, 390 × 844, empty cache, median of ${RUNS}: ` +
    `first bill rows at ${median(firstRows).toFixed(0)} ms; ${(median(bytes) / 1024).toFixed(1)} KiB over the wire by then`,
);
