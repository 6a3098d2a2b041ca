// End-to-end tests: the release build (dist/) served by a plain static server under a sub-path,
// driven in Debian's Chromium (never a browser downloaded by Playwright). Run: npx playwright test
// (after `npm run build`), or everything with ./scripts/test.sh.
import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { BASE_PATH } from './tests/e2e/encours';

// A free port, chosen once by the main process; the workers inherit it through the environment.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  '-e',
  'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })',
])
  .toString()
  .trim();
const origin = `http://127.0.0.1:${process.env.E2E_PORT}`;
// The build under test and where results go: dist/ and tests/e2e/artifacts/ unless told (so that
// several builds can be tested side by side).
const dist = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.E2E_ARTIFACTS ?? 'tests/e2e/artifacts',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 1 : undefined,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./tests/e2e/summary-reporter.ts']],
  webServer: {
    command: `node scripts/serve.mjs --dir ${dist} --base ${BASE_PATH} --port ${process.env.E2E_PORT}`,
    url: origin + BASE_PATH,
    reuseExistingServer: false,
    timeout: 15_000,
  },
  use: {
    baseURL: origin,
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
