// An import that does not fit in what is left of the browser's storage is refused whole, before
// anything is written, with the two sizes and what to do; storage stays byte for byte as it was.
// A file that fits still imports. The same rule holds for restoring a backup from Settings.
// (Chromium gives an origin 10 MiB of localStorage; 10,000 files need about twice that.)
import { expect, test } from '@playwright/test';
import { Encours, generatedPortfolio } from './encours';

/** The 10,000-client document, as a file (about 15 MB). */
function bigFile() {
  return { name: 'dix-mille.json', buffer: Buffer.from(JSON.stringify(generatedPortfolio(10_000))) };
}

/** "ce fichier demande 24,8 Mo, il reste 9,6 Mo" → both sizes in MB. */
function sizes(message: string): { needed: number; left: number } {
  const m = /demande (\d+,\d) Mo, il reste (\d+,\d) Mo/.exec(message);
  expect(m, message).not.toBeNull();
  const mb = (s: string) => Number(s.replace(',', '.'));
  return { needed: mb(m![1]), left: mb(m![2]) };
}

test('10,000 files that do not fit are refused whole, with both sizes; nothing is stored', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await expect(app.byTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const before = await app.storage();
  const file = bigFile();
  expect(file.buffer.length).toBeGreaterThan(10_000_000);

  await app.importFile(file);
  const error = app.importError;
  await expect(error).toBeVisible({ timeout: 120_000 });
  const text = await error.innerText();
  expect(text).toContain('« dix-mille.json »');
  expect(text).toContain("Rien n'a été modifié");
  expect(text).toContain('exportez vos dossiers');
  const { needed, left } = sizes(text);
  // Each record takes at least its text in the file (two bytes a character): over 2 × 10 MB.
  expect(needed).toBeGreaterThan(20);
  // Less than the 10 MiB quota is left, the demo's records being stored.
  expect(left).toBeLessThan(10.5);
  expect(left).toBeGreaterThan(0);
  expect(needed).toBeGreaterThan(left);

  // Nothing changed: storage byte for byte, the portfolio still the demo's six files.
  expect(await app.storage()).toEqual(before);
  await app.expectRowCount(6);
  await expect(app.byTestId('storage-error')).toHaveCount(0);
  app.expectClean();
});

test('restoring a backup that does not fit is refused the same way, in English too', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.switchLanguage('en');
  await app.goTo('settings');
  const before = await app.storage();

  await app.restoreFile(bigFile());
  const error = app.importError;
  await expect(error).toBeVisible({ timeout: 120_000 });
  await expect(error).toContainText('File refused (“dix-mille.json”)');
  await expect(error).toContainText(/this file needs \d+\.\d MB, \d+\.\d MB is left in the browser's storage/);
  await expect(error).toContainText('Nothing was changed.');
  expect(await app.storage()).toEqual(before);
  expect(await app.storedIds()).toEqual([]);
  app.expectClean();
});

test('a file that fits is imported as before, and saved', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await app.importJson(generatedPortfolio(50), 'cinquante.json');
  await expect(app.importSummary).toContainText('50 dossiers ajoutés');
  await app.expectRowCount(56);
  await expect.poll(async () => (await app.storedIds()).length).toBe(56);
  app.expectClean();
});
