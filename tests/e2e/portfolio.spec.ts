// The portfolio: search by name (accents and case ignored) or SIREN, duplicate, delete with undo.
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

test('search by name or SIREN, whatever the accents, case and spaces', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  const search = app.byTestId('portfolio-search');

  await search.fill('NEGOCE');
  await app.expectRowCount(1);
  await expect(app.clientRow('demo-negoce-durand')).toHaveCount(1);
  await expect(app.byTestId('portfolio-count')).toHaveText('1 sur 6 dossiers');

  await search.fill('732 829 320'); // Boulangerie Martin's SIREN, grouped
  await app.expectRowCount(1);
  await expect(app.clientRow('demo-boulangerie-martin')).toHaveCount(1);

  await search.fill('rénov');
  await app.expectRowCount(1);
  await expect(app.clientRow('demo-btp-renov')).toHaveCount(1);

  await search.fill('zzz');
  await app.expectRowCount(0);
  await expect(app.byTestId('portfolio-no-match')).toContainText('zzz');

  await search.fill('');
  await app.expectRowCount(6);
  app.expectClean();
});

test('duplicate a file: a copy with its own id and the same figures', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await app.clientRow('demo-menuiserie-leroy').getByTestId('row-duplicate').click();
  await app.expectRowCount(7);
  await expect(app.byTestId('notice')).toContainText('Menuiserie Leroy (copie)');
  await app.expectRow('demo-menuiserie-leroy-2', { name: 'Menuiserie Leroy (copie)', class: 'B', score: '69.3000', limit: '35500.00' });
  await app.expectRow('demo-menuiserie-leroy', { name: 'Menuiserie Leroy', class: 'B', score: '69.3000', limit: '35500.00' });
  await expect.poll(async () => (await app.storedClient('demo-menuiserie-leroy-2'))?.name).toBe('Menuiserie Leroy (copie)');
  // The duplicate tap did not open the file.
  await expect(app.portfolioPage).toBeVisible();
  app.expectClean();
});

test('delete a file, undo it, delete it again: gone once the page is left', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await expect.poll(() => app.storedIds()).toHaveLength(6);

  await app.clientRow('demo-translog-express').getByTestId('row-delete').click();
  await app.expectRowCount(5);
  await expect(app.byTestId('notice')).toContainText('« TransLog Express » supprimé.');
  // Undo puts it back, with its figures.
  await app.byTestId('undo-delete').click();
  await app.expectRowCount(6);
  await app.expectRow('demo-translog-express', { name: 'TransLog Express', class: 'D', score: '43.7500', limit: '54500.00' });
  expect(await app.storedIds()).toContain('demo-translog-express');

  // Deleted again and the page left (reload): the record is removed for good.
  await app.clientRow('demo-translog-express').getByTestId('row-delete').click();
  await app.expectRowCount(5);
  await app.reload();
  await expect(app.portfolioPage).toBeVisible();
  await expect(app.clientRow('demo-translog-express')).toHaveCount(0);
  expect(await app.storedIds()).not.toContain('demo-translog-express');
  app.expectClean();
});
