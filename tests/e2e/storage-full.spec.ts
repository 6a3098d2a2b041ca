// A really full localStorage (filled to Chromium's quota first, not a mock): an edit that no
// longer fits gives the clear message, stays in memory and counts, the stored record is the one
// before (never half-written), and once room is made a retry saves it for good.
// (storage-failure.spec.ts covers the same with a mocked quota, the export, and no storage.)
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

test('localStorage filled to its quota: the message, the edit kept in memory, then saved once there is room', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await expect(app.byTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await app.openClient('demo-boulangerie-martin');
  await app.settle();
  const before = await app.storage();

  // Fill every byte left with keys of another app on the same origin.
  const filled = await page.evaluate(() => {
    let chars = 0;
    let i = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`other-app.${i}`, chunk);
        } catch {
          break;
        }
        chars += size;
        i++;
      }
    }
    return chars;
  });
  expect(filled).toBeGreaterThan(1_000_000);

  const note = 'Saisi alors que le stockage était plein.';
  await app.field('notes').fill(note);
  await app.field('trade-expected_annual_sales').fill('72 000');

  const banner = app.byTestId('storage-error');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-kind', 'quota');
  await expect(banner).toContainText("l'espace de stockage du navigateur est plein");
  await expect(app.byTestId('save-status')).toHaveAttribute('data-state', 'failed');
  await expect(app.byTestId('storage-export').first()).toBeVisible();
  // Nothing of the app's changed in storage; what was typed is kept and counts
  // (need 7 574.79 → limit 7 500, as in storage-failure.spec.ts).
  const during = await app.storage();
  for (const [key, value] of Object.entries(before)) expect(during[key], key).toBe(value);
  await expect(app.field('notes')).toHaveValue(note);
  await app.expectVerdict({ class: 'A', score: '98.7500', limit: '7500.00' });

  // Room again (the other app's keys removed): a retry saves, the banner goes, a reload has it.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('other-app.')) localStorage.removeItem(key);
  });
  await app.byTestId('storage-retry').first().click();
  await expect(app.byTestId('storage-error')).toHaveCount(0);
  await expect(app.byTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const saved = await app.storedClient('demo-boulangerie-martin');
  expect(saved?.notes).toBe(note);
  expect((saved?.trade as { expected_annual_sales: string }).expected_annual_sales).toBe('72000');
  await app.reload();
  await app.goTo('portfolio');
  await app.expectRow('demo-boulangerie-martin', { class: 'A', score: '98.7500', limit: '7500.00' });
  app.expectClean();
});
