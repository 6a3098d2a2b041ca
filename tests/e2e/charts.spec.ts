// Charts: exposure and count by class on the portfolio, the score by criterion and the key
// ratios over the years on the analysis, each bar or point carrying the figure it draws.
import { expect, test } from '@playwright/test';
import { CRITERIA, Encours } from './encours';

/** A French number as shown ("12,3", "1 234,5") as a JS number. */
function frNumber(text: string): number {
  return Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));
}

test('portfolio: exposure and count by class of the demo portfolio', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  const chart = app.byTestId('chart-classes');
  await expect(chart.locator('svg')).toHaveAttribute('role', 'img');
  // Sums made by hand in tests/portfolio.rs: A = 3 500 + 236 500; D = 54 500 + 0.
  const expected = {
    A: ['240000.00', '2'],
    B: ['35500.00', '1'],
    C: ['0.00', '0'],
    D: ['54500.00', '2'],
    E: ['0.00', '1'],
    NR: ['0.00', '0'],
  };
  for (const [cls, [exposure, count]] of Object.entries(expected)) {
    const bar = app.byTestId(`chart-class-${cls}`);
    await expect(bar).toHaveAttribute('data-value', exposure);
    await expect(bar).toHaveAttribute('data-count', count);
    await expect(bar).toContainText(cls); // the letter, never colour alone
  }
  await expect(chart.locator('svg')).toHaveAttribute('aria-label', /A 240\u202f000\u00a0€ \(2 dossiers\)/);

  // A deleted file leaves its class: B goes down to no file.
  await app.clientRow('demo-menuiserie-leroy').getByTestId('row-delete').click();
  await expect(app.byTestId('chart-class-B')).toHaveAttribute('data-value', '0.00');
  await expect(app.byTestId('chart-class-B')).toHaveAttribute('data-count', '0');
  app.expectClean();
});

test('analysis: the criteria chart draws the contributions of the grid', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.openDemoAnalysis('demo-menuiserie-leroy');
  await expect(app.riskClass()).toHaveAttribute('data-value', 'B');
  let sum = 0;
  for (const key of CRITERIA) {
    const bar = app.byTestId(`chart-criterion-${key}`);
    await expect(bar).toHaveCount(1);
    // Its points are the grid's, and its contribution the one the grid's table shows.
    expect(await bar.getAttribute('data-points')).toBe(await app.value(app.criterion(key)));
    const contribution = Number(await bar.getAttribute('data-value'));
    const row = page.locator('.grid-table tr', { has: app.criterion(key) });
    const shown = frNumber(await row.locator('td').nth(4).innerText());
    expect(Math.abs(contribution - shown), `${key}: ${contribution} vs ${shown}`).toBeLessThanOrEqual(0.05);
    sum += contribution;
  }
  // The contributions add up to the score (69.3, Menuiserie Leroy).
  expect(Math.abs(sum - Number(await app.value(app.score())))).toBeLessThan(0.001);
  await expect(app.byTestId('chart-criteria').locator('svg')).toHaveAttribute('role', 'img');
  app.expectClean();
});

test('analysis: one point per year on each ratio chart, as in the ratio table', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.openDemoAnalysis('demo-menuiserie-leroy');
  await expect(app.riskClass()).toHaveAttribute('data-value', 'B');
  const years = await page.locator('.ratio-table thead th .year-name').count();
  expect(years).toBe(2); // Menuiserie Leroy has two fiscal years
  for (const key of ['equity_ratio', 'gearing', 'repayment_capacity', 'current_ratio', 'dso_days', 'ebitda_margin']) {
    const points = app.byTestId(`chart-ratio-${key}`);
    await expect(points).toHaveCount(years);
    // Chart: oldest first with the closing date; table: latest first.
    const chart = await points.evaluateAll((els) =>
      els
        .map((el) => [el.getAttribute('data-year') ?? '', el.getAttribute('data-value') ?? ''])
        .sort((a, b) => b[0].localeCompare(a[0]))
        .map(([, v]) => v),
    );
    const table = await page
      .locator('.ratio-table tr', { has: app.ratio(key) })
      .locator('.ratio-value')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-value') ?? ''));
    expect(chart, key).toEqual(table);
    expect(chart[0], key).toBe(await app.value(app.ratio(key)));
    expect(chart.every((v) => v !== ''), key).toBe(true);
    await expect(app.byTestId(`chart-panel-${key}`).locator('svg')).toHaveAttribute('role', 'img');
  }
  app.expectClean();
});
