// Import never overwrites silently: a client whose id already exists is shown, and the user
// chooses to replace it, keep both, or skip it. Each choice does what it says, in the portfolio
// and in storage.
//
// fixtures/conflict.json holds two clients:
// - "demo-boulangerie-martin", named "Boulangerie Martin — reprise", expected sales 72 000 instead
//   of 36 000: need = 72 000 × 1.2 × (30 + 2) / 365 = 7 574.79 ≤ capacity 25 640 → limit 7 500
//   (class A, score 98.75 as the demo file, limit 3 500);
// - "fixture-fromagerie" (new): equity ratio 0.375 → 100, gearing −0.14 → 100, net margin 4 % → 80,
//   age 11 years → 100, new client → 50, no incident → 100, medium sector → 60, information 3 → 50;
//   weights 12 + 8 + 8 + 8 + 10 + 7 + 5 + 5 = 63 → completeness 0.63, score 5 190 / 63 = 82.3810,
//   class A; need = 48 000 × 1.2 × 30 / 365 = 4 734.25 ≤ capacity 30 000 → limit 4 500.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Encours, FIXTURES } from './encours';

const CONFLICT = path.join(FIXTURES, 'conflict.json');
const ORIGINAL = { name: 'Boulangerie Martin', class: 'A', score: '98.7500', limit: '3500.00' };
const INCOMING = { name: 'Boulangerie Martin — reprise', class: 'A', score: '98.7500', limit: '7500.00' };
const NEW_CLIENT = { name: 'Fromagerie Nouvelle', class: 'A', score: '82.3810', limit: '4500.00' };

/** The demo portfolio, then the conflict file: the dialogue shows the one conflict. */
async function openConflict(page: Page): Promise<Encours> {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await app.importFile(CONFLICT);
  const dialog = app.byTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('import-conflict')).toHaveCount(1);
  await expect(dialog.getByTestId('import-conflict')).toHaveAttribute('data-id', 'demo-boulangerie-martin');
  await expect(dialog.getByTestId('import-conflict')).toContainText('Boulangerie Martin — reprise');
  await expect(dialog.getByTestId('import-conflict')).toContainText('Boulangerie Martin');
  // Nothing happens before a choice: confirming is not possible yet, nothing is stored.
  await expect(app.byTestId('import-confirm')).toBeDisabled();
  await app.expectRowCount(6);
  expect(await app.storedIds()).not.toContain('fixture-fromagerie');
  return app;
}

test('replace: the existing file takes the imported one, the new client is added', async ({ page }) => {
  const app = await openConflict(page);
  await app.resolveConflict('replace');
  await expect(app.byTestId('conflict-replace')).toHaveAttribute('aria-pressed', 'true');
  await app.confirmImport();
  await expect(app.byTestId('import-dialog')).toHaveCount(0);
  await expect(app.importSummary).toContainText('1 dossier ajouté');
  await expect(app.importSummary).toContainText('1 remplacé');
  await app.expectRowCount(7);
  await app.expectRow('demo-boulangerie-martin', INCOMING);
  await app.expectRow('fixture-fromagerie', NEW_CLIENT);
  await expect(app.clientRow('demo-boulangerie-martin-2')).toHaveCount(0);
  await expect.poll(async () => (await app.storedClient('demo-boulangerie-martin'))?.name).toBe(INCOMING.name);
  await expect.poll(() => app.storedIds()).toContain('fixture-fromagerie');
  expect(await app.storedIds()).toHaveLength(7);

  app.expectClean();
});

test('keep both: the existing file stays, the imported one is added under a new id', async ({ page }) => {
  const app = await openConflict(page);
  await app.resolveConflict('keep-both');
  await expect(app.byTestId('conflict-keep-both')).toHaveAttribute('aria-pressed', 'true');
  await app.confirmImport();
  await expect(app.byTestId('import-dialog')).toHaveCount(0);
  await expect(app.importSummary).toContainText('1 dossier ajouté');
  await expect(app.importSummary).toContainText('1 ajouté en double');
  await app.expectRowCount(8);
  await app.expectRow('demo-boulangerie-martin', ORIGINAL);
  await app.expectRow('demo-boulangerie-martin-2', INCOMING);
  await app.expectRow('fixture-fromagerie', NEW_CLIENT);
  await expect.poll(() => app.storedIds()).toHaveLength(8);
  expect((await app.storedClient('demo-boulangerie-martin'))?.name).toBe(ORIGINAL.name);
  expect((await app.storedClient('demo-boulangerie-martin-2'))?.name).toBe(INCOMING.name);

  app.expectClean();
});

test('skip: the existing file is untouched, only the new client is added', async ({ page }) => {
  const app = await openConflict(page);
  const storedBefore = (await app.storage())['encours.client.demo-boulangerie-martin'];
  await app.resolveConflict('skip');
  await expect(app.byTestId('conflict-skip')).toHaveAttribute('aria-pressed', 'true');
  await app.confirmImport();
  await expect(app.byTestId('import-dialog')).toHaveCount(0);
  await expect(app.importSummary).toContainText('1 dossier ajouté');
  await expect(app.importSummary).toContainText('1 ignoré');
  await app.expectRowCount(7);
  await app.expectRow('demo-boulangerie-martin', ORIGINAL);
  await app.expectRow('fixture-fromagerie', NEW_CLIENT);
  await expect(app.clientRow('demo-boulangerie-martin-2')).toHaveCount(0);
  await expect.poll(() => app.storedIds()).toHaveLength(7);
  // Byte for byte the same record (not even rewritten).
  expect((await app.storage())['encours.client.demo-boulangerie-martin']).toBe(storedBefore);
  app.expectClean();
});

test('a choice can change before confirming; cancel leaves everything as it was', async ({ page }) => {
  const app = await openConflict(page);
  await app.settle();
  const before = await app.storage();
  await app.resolveConflict('replace');
  await app.resolveConflict('skip');
  await expect(app.byTestId('conflict-replace')).toHaveAttribute('aria-pressed', 'false');
  await expect(app.byTestId('conflict-skip')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.byTestId('import-confirm')).toBeEnabled();
  await app.byTestId('import-cancel').click();
  await expect(app.byTestId('import-dialog')).toHaveCount(0);
  await app.settle();
  expect(await app.storage()).toEqual(before);
  await app.expectRowCount(6);
  await app.expectRow('demo-boulangerie-martin', ORIGINAL);
  app.expectClean();
});

test('several conflicts: one choice for all', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  // The demo portfolio again: six conflicts at once.
  await app.byTestId('load-demo').click();
  await expect(app.byTestId('import-conflict')).toHaveCount(6);
  await app.byTestId('conflict-all-keep-both').click();
  for (const choice of await app.byTestId('conflict-keep-both').all()) {
    await expect(choice).toHaveAttribute('aria-pressed', 'true');
  }
  await app.confirmImport();
  await expect(app.importSummary).toContainText('6 ajoutés en double');
  await app.expectRowCount(12);
  await expect(app.clientRow('demo-negoce-durand-2')).toHaveCount(1);
  await expect.poll(() => app.storedIds()).toHaveLength(12);
  app.expectClean();
});
