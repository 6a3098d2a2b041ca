// Saving is automatic: after creating and editing files, a reload — on the portfolio, on a client
// screen or on an analysis reached by its URL hash — finds every file with the same figures.
//
// Figures (default policy, see create-file.spec.ts for the arithmetic): revenue 1 200 000, total
// assets 1 000 000, equity 400 000,50, expected sales 120 000 → class A, score 100, limit 11 500.
// Boulangerie Martin (demo) with expected sales 72 000 instead of 36 000 and 30 days net, 2 days
// late: need = 72 000 × 1.2 × 32 / 365 = 7 574.79 ≤ capacity 25 640 → limit 7 500 (class A, 98.75).
import { expect, test } from '@playwright/test';
import { BASE_PATH, Encours } from './encours';

test('files created and edited are all there after a reload, with the same figures', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();

  // A new file, typed in quick mode.
  const scierie = await app.newClient();
  await app.field('name').fill('Scierie des Landes');
  await app.field('siren').fill('732 829 320');
  await app.byTestId('add-year-first').click();
  await app.field('revenue-0').fill('1 200 000');
  await app.field('total_assets-0').fill('1 000 000');
  await app.field('equity-0').fill('400 000,50');
  await app.field('trade-expected_annual_sales').fill('120 000');
  await app.field('notes').fill('Rencontré au salon « Bois & Forêt ».');
  await app.expectVerdict({ class: 'A', score: '100.0000', limit: '11500.00' });

  // A second file, with a name only.
  await app.goTo('portfolio');
  const second = await app.newClient();
  expect(second).not.toBe(scierie);
  await app.field('name').fill('Transports Vidal');

  // The demo portfolio, one of its files edited.
  await app.goTo('portfolio');
  await app.byTestId('load-demo').click();
  await app.expectRowCount(8);
  await app.openClient('demo-boulangerie-martin');
  await expect(app.field('name')).toHaveValue('Boulangerie Martin');
  await app.expectVerdict({ class: 'A', score: '98.7500', limit: '3500.00' });
  await app.field('trade-expected_annual_sales').fill('72 000');
  await app.expectVerdict({ class: 'A', score: '98.7500', limit: '7500.00' });

  // Everything is written to storage (automatically, no save button).
  await expect(app.byTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await expect.poll(() => app.storedIds()).toHaveLength(8);
  await expect.poll(async () => (await app.storedClient('demo-boulangerie-martin'))?.trade).toMatchObject({
    expected_annual_sales: '72000',
  });
  await expect.poll(async () => (await app.storedClient(second))?.name).toBe('Transports Vidal');

  // Reload on the client screen: the same file, its fields and its verdict.
  expect(new URL(page.url()).hash).toBe('#client/demo-boulangerie-martin');
  await app.reload();
  await expect(app.byTestId('client-page')).toBeVisible();
  expect(await app.byTestId('storage-warning').allInnerTexts(), 'records set aside at load').toEqual([]);
  await expect(app.field('name')).toHaveValue('Boulangerie Martin');
  await expect(app.field('trade-expected_annual_sales')).toHaveValue('72000');
  await app.expectVerdict({ class: 'A', score: '98.7500', limit: '7500.00' });

  // Reload on the portfolio: every file, the same verdicts.
  await app.goTo('portfolio');
  await expect(page).toHaveURL(/#portfolio$/);
  const before = new Map<string, unknown>();
  await app.expectRowCount(8);
  for (const id of await app.storedIds()) before.set(id, await app.rowFigures(id));
  await app.reload();
  await expect(app.portfolioPage).toBeVisible();
  await app.expectRowCount(8);
  for (const [id, figures] of before) expect(await app.rowFigures(id), id).toEqual(figures);
  await app.expectRow(scierie, { name: 'Scierie des Landes', class: 'A', score: '100.0000', limit: '11500.00' });
  await app.expectRow('demo-boulangerie-martin', { class: 'A', score: '98.7500', limit: '7500.00' });
  await expect(app.clientRow(second).getByTestId('row-name')).toHaveText('Transports Vidal');
  await expect(app.clientRow(second).getByTestId('row-class')).toHaveAttribute('data-value', 'NR');

  // A client screen reached by its URL hash (a bookmark), then reloaded: what was typed is there.
  await page.goto(`${BASE_PATH}#client/${encodeURIComponent(scierie)}`);
  await app.waitForApp();
  await expect(app.field('name')).toHaveValue('Scierie des Landes');
  await app.reload();
  await expect(app.byTestId('client-page')).toBeVisible();
  await expect(app.field('name')).toHaveValue('Scierie des Landes');
  await expect(app.field('siren')).toHaveValue('732829320');
  await expect(app.field('closing_date-0')).toHaveValue('2025-12-31');
  await expect(app.field('revenue-0')).toHaveValue('1200000');
  await expect(app.field('total_assets-0')).toHaveValue('1000000');
  await expect(app.field('equity-0')).toHaveValue('400000,5');
  await expect(app.field('trade-expected_annual_sales')).toHaveValue('120000');
  await expect(app.field('notes')).toHaveValue('Rencontré au salon « Bois & Forêt ».');
  await app.expectVerdict({ class: 'A', score: '100.0000', limit: '11500.00' });

  // An edit after the reload is saved too (the stored revision moves on).
  // Equity 200 000 and sales 1 000 000: class B, need 98 630.14, capacity min(15 % × 200 000,
  // 4 % × 1 200 000) = 30 000 → limit 30 000, bound by the tangible net worth.
  await app.field('equity-0').fill('200 000');
  await app.field('trade-expected_annual_sales').fill('1 000 000');
  await app.expectVerdict({ class: 'B', score: '70.0000', limit: '30000.00' });
  await expect.poll(async () => JSON.stringify((await app.storedClient(scierie))?.statements)).toContain('"equity":"200000"');

  // The analysis reached by its URL hash, reloaded: the same figures. (Typing an address takes
  // the focus out of the page first; the back button with the focus still in a field is the
  // next test.)
  await app.field('trade-expected_annual_sales').blur();
  await page.goto(`${BASE_PATH}#analysis/${encodeURIComponent(scierie)}`);
  await app.waitForApp();
  await expect(app.byTestId('analysis-page')).toBeVisible();
  await app.reload();
  await expect(app.byTestId('analysis-page')).toBeVisible();
  await app.expectVerdict({ class: 'B', score: '70.0000', limit: '30000.00' });
  await expect(app.agg('equity')).toHaveAttribute('data-value', '200000.00');
  await expect(app.agg('revenue')).toHaveAttribute('data-value', '1200000.00');
  await expect(app.limit('need')).toHaveAttribute('data-value', '98630.14');
  await expect(app.limit('capacity')).toHaveAttribute('data-value', '30000.00');
  await expect(app.limit('binding')).toHaveAttribute('data-value', 'tnw');
  app.expectClean();
});

test('a hash naming a file that does not exist falls back to the portfolio with a notice', async ({ page }) => {
  const app = new Encours(page);
  await page.goto(`${BASE_PATH}#client/nobody-here`);
  await app.waitForApp();
  await expect(app.portfolioPage).toBeVisible();
  await expect(app.byTestId('notice')).toContainText('nobody-here');
  app.expectClean();
});

test('the back button while a field has the focus leaves the screen cleanly, and the edit is kept', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await app.openClient('demo-boulangerie-martin');
  await expect(page).toHaveURL(/#client\/demo-boulangerie-martin$/);
  // Typed, and the field still has the focus when the browser goes back to the portfolio.
  await app.field('trade-expected_annual_sales').fill('72 000');
  await expect(app.field('trade-expected_annual_sales')).toBeFocused();
  await page.goBack();
  await expect(app.portfolioPage).toBeVisible();
  await app.settle();
  await app.expectRow('demo-boulangerie-martin', { class: 'A', score: '98.7500', limit: '7500.00' });
  // Forward again: the file, with what was typed.
  await page.goForward();
  await expect(app.field('trade-expected_annual_sales')).toHaveValue('72000');
  app.expectClean();
});
