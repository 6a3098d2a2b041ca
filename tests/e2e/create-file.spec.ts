// A sales rep creates a file and types the key figures in quick mode, the French way: the class
// and the recommended limit appear and follow every change; a wrong entry is refused at its field
// and the rest keeps working.
//
// Expected figures, default policy (FINANCE.md §5–6), one fiscal year closed 2025-12-31:
// - revenue 1 200 000, total assets 1 000 000, equity 400 000,50: equity ratio 0.40 → 100 points;
//   it is the only criterion present (weight 12 of 100): score 100, completeness 0.12 (provisional),
//   class A. TNW = equity = 400 000.50; capacity A = min(20 % × 400 000.50, 5 % × 1 200 000)
//   = 60 000 (revenue rule). No sales and no requested limit: limit = capacity + secured = 60 000.
// - expected sales 120 000, 30 days net, no delay: need = 120 000 × 1.2 × 30 / 365 = 11 835.62
//   ≤ 60 000 → limit 11 500 (rounded down to 500), bound by the need.
// - sales 600 000: need 59 178.08 → 59 000. Sales 1 000 000: need 98 630.14 > 60 000 → 60 000.
// - equity 200 000: ratio 0.20 (on the bound: the better band, 20–30 %) → 70 points: class B;
//   capacity B = min(15 % × 200 000, 4 % × 1 200 000) = 30 000 (TNW rule) → limit 30 000.
// - other guarantees 10 000: secured 10 000 → limit min(98 630.14, 40 000) = 40 000.
// - total assets 500 000: ratio 0.40 → 100 points, class A; capacity A = min(40 000, 60 000)
//   = 40 000, + 10 000 → limit 50 000.
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

test('quick figures typed the French way give a class and a limit that follow every change', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await expect(app.byTestId('portfolio-empty')).toBeVisible();

  const id = await app.newClient();
  expect(id).toMatch(/^client-/);
  // No statement yet: not rated, nothing granted beyond secured amounts (none).
  await expect(app.byTestId('no-statement')).toBeVisible();
  await app.expectVerdict({ class: 'NR', score: '', limit: '0.00' });

  await app.field('name').fill('Scierie des Landes');
  await app.byTestId('add-year-first').click();
  await expect(app.field('closing_date-0')).toHaveValue('2025-12-31');
  // Quick mode is the default: the ten key figures.
  await expect(app.byTestId('entry-mode-quick')).toHaveAttribute('aria-pressed', 'true');
  for (const key of ['revenue', 'ebitda', 'operating_result', 'net_income', 'equity', 'total_assets',
    'trade_receivables', 'trade_payables', 'cash', 'bank_debt']) {
    await expect(app.field(`${key}-0`), key).toBeVisible();
    await expect(app.field(`${key}-0`)).toHaveAttribute('inputmode', 'decimal');
  }

  // Typed key by key, with ordinary spaces between thousands and a decimal comma.
  await app.field('revenue-0').pressSequentially('1 200 000');
  await app.field('total_assets-0').pressSequentially('1 000 000');
  await expect(app.riskClass()).toHaveAttribute('data-value', 'NR'); // no criterion yet
  await app.field('equity-0').pressSequentially('400 000,50');
  await expect(app.fieldError('equity-0')).toHaveCount(0);
  await app.expectVerdict({ class: 'A', score: '100.0000', limit: '60000.00' });
  await expect(app.completeness()).toHaveAttribute('data-value', '0.1200');
  await expect(app.provisional()).toBeVisible();
  await expect(app.termsRecommended()).toHaveAttribute('data-value', '60');
  await expect(app.reviewDue()).toHaveAttribute('data-value', '2027-11-22');

  // The expected sales move the need, and the limit with it.
  await app.field('trade-expected_annual_sales').pressSequentially('120 000');
  await app.expectVerdict({ class: 'A', limit: '11500.00' });
  await app.field('trade-expected_annual_sales').fill('600 000');
  await app.expectVerdict({ class: 'A', limit: '59000.00' });
  await app.field('trade-expected_annual_sales').fill('1 000 000');
  await app.expectVerdict({ class: 'A', limit: '60000.00' });

  // Less equity: a lower class and a capacity bound by the tangible net worth.
  await app.field('equity-0').fill('200 000');
  await app.expectVerdict({ class: 'B', score: '70.0000', limit: '30000.00' });
  await expect(app.termsRecommended()).toHaveAttribute('data-value', '45');

  // A wrong entry: a message at the field, the file keeps its previous value, nothing crashes.
  await app.field('total_assets-0').fill('12abc');
  await expect(app.fieldError('total_assets-0')).toBeVisible();
  await expect(app.fieldError('total_assets-0')).toContainText('Montant invalide');
  await expect(app.field('total_assets-0')).toHaveValue('12abc');
  await expect(app.field('total_assets-0')).toHaveAttribute('aria-invalid', 'true');
  await app.expectVerdict({ class: 'B', score: '70.0000', limit: '30000.00' });

  // The rest keeps working while the wrong entry is still on screen.
  await app.field('trade-guarantees').fill('10 000');
  await app.expectVerdict({ class: 'B', limit: '40000.00' });
  await expect(app.fieldError('total_assets-0')).toBeVisible();

  // Corrected: the message goes, the figure counts.
  await app.field('total_assets-0').fill('500 000');
  await expect(app.fieldError('total_assets-0')).toHaveCount(0);
  await expect(app.field('total_assets-0')).toHaveAttribute('aria-invalid', 'false');
  await app.expectVerdict({ class: 'A', score: '100.0000', limit: '50000.00' });

  // The analysis agrees, and names what binds the limit.
  await app.byTestId('open-analysis').click();
  await expect(app.byTestId('analysis-page')).toBeVisible();
  await app.expectVerdict({ class: 'A', score: '100.0000', limit: '50000.00' });
  await expect(app.limit('need')).toHaveAttribute('data-value', '98630.14');
  await expect(app.limit('capacity')).toHaveAttribute('data-value', '40000.00');
  await expect(app.limit('secured')).toHaveAttribute('data-value', '10000.00');
  await expect(app.limit('binding')).toHaveAttribute('data-value', 'tnw');
  await expect(app.agg('equity')).toHaveAttribute('data-value', '200000.00');
  await expect(app.ratio('equity_ratio')).toHaveAttribute('data-value', '0.4000');

  // And the portfolio lists the file with the same verdict.
  await app.goTo('portfolio');
  await app.expectRowCount(1);
  await app.expectRow(id, { name: 'Scierie des Landes', class: 'A', score: '100.0000', limit: '50000.00' });
  app.expectClean();
});

test('amounts are read the French way and the English way, with any kind of space', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.newClient();
  await app.byTestId('add-year-first').click();
  await app.field('revenue-0').fill('1 200 000');
  await app.field('total_assets-0').fill('1000000.00');
  // Each of these is 400 000,50; the limit shows the equity counted (capacity A = 60 000 either
  // way, so the score and class show it: 0.40 → 100 points).
  const forms = ['400 000,50', '400\u00a0000,50', '400\u202f000,50', '400000.50', '400,000.50', '400.000,50', '€ 400 000,50'];
  for (const text of forms) {
    await app.field('equity-0').fill('');
    await expect(app.riskClass()).toHaveAttribute('data-value', 'NR');
    await app.field('equity-0').fill(text);
    await expect(app.fieldError('equity-0'), text).toHaveCount(0);
    await app.expectVerdict({ class: 'A', score: '100.0000', limit: '60000.00' });
  }
  // Negative amounts with a minus sign (typed or Unicode): equity −12 000 → ratio < 0 → 0 points,
  // class E; TNW ≤ 0 → capacity 0; nothing secured → limit 0.
  for (const text of ['-12 000', '−12 000']) {
    await app.field('equity-0').fill(text);
    await expect(app.fieldError('equity-0'), text).toHaveCount(0);
    await app.expectVerdict({ class: 'E', score: '0.0000', limit: '0.00' });
  }
  // Not amounts: each gets a message, and the last good value stays.
  for (const text of ['12abc', '1 2', '1e5', '--5', '12,5,3']) {
    await app.field('equity-0').fill(text);
    await expect(app.fieldError('equity-0'), text).toBeVisible();
    await app.expectVerdict({ class: 'E', score: '0.0000', limit: '0.00' });
  }
  app.expectClean();
});
