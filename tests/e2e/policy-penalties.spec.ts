// The penalty rules and the dunning plan are edited in the policy screen, checked there, and
// applied once saved. A contractual rate of 5 % replaces the table for TransLog Express's three
// late invoices of the demo situation (15/11/2026):
//   18 000 × 5 % × 107 / 365 = 263.84; 14 000 × 5 % × 62 / 365 = 118.90;
//   16 500 × 5 % × 26 / 365 = 58.77; interest 441.51 €. 5 % is below three times 2026 H1's legal
//   rate (3 × 2.62 % = 7.86 %, carried on to 2026 H2 like the ECB rate): flagged as illegal.
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

test('a contractual rate and a dunning stage edited in the policy reach the ledger', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemoSituation();

  await app.goTo('policy');
  // A stage out of order is refused at its place in the plan.
  await app.byTestId('policy-stage-D-reminder_2').fill('0');
  await expect(app.byTestId('policy-error').and(page.locator('[data-path="receivables.dunning"]')).first()).toBeVisible();
  await app.byTestId('policy-stage-D-reminder_2').fill('7');
  await app.byTestId('policy-contractual-rate').fill('5');
  // Class D's pre-due reminder removed: TransLog's next stage becomes reminder 1.
  await app.byTestId('policy-stage-D-pre_due').fill('');
  await app.previewPolicy();
  await app.savePolicy('taux contractuel');

  await app.goTo('monitoring');
  await app.byTestId('todays-action').and(page.locator('[data-id="demo-translog-express"]')).click();
  await expect(app.byTestId('penalties-interest')).toHaveAttribute('data-value', '441.51');
  await expect(app.byTestId('penalties-illegal')).toBeVisible();
  await expect(app.byTestId('dunning-next')).toHaveAttribute('data-value', 'reminder_1');
  app.expectClean();
});
