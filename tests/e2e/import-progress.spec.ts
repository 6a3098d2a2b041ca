// A long import shows that it is working: the indicator (`import-progress`) is in the page and
// drawn by the browser before the work that blocks it starts, and it goes once the import is done.
import { expect, test } from '@playwright/test';
import { Encours, generatedPortfolio } from './encours';

test('importing 2,000 files: the indicator is painted before the work, then goes', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.watchProgress();
  await app.importJson(generatedPortfolio(2_000), 'deux-mille.json');
  await expect(app.importSummary).toContainText('2000 dossiers ajoutés', { timeout: 90_000 });
  expect(await app.progressPainted(), 'the indicator was drawn in a frame').toBe(true);
  await expect(app.byTestId('import-progress')).toHaveCount(0);
  await expect.poll(async () => (await app.storedIds()).length).toBe(2_000);
  app.expectClean();
});

test('a refused file takes the indicator away with it', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.watchProgress();
  await app.importFile({ name: 'pas-du-json.json', buffer: Buffer.from('{"format": "encours", ') });
  await expect(app.importError).toBeVisible();
  expect(await app.progressPainted()).toBe(true);
  await expect(app.byTestId('import-progress')).toHaveCount(0);
  app.expectClean();
});
