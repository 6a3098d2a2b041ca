// An ERP's open-items CSV (`;`, French headers and amounts, Windows-1252) goes to the demo file
// with the same SIREN (Boulangerie Martin, 732829320), at the situation date chosen in the dialogue.
//
// tests/e2e/fixtures/open-items.csv: F-100 1 200 € due 14/02/2025, open 1 200; F-101 2 400 € due
// 12/03/2025, open 400. At 31/03/2025: encours = 1 600; both past due → overdue 1 600; F-100 is
// 45 days past due (31–60), F-101 19 days (1–30).
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

test('an open-items CSV goes to the file with its SIREN', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate('2025-04-02');
  await app.open();
  await app.loadDemo();
  await app.importLedger('open-items.csv');
  await expect(app.byTestId('ledger-import-dialog')).toBeVisible();
  await expect(app.byTestId('ledger-map-customer_code')).toBeVisible();
  await app.byTestId('ledger-as-of-input').fill('2025-03-31');
  await app.byTestId('ledger-as-of-input').dispatchEvent('change');
  await expect(app.ledgerCustomer('BM01')).toHaveAttribute('data-matched', 'true');
  await app.confirmImport();
  await expect(app.byTestId('ledger-import-dialog')).toBeHidden();

  await app.openClient('demo-boulangerie-martin');
  await app.goTo('ledger');
  const expectFigure = async (id: string, v: string) => expect(app.byTestId(id)).toHaveAttribute('data-value', v);
  await expectFigure('ledger-as-of', '2025-03-31');
  await expectFigure('ledger-codes', 'BM01');
  await expectFigure('ledger-encours', '1600.00');
  await expectFigure('ledger-overdue', '1600.00');
  await expectFigure('aged-31_60', '1200.00');
  await expectFigure('aged-1_30', '400.00');
  await expect(app.byTestId('ledger-item')).toHaveCount(2);
  app.expectClean();
});
