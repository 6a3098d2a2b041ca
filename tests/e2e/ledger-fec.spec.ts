// A FEC imported from the portfolio gives each customer's ledger, with the figures of
// docs/receivables.md §5 computed by hand below, and it survives a reload.
//
// tests/e2e/fixtures/ledger.fec.txt (TAB, CR LF, decimal commas), situation date 31/03/2025:
//   C001 Alpha SARL: FA001 1 200 € on 10/01 paid 20/02 (lettered A with RG001), FA002 2 400 € on
//   15/02, FA003 600 € on 01/03. C002 Beta SA: FA004 3 000 € on 31/03.
// The files created have no terms: due dates at 30 days net ("délai par défaut").
//   C001: FA002 due 17/03 (14 days past due at 31/03 → 1–30), FA003 due 31/03 (not past due).
//   encours = 2 400 + 600 = 3 000; overdue = 2 400; aged: not_due 600, 1_30 2 400.
//   Count-back DSO, R = 3 000: March (31 days) sales 600 < R → R = 2 400, 31 days; February
//   (28 days) sales 2 400 ≥ R → + 2 400 / 2 400 × 28 = 28 → 59. Best possible, R = 600: March
//   600 ≥ R → 600 / 600 × 31 = 31. ADD = 59 − 31 = 28. Accounting DSO: history from 10/01/2025,
//   after 01/04/2024 → absent. Days late: FA001 due 09/02, paid 20/02 → 11 days, 1 invoice.
//   No statement → recommended limit 0 → overrun 3 000, use absent; with 5 000 authorised:
//   overrun 0, use 3 000 / 5 000 = 0.6.
// The comments next to each step say what is checked.
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

test('a FEC creates the unmatched customers and gives their ledger figures', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate('2025-04-02');
  await app.open();
  await app.loadDemo();
  await app.importLedger('ledger.fec.txt');
  const dialog = app.byTestId('ledger-import-dialog');
  await expect(dialog).toBeVisible();
  await expect(app.byTestId('ledger-as-of-input')).toHaveValue('2025-03-31');
  await expect(app.byTestId('ledger-customer')).toHaveCount(2);
  await expect(app.ledgerCustomer('C001')).toHaveAttribute('data-matched', 'false');
  // Nothing stored before the confirmation.
  expect(Object.keys(await app.storage()).filter((k) => k.includes('client-c00'))).toEqual([]);
  await app.byTestId('ledger-create-all').click();
  await app.confirmImport();
  await expect(dialog).toBeHidden();

  // The overrun shows in the portfolio and on the verdict card.
  await expect(app.clientRow('client-c001').getByTestId('row-overrun')).toBeVisible();
  await app.openClient('client-c001');
  await expect(app.byTestId('verdict-overrun')).toHaveAttribute('data-value', '3000.00');
  await app.goTo('monitoring');
  await expect(app.byTestId('portfolio-encours')).toHaveAttribute('data-value', '6000.00');
  await expect(app.byTestId('portfolio-overdue')).toHaveAttribute('data-value', '2400.00');
  await expect(app.byTestId('portfolio-overruns')).toHaveAttribute('data-value', '2');
  await app.byTestId('monitoring-row').and(page.locator('[data-id="client-c001"]')).click();

  const expectFigure = async (id: string, v: string) => expect(app.byTestId(id)).toHaveAttribute('data-value', v);
  await expectFigure('ledger-as-of', '2025-03-31');
  await expectFigure('ledger-codes', 'C001');
  await expectFigure('ledger-encours', '3000.00');
  await expectFigure('ledger-overdue', '2400.00');
  await expectFigure('aged-not_due', '600.00');
  await expectFigure('aged-1_30', '2400.00');
  await expectFigure('aged-31_60', '0.00');
  await expectFigure('aged-unapplied', '0.00');
  await expectFigure('dso-count_back', '59.0000');
  await expectFigure('dso-best_possible', '31.0000');
  await expectFigure('dso-add', '28.0000');
  await expectFigure('dso-accounting', '');
  await expectFigure('days-late-weighted', '11.0000');
  await expectFigure('days-late-count', '1');
  await expectFigure('ledger-limit', '0.00');
  await expectFigure('ledger-overrun', '3000.00');
  await expectFigure('ledger-use', '');
  await expect(app.byTestId('ledger-default-terms')).toBeVisible();
  // Sales and encours by month: sales 1 200 / 2 400 / 600; encours at the month ends 1 200 (FA001
  // paid on 20/02), 2 400 (FA002), 3 000 (FA002 + FA003) — the last one is the encours.
  const month = (m: string) => app.byTestId('month-row').and(page.locator(`[data-month="${m}"]`));
  for (const [m, sales, encours] of [['2025-01', '1200.00', '1200.00'], ['2025-02', '2400.00', '2400.00'], ['2025-03', '600.00', '3000.00']]) {
    await expect(month(m).getByTestId('month-sales')).toHaveAttribute('data-value', sales);
    await expect(month(m).getByTestId('month-encours')).toHaveAttribute('data-value', encours);
  }

  await app.byTestId('field-authorised_limit').fill('5 000');
  await app.byTestId('field-authorised_limit').blur();
  await expectFigure('ledger-limit', '5000.00');
  await expectFigure('ledger-overrun', '0.00');
  await expectFigure('ledger-use', '0.6000');

  await app.reload();
  await expectFigure('ledger-encours', '3000.00');
  await expectFigure('ledger-limit', '5000.00');
  app.expectClean();
});

test('a FEC with a line of the wrong length is refused with its line, nothing stored', async ({ page }) => {
  const app = new Encours(page);
  await app.open();
  await app.loadDemo();
  const before = await app.storage();
  await app.importLedger('ledger-bad.fec.txt');
  await expect(app.importError).toContainText('ligne 5');
  await expect(app.importError).toContainText('Rien n\'a été modifié');
  expect(await app.storage()).toEqual(before);
});
