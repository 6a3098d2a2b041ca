// What-if on the analysis: other trade terms move the need, the secured part and the limit as
// the engine computes them (FINANCE.md §6), without touching the saved file until "Appliquer au
// dossier"; "Revenir au dossier" puts the file's terms back; a bad entry keeps the last result.
//
// Menuiserie Leroy at DEMO_DATE (tests/engine_demo.rs, tests/what_if.rs): class B, capacity
// min(15 % × TNW 294 500, 4 % × revenue 2 530 000) = 44 175; insurance 15 000; terms 45 days end
// of month = 60 days; no delay; requested limit 40 000.
// Need = 180 000 × 1.2 × 60 / 365 = 35 506.85 ≤ 44 175 + 15 000 → limit 35 500, the need binds.
import { expect, test, type Locator } from '@playwright/test';
import { Encours } from './encours';

const LEROY = 'demo-menuiserie-leroy';

/** A what-if output's data-value. */
function out(app: Encours, name: string): Locator {
  return app.byTestId(`whatif-${name}`);
}

async function openLeroyAnalysis(app: Encours) {
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await app.openClient(LEROY);
  await expect(app.byTestId('client-page')).toBeVisible();
  await app.goTo('analysis');
  await expect(app.byTestId('whatif-block')).toBeVisible();
}

test('what-if moves the limit as computed by hand, and the file changes only when applied', async ({ page }) => {
  const app = new Encours(page);
  await openLeroyAnalysis(app);

  // The file's own verdict, and the panel starting from the file's terms.
  await app.expectVerdict({ class: 'B', limit: '35500.00' });
  await expect(app.limit('binding')).toHaveAttribute('data-value', 'need');
  await expect(out(app, 'limit')).toHaveAttribute('data-value', '35500.00');
  await expect(out(app, 'need')).toHaveAttribute('data-value', '35506.85');
  await expect(out(app, 'capacity')).toHaveAttribute('data-value', '44175.00');
  await expect(out(app, 'secured')).toHaveAttribute('data-value', '15000.00');
  await expect(out(app, 'binding')).toHaveAttribute('data-value', 'need');
  await expect(out(app, 'terms')).toHaveAttribute('data-value', '45');
  await expect(app.byTestId('whatif-sales')).toHaveValue('180000');
  await expect(app.byTestId('whatif-terms-days')).toHaveValue('45');
  await expect(app.byTestId('whatif-terms-basis')).toHaveValue('end_of_month');
  await expect(app.byTestId('whatif-apply')).toBeDisabled();
  await expect(app.byTestId('whatif-reset')).toBeDisabled();
  await app.settle();
  const saved = await app.storage();

  // Sales 200 000: need = 200 000 × 1.2 × 60 / 365 = 39 452.05 → limit 39 000 (+3 500).
  await app.byTestId('whatif-sales').fill('200 000');
  await expect(out(app, 'need')).toHaveAttribute('data-value', '39452.05');
  await expect(out(app, 'limit')).toHaveAttribute('data-value', '39000.00');
  await expect(out(app, 'delta-limit')).toHaveAttribute('data-value', '3500.00');
  await expect(out(app, 'delta-limit')).toHaveText(/^\+3\s500\s€$/);

  // 45 days net instead of end of month: 240 000 × 45 / 365 = 29 589.04 → 29 500.
  await app.byTestId('whatif-terms-basis').selectOption('net');
  await expect(out(app, 'need')).toHaveAttribute('data-value', '29589.04');
  await expect(out(app, 'limit')).toHaveAttribute('data-value', '29500.00');

  // 30 days net: 240 000 × 30 / 365 = 7 200 000 / 365 = 19 726.03 → 19 500.
  await app.byTestId('whatif-terms-days').fill('30');
  await expect(out(app, 'need')).toHaveAttribute('data-value', '19726.03');
  await expect(out(app, 'limit')).toHaveAttribute('data-value', '19500.00');

  // A guarantee of 10 000: secured 15 000 + 10 000 = 25 000; the need still binds (19 726.03
  // ≤ 44 175 + 25 000), so the limit stays 19 500 (−16 000 against the file).
  await app.byTestId('whatif-guarantees').fill('10 000');
  await expect(out(app, 'secured')).toHaveAttribute('data-value', '25000.00');
  await expect(out(app, 'delta-secured')).toHaveAttribute('data-value', '10000.00');
  await expect(out(app, 'limit')).toHaveAttribute('data-value', '19500.00');
  await expect(out(app, 'delta-limit')).toHaveAttribute('data-value', '-16000.00');
  await expect(out(app, 'binding')).toHaveAttribute('data-value', 'need');
  await expect(out(app, 'binding')).toContainText('Limité par le besoin du client');
  // Recommended terms are the class's (B: 45 days), whatever is tried.
  await expect(out(app, 'terms')).toHaveAttribute('data-value', '45');

  // A bad entry: a message under the field, the last good result stays.
  await app.byTestId('whatif-delay').fill('12 jours');
  await expect(app.fieldError('whatif-delay')).toBeVisible();
  await expect(out(app, 'limit')).toHaveAttribute('data-value', '19500.00');
  await app.byTestId('whatif-delay').fill('');
  await expect(app.fieldError('whatif-delay')).toHaveCount(0);

  // Nothing saved: the verdict and the storage are as they were, byte for byte.
  await app.settle();
  await app.expectVerdict({ class: 'B', limit: '35500.00' });
  expect(await app.storage()).toEqual(saved);

  // Apply: the file takes the terms, the verdict follows, the storage changes.
  await expect(app.byTestId('whatif-apply')).toBeEnabled();
  await app.byTestId('whatif-apply').click();
  await app.expectVerdict({ class: 'B', limit: '19500.00' });
  await expect(app.limit('need')).toHaveAttribute('data-value', '19726.03');
  await expect(app.byTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await expect.poll(async () => (await app.storedClient(LEROY))?.trade).toEqual({
    expected_annual_sales: '200000',
    terms_days: 30,
    terms_basis: 'net',
    insurance_cover: '15000',
    guarantees: '10000',
    requested_limit: '40000',
  });
  expect(await app.storage()).not.toEqual(saved);
  await expect(out(app, 'delta-limit')).toHaveAttribute('data-value', '0.00');
  await expect(app.byTestId('whatif-apply')).toBeDisabled();

  // Try again, then go back to the file: the fields and results are the file's again.
  const applied = await app.storage();
  await app.byTestId('whatif-sales').fill('100000');
  // 120 000 × 30 / 365 = 9 863.01 → 9 500.
  await expect(out(app, 'limit')).toHaveAttribute('data-value', '9500.00');
  await app.byTestId('whatif-reset').click();
  await expect(app.byTestId('whatif-sales')).toHaveValue('200000');
  await expect(out(app, 'limit')).toHaveAttribute('data-value', '19500.00');
  await expect(app.byTestId('whatif-reset')).toBeDisabled();
  await app.settle();
  expect(await app.storage()).toEqual(applied);
  app.expectClean();
});

test('the what-if speaks English too and keeps its figures', async ({ page }) => {
  const app = new Encours(page);
  await openLeroyAnalysis(app);
  await app.goTo('settings');
  await app.byTestId('settings-lang-en').click();
  await app.goTo('portfolio');
  await app.openClient(LEROY);
  await app.goTo('analysis');
  await expect(app.byTestId('whatif-block')).toContainText('What-if');
  // Typed the English way: 200,000.00 → the same 39 000 as above.
  await app.byTestId('whatif-sales').fill('200,000.00');
  await expect(out(app, 'limit')).toHaveAttribute('data-value', '39000.00');
  await expect(out(app, 'delta-limit')).toHaveText('+€3,500');
  await expect(out(app, 'binding')).toContainText("Limited by the client's need");
  app.expectClean();
});

test('the what-if fits a portrait tablet, with touch-sized fields and buttons', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  const app = new Encours(page);
  await openLeroyAnalysis(app);
  await app.byTestId('whatif-sales').fill('200 000');
  await expect(out(app, 'limit')).toHaveAttribute('data-value', '39000.00');
  expect(await app.horizontalOverflow()).toBeLessThanOrEqual(0);
  const targets = [
    'field-whatif-sales', 'field-whatif-terms-days', 'field-whatif-terms-basis', 'field-whatif-delay',
    'field-whatif-insurance', 'field-whatif-guarantees', 'whatif-apply', 'whatif-reset',
  ];
  for (const id of targets) {
    const box = await app.byTestId(id).boundingBox();
    expect(box, id).not.toBeNull();
    expect(box!.height, id).toBeGreaterThanOrEqual(44);
    expect(box!.x + box!.width, id).toBeLessThanOrEqual(768);
  }
  // Amounts bring up the numeric keypad.
  for (const id of ['field-whatif-sales', 'field-whatif-insurance', 'field-whatif-guarantees']) {
    await expect(app.byTestId(id)).toHaveAttribute('inputmode', 'decimal');
  }
  app.expectClean();
});
