// Offline use (issue 5). On 127.0.0.1 (a secure context) the service worker stores every file of
// the build: with the server gone and the network off, a reload opens the app with its data. A new
// build replaces the stored one and the open page offers to reload. On a plain-HTTP host name (not
// a secure context) there is no worker, the app works, and the settings say why it cannot start
// offline.
//
// The first two tests serve their own copy of the build (scripts/serve.mjs, same sub-path), so that
// they can stop the server and change the build under the page.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
// The static server of the repo (plain JavaScript), as the tests' web server runs it.
import { startServer } from '../../scripts/serve.mjs';
import { BASE_PATH, DEMO_VERDICTS, Encours, newContext } from './encours';

const DIST = process.env.E2E_DIST ?? 'dist';

/** A copy of the build served on a free port of 127.0.0.1, under the tests' sub-path. */
async function serveCopy() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'encours-offline-'));
  cpSync(DIST, dir, { recursive: true });
  const server: Server = await startServer({ dir, base: BASE_PATH, host: '127.0.0.1', port: 0 });
  const { port } = server.address() as { port: number };
  return {
    dir,
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    /** The server goes away: no connection is accepted any more. */
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Waits until the service worker controls the page. */
async function waitForWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
}

/** The build the page runs (written into index.html by scripts/post-build.mjs). */
function pageBuild(page: Page): Promise<string | null> {
  return page.locator('meta[name="encours-build"]').getAttribute('content');
}

/** The names of the caches of the origin. */
function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys());
}

/** The requests the worker could not make once the server was gone: expected, and only those. */
function dropOfflineFailures(app: Encours) {
  const rest = app.failedResponses.filter((r) => !/^failed \(net::ERR_(INTERNET_DISCONNECTED|CONNECTION_REFUSED)\)/.test(r));
  app.failedResponses.splice(0, app.failedResponses.length, ...rest);
}

test('with the worker on 127.0.0.1, the app opens offline with its data', async ({ page, context }) => {
  const served = await serveCopy();
  try {
    const app = new Encours(page);
    await app.pinDate();
    await page.goto(served.url);
    await app.waitForApp();
    await waitForWorker(page);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);

    await app.goTo('settings');
    await expect(app.byTestId('offline-status')).toHaveAttribute('data-value', 'ready');
    await expect(app.byTestId('offline-status')).toContainText('Prête hors ligne');
    // Installable: the manifest and its icons are served, and the page links them.
    const manifestUrl = new URL('manifest.webmanifest', served.url).href;
    expect(await page.locator('link[rel="manifest"]').evaluate((l: HTMLLinkElement) => l.href)).toBe(manifestUrl);
    const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), manifestUrl);
    expect(manifest).toMatchObject({ name: 'Encours', short_name: 'Encours', start_url: './', display: 'standalone', theme_color: '#1f3a5f' });
    const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes).sort();
    expect(sizes).toEqual(['192x192', '512x512', 'any']);

    await app.loadDemo();

    // No server, no network: the reload comes from the worker's cache.
    await served.stop();
    await context.setOffline(true);
    const navigation = page.waitForResponse((r) => r.request().isNavigationRequest());
    await app.reload();
    expect((await navigation).fromServiceWorker()).toBe(true);

    await app.expectRowCount(DEMO_VERDICTS.length);
    for (const d of DEMO_VERDICTS) await app.expectRow(d.id, d);
    const first = DEMO_VERDICTS[1];
    await app.openClient(first.id);
    await app.goTo('analysis');
    await app.expectVerdict({ class: first.class, score: first.score, limit: first.limit });
    await app.goTo('settings');
    await expect(app.byTestId('offline-status')).toHaveAttribute('data-value', 'ready');

    dropOfflineFailures(app);
    app.expectClean();
  } finally {
    await context.setOffline(false);
    await served.stop();
    served.remove();
  }
});

test('a new build replaces the stored one, and the open page offers to reload', async ({ page, context }, testInfo) => {
  const served = await serveCopy();
  try {
    const app = new Encours(page);
    await page.goto(served.url);
    await app.waitForApp();
    await waitForWorker(page);
    const before = await pageBuild(page);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    await expect.poll(() => cacheNames(page)).toEqual([expect.stringMatching(new RegExp(`${before}$`))]);
    await expect(app.byTestId('update-banner')).toHaveCount(0);

    // A new build on the server: another page (a mark in index.html), then the post-build script
    // as Trunk runs it, which gives it a new version and a new worker.
    const index = path.join(served.dir, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', '<meta name="e2e-build" content="2" /></head>'));
    execFileSync(process.execPath, ['scripts/post-build.mjs', served.dir]);
    const after = /<meta name="encours-build" content="([0-9a-f]{16})"/.exec(readFileSync(index, 'utf8'))?.[1];
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);

    // The page comes back to the front (as a tablet app resumed from the background, which never
    // navigates): the app asks the browser to look for a new worker, which takes over, and the
    // page, still the old build, offers to reload.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const banner = app.byTestId('update-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Nouvelle version disponible');
    await expect(app.byTestId('update-reload')).toHaveText('Recharger');
    await page.screenshot({ path: testInfo.outputPath('update-banner.png') });
    // The old build's cache is gone: only the new one is kept.
    await expect.poll(() => cacheNames(page)).toEqual([expect.stringMatching(new RegExp(`${after}$`))]);

    await app.byTestId('update-reload').click();
    await expect.poll(() => pageBuild(page)).toBe(after);
    await app.waitForApp();
    await expect(page.locator('meta[name="e2e-build"]')).toHaveCount(1);
    await expect(banner).toHaveCount(0);

    // Offline, it is the new build that opens.
    await served.stop();
    await context.setOffline(true);
    await app.reload();
    expect(await pageBuild(page)).toBe(after);
    await expect(page.locator('meta[name="e2e-build"]')).toHaveCount(1);
    await expect(app.byTestId('portfolio-page')).toBeVisible();

    dropOfflineFailures(app);
    app.expectClean();
  } finally {
    await context.setOffline(false);
    await served.stop();
    served.remove();
  }
});

test('on a plain-HTTP host name, no worker: the app works and the settings say why', async ({ baseURL }, testInfo) => {
  // A host name other than localhost over plain HTTP is not a secure context, as on an intranet.
  const launch = testInfo.project.use.launchOptions ?? {};
  const browser = await chromium.launch({
    ...launch,
    args: [...(launch.args ?? []), '--host-resolver-rules=MAP encours.test 127.0.0.1'],
  });
  try {
    const context = await newContext(browser, testInfo);
    const page = await context.newPage();
    const app = new Encours(page);
    const port = new URL(baseURL as string).port;
    await page.goto(`http://encours.test:${port}${BASE_PATH}`);
    await app.waitForApp();
    expect(await page.evaluate(() => [window.isSecureContext, 'serviceWorker' in navigator])).toEqual([false, false]);

    await app.loadDemo();
    await app.goTo('settings');
    const status = app.byTestId('offline-status');
    await expect(status).toHaveAttribute('data-value', 'insecure');
    await expect(status).toContainText('HTTP simple');
    await expect(status).toContainText('HTTPS');
    await expect(app.byTestId('offline-card')).toContainText(`http://encours.test:${port}`);
    await app.byTestId('offline-card').screenshot({ path: testInfo.outputPath('settings-insecure.png') });
    await app.byTestId('lang-toggle').click();
    await expect(status).toContainText('Cannot start offline here');
    await expect(app.byTestId('update-banner')).toHaveCount(0);
    app.expectClean();
  } finally {
    await browser.close();
  }
});
