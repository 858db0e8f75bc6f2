import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';

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
    for (const t of suite?.tests ?? []) t.skipped ? acc.skipped++ : t.passed ? acc.passed++ : acc.failed++;
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

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromeArgs },
    }),
  ],
  reporters: [defaultReporter(), plainSummaryReporter()],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
};
