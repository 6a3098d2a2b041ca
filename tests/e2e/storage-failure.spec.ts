// When the browser's storage fails — full quota, or no storage at all (private browsing, a
// privacy setting) — the app says so clearly, keeps what was typed in memory, and offers an
// export; nothing crashes, and a retry saves once there is room again.
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

test('a full quota: a clear message, what was typed kept, an export that has it, then a retry', async ({ page }) => {
  const app = new Encours(page);
  // Client writes throw QuotaExceededError while window.__quotaFull is true.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    (window as unknown as { __quotaFull: boolean }).__quotaFull = false;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as unknown as { __quotaFull: boolean }).__quotaFull && key.startsWith('encours.client.')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await expect(app.byTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const stored = (await app.storage())['encours.client.demo-boulangerie-martin'];

  await page.evaluate(() => { (window as unknown as { __quotaFull: boolean }).__quotaFull = true; });
  await app.openClient('demo-boulangerie-martin');
  await app.field('trade-expected_annual_sales').fill('72 000');
  await app.field('notes').fill('Saisi pendant que le stockage était plein.');

  const banner = app.byTestId('storage-error');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-kind', 'quota');
  await expect(banner).toContainText("l'espace de stockage du navigateur est plein");
  await expect(app.byTestId('save-status')).toHaveAttribute('data-state', 'failed');
  // Nothing half-written: the stored record is the one before.
  expect((await app.storage())['encours.client.demo-boulangerie-martin']).toBe(stored);
  // What was typed is kept and still counts (need 7 574.79 → limit 7 500).
  await expect(app.field('notes')).toHaveValue('Saisi pendant que le stockage était plein.');
  await app.expectVerdict({ class: 'A', score: '98.7500', limit: '7500.00' });
  await app.goTo('portfolio');
  await app.expectRow('demo-boulangerie-martin', { class: 'A', score: '98.7500', limit: '7500.00' });

  // The export offered by the banner holds the edit.
  const exported = (await app.downloadedJson(
    await (async () => {
      const [d] = await Promise.all([page.waitForEvent('download'), app.byTestId('storage-export').first().click()]);
      return d;
    })(),
  )) as { clients: { id: string; notes: string; trade: { expected_annual_sales: string } }[] };
  const boulangerie = exported.clients.find((c) => c.id === 'demo-boulangerie-martin');
  expect(boulangerie?.notes).toBe('Saisi pendant que le stockage était plein.');
  expect(boulangerie?.trade.expected_annual_sales).toBe('72000');

  // Room again: a retry saves, the banner goes.
  await page.evaluate(() => { (window as unknown as { __quotaFull: boolean }).__quotaFull = false; });
  await app.byTestId('storage-retry').click();
  await expect(app.byTestId('storage-error')).toHaveCount(0);
  await expect(app.byTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await expect.poll(async () => (await app.storedClient('demo-boulangerie-martin'))?.notes).toBe(
    'Saisi pendant que le stockage était plein.',
  );
  await app.reload();
  await app.expectRow('demo-boulangerie-martin', { class: 'A', score: '98.7500', limit: '7500.00' });
  app.expectClean();
});

test('no storage at all: the app works in memory and says so', async ({ page }) => {
  const app = new Encours(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await app.pinDate();
  await app.open();
  const banner = app.byTestId('storage-error');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-kind', 'unavailable');
  await expect(app.byTestId('save-status')).toHaveAttribute('data-state', 'memory');

  await app.loadDemo();
  await app.openClient('demo-menuiserie-leroy');
  await app.expectVerdict({ class: 'B', score: '69.3000', limit: '35500.00' });
  await app.field('notes').fill('En mémoire.');
  await app.goTo('settings');
  await expect(app.byTestId('storage-status')).toHaveAttribute('data-value', 'unavailable');
  const [download] = await Promise.all([page.waitForEvent('download'), app.byTestId('storage-export').click()]);
  const exported = (await app.downloadedJson(download)) as { clients: { id: string; notes: string }[] };
  expect(exported.clients).toHaveLength(6);
  expect(exported.clients.find((c) => c.id === 'demo-menuiserie-leroy')?.notes).toBe('En mémoire.');
  app.expectClean();
});
