import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { startServer, type TestServer } from '../helpers/server.js';

// The demo portal in Chromium for every locale × theme: each screenshot is written to .build/screenshots (CI keeps
// them; `npm run screenshots` copies them to docs/screenshots for review) and checked for what a reviewer would
// look for first: the right language, the theme applied to the elements, no horizontal overflow at 1280 px.
const LOCALES = { 'zh-CN': '申请发票', en: 'Get Fapiao', nl: 'Fapiao aanvragen' } as const;
const THEMES = { light: 'rgb(11, 92, 173)', dark: 'rgb(68, 147, 248)', brand: 'rgb(122, 31, 61)' } as const;

describe('demo screenshots', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--font-render-hinting=none',
      ],
    });
    mkdirSync('.build/screenshots', { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [lang, getFapiao] of Object.entries(LOCALES)) {
    for (const [theme, accent] of Object.entries(THEMES)) {
      it(`${lang} · ${theme}`, async () => {
        const page = await browser.newPage();
        await page.setViewport({ width: 1280, height: 1000 });
        await page.emulateTimezone('America/New_York'); // the portal's zone must not move China dates
        await page.goto(`${server.url}/?customer=demo-token-contoso&lang=${lang}&theme=${theme}`);
        await page.waitForFunction(
          () => document.querySelector('bill-list')?.shadowRoot?.querySelector('button[part="fapiao-button"]'),
          { timeout: 20_000 },
        );
        const facts = await page.evaluate(() => {
          const list = document.querySelector('bill-list')!.shadowRoot!;
          const button = list.querySelector<HTMLButtonElement>('button[part="fapiao-button"]')!;
          return {
            text: button.textContent!.trim(),
            accent: getComputedStyle(button).backgroundColor,
            overflow: document.documentElement.scrollWidth - window.innerWidth,
          };
        });
        await page.screenshot({ path: `.build/screenshots/demo-${lang}-${theme}.png`, fullPage: true });
        // The event wiring: "Get Fapiao" in the list opens the request form below it, with its preview.
        await page.evaluate(() =>
          document
            .querySelector('bill-list')!
            .shadowRoot!.querySelector<HTMLButtonElement>('button[part="fapiao-button"]')!
            .click(),
        );
        await page.waitForFunction(
          () => document.querySelector('fapiao-request')?.shadowRoot?.querySelector('[part="preview"]'),
          { timeout: 10_000 },
        );
        const form = await page.$('#request-panel');
        await form!.screenshot({ path: `.build/screenshots/demo-${lang}-${theme}-form.png` });
        const formOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        await page.close();
        assert.ok(formOverflow <= 0, `no horizontal scroll with the form open (overflow ${formOverflow}px)`);
        assert.equal(facts.text, getFapiao);
        assert.equal(facts.accent, accent, 'the theme reaches the element through --fk-color-accent');
        assert.ok(facts.overflow <= 0, `no horizontal scroll at 1280 px (overflow ${facts.overflow}px)`);
      });
    }
  }
});
