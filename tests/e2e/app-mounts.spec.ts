// The release build mounts from a sub-path of a plain static server, cleanly and offline.
// (Every test leaves a screenshot in tests/e2e/artifacts: playwright.config.ts.)
import { expect, test } from '@playwright/test';
import { BASE_PATH, Encours } from './encours';

test('the app mounts under a sub-path, with no error and no request off the origin', async ({ page }) => {
  const app = new Encours(page);
  await app.open();

  expect(new URL(page.url()).pathname).toBe(BASE_PATH);
  // The page, its script and the wasm were requested, and from the origin only.
  expect(app.requests.some((url) => url.endsWith('.wasm'))).toBe(true);
  app.expectClean();
});

test('a reload of the page mounts the app again', async ({ page }) => {
  const app = new Encours(page);
  await app.open();
  await app.reload();

  await expect(app.root).toHaveCount(1);
  app.expectClean();
});

test('the sub-path without its final slash redirects, and the app mounts there', async ({ page }) => {
  const app = new Encours(page);
  await page.goto(BASE_PATH.replace(/\/$/, ''));
  await app.waitForApp();
  expect(new URL(page.url()).pathname).toBe(BASE_PATH);
  await expect(app.byTestId('portfolio-empty')).toBeVisible();
  app.expectClean();
});

test('every screen reached by its URL hash mounts, and a reload stays there', async ({ page }) => {
  const app = new Encours(page);
  for (const [hash, testId] of [
    ['#portfolio', 'portfolio-page'],
    ['#client', 'client-page'],
    ['#analysis', 'analysis-page'],
    ['#policy', 'policy-page'],
    ['#settings', 'settings-page'],
  ] as const) {
    await app.open(hash);
    await expect(app.byTestId(testId), hash).toBeVisible();
    await app.reload();
    await expect(app.byTestId(testId), `${hash} after a reload`).toBeVisible();
    expect(new URL(page.url()).hash).toBe(hash);
    await expect(app.byTestId(`nav-${hash.slice(1)}`)).toHaveAttribute('aria-current', 'page');
  }
  app.expectClean();
});
