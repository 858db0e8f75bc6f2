import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { mkdir } from 'node:fs/promises';

// Debian's chromium, as root: --no-sandbox; the quiet-network flags keep it from dialling out (TOOLCHAIN.md).
const chromeArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Prints `wtr: N passed, N failed, N skipped` on a line of its own; a file that failed to load counts as failed. */
function plainSummaryReporter() {
  const count = (suite, acc) => {
    for (const t of suite?.tests ?? []) {
      if (t.skipped) acc.skipped++;
      else if (t.passed) acc.passed++;
      else acc.failed++;
    }
    for (const s of suite?.suites ?? []) count(s, acc);
    return acc;
  };
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        count(s.testResults, acc);
        if (!s.passed && !s.testResults?.tests?.length && !s.testResults?.suites?.length) acc.failed++;
      }
      console.log(`wtr: ${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped`);
    },
  };
}

/**
 * `executeServerCommand('save-screenshot', { name })` saves the page as Chromium draws it to
 * test-artifacts/screenshots/<name>.png: each state of the elements in each language, kept to be looked at.
 */
function screenshotPlugin() {
  return {
    name: 'save-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'save-screenshot') return undefined;
      const name = String(payload?.name ?? '').replace(/[^\w.-]+/g, '-');
      if (!name) throw new Error('save-screenshot needs a name');
      await mkdir('test-artifacts/screenshots', { recursive: true });
      const page = session.browser.getPage(session.id);
      await page.screenshot({ path: `test-artifacts/screenshots/${name}.png`, fullPage: payload?.fullPage === true });
      return true;
    },
  };
}

/**
 * The reference server (compiled to .build by `npm test` before this runs) answers /api and /__admin on the test
 * server's own origin, with an in-memory store: element tests talk to the real HTTP API, not to in-page mocks.
 */
let referenceApp;
async function referenceServer() {
  if (!referenceApp) {
    referenceApp = (async () => {
      const { createApp } = await import('./.build/demo/server/app.js');
      const { openStore } = await import('./.build/demo/server/store/index.js');
      const { seed } = await import('./.build/demo/server/seed.js');
      const { smtpMailer } = await import('./.build/demo/server/mail.js');
      const { startMailCatcher } = await import('./.build/demo/server/mail-catcher.js');
      const now = Date.parse('2026-11-24T04:00:00Z');
      const store = await openStore({});
      await seed(store, now);
      // E-mail over real SMTP to a catcher whose mailbox the tests read through /__admin/mailbox.
      const catcher = await startMailCatcher();
      const mailer = smtpMailer({ host: '127.0.0.1', port: catcher.port, from: 'fapiao@browser-test.local' });
      // The browser tests send this token to /__admin (test/helpers/admin.ts).
      return createApp({
        store,
        demo: { adminToken: 'browser-test-admin-token', mailbox: catcher.messages },
        now,
        mailer,
      });
    })();
  }
  return referenceApp;
}
function referenceApiMiddleware() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/api/') && !ctx.path.startsWith('/__admin/') && !ctx.path.startsWith('/fapiao-account/'))
      return next();
    const app = await referenceServer();
    ctx.respond = false;
    await new Promise(resolve => {
      ctx.res.once('finish', resolve);
      ctx.res.once('close', resolve);
      app.server.emit('request', ctx.req, ctx.res);
    });
  };
}

export default {
  middleware: [referenceApiMiddleware()],
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), screenshotPlugin()],
  browsers: [
    chromeLauncher({
      // The browser runs in Los Angeles time: every China date the elements show must not depend on the zone.
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: chromeArgs,
        env: { ...process.env, TZ: 'America/Los_Angeles' },
      },
    }),
  ],
  reporters: [defaultReporter(), plainSummaryReporter()],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
};
