// The demo situation is one tap from the monitoring screen, for a consultant's demo: four demo
// clients' open items on 15/11/2026 (samples/demo-situation.csv), matched by SIREN.
//   encours: Boulangerie 1 300 + 1 500 = 2 800; Menuiserie 4 800 + 9 600 + 6 000 + 7 600 =
//   28 000; TransLog 18 000 + 14 000 + 16 500 + 12 500 = 61 000; Négoce 85 000 + 95 000 − 4 000
//   = 176 000; total 267 800. Past due on 15/11: 1 300 + (4 800 + 9 600) + (18 000 + 14 000 +
//   16 500) + 0 = 64 200. TransLog is over its 54 500 limit.
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

test('the demo situation loads in one tap and feeds the monitoring', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await app.goTo('monitoring');
  await app.byTestId('load-demo-ledger').click();
  await expect(app.byTestId('ledger-customer').and(page.locator('[data-matched="true"]'))).toHaveCount(4);
  await app.confirmImport();
  await expect(app.byTestId('portfolio-encours')).toHaveAttribute('data-value', '267800.00');
  await expect(app.byTestId('portfolio-overdue')).toHaveAttribute('data-value', '64200.00');
  // No dunning done yet: it has cost nothing; the lateness has a cost.
  await expect(app.byTestId('portfolio-cost-dunning')).toHaveAttribute('data-value', '0.00');
  await expect(app.byTestId('portfolio-cost-lateness')).toHaveAttribute('data-value', /^[1-9]\d*\.\d\d$/);
  const first = app.byTestId('monitoring-row').first();
  await expect(first).toHaveAttribute('data-id', 'demo-translog-express');
  await first.click();
  await expect(app.byTestId('ledger-overrun')).toHaveAttribute('data-value', '6500.00');
  await expect(app.byTestId('ledger-as-of')).toHaveAttribute('data-value', '2026-11-15');
  app.expectClean();
});
