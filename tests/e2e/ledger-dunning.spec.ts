// Penalties and dunning on the demo situation (15/11/2026), the day pinned to 22/11/2026.
// TransLog Express (class D) owes, past due on 15/11: T-5501 18 000 € due 31/07 (107 days late),
// T-5530 14 000 € due 14/09 (62 days), T-5562 16 500 € due 20/10 (26 days). 2026 H2 is after the
// table's last row (2026 H1, ECB 2.15 % + 10 = 12.15 %), whose rate is carried on:
//   18 000 × 12.15 % × 107 / 365 = 641.12; 14 000 × 12.15 % × 62 / 365 = 288.94;
//   16 500 × 12.15 % × 26 / 365 = 142.80; interest 1 072.86 €, indemnity 3 × 40 = 120 €.
// Every stage whose date has passed is due until it is done (RECEIVABLES.md §7 read as written):
// the next one is the earliest, the pre-due reminder; marked sent, the client moves to
// reminder 1; undone, it comes back. The overdue (48 500 €) is above 1 500 €: litigation.
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

test('penalties, the next dunning stage marked sent and undone, litigation proposed', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemoSituation();
  const todays = app.byTestId('todays-action').and(page.locator('[data-id="demo-translog-express"]'));
  await expect(todays).toHaveAttribute('data-stage', 'pre_due');
  await todays.click();

  const expectFigure = async (id: string, v: string) => expect(app.byTestId(id)).toHaveAttribute('data-value', v);
  await expectFigure('penalties-interest', '1072.86');
  await expectFigure('penalties-indemnity', '120.00');
  await expectFigure('penalties-invoices', '3');
  await expectFigure('dunning-proposal', 'litigation');
  await expectFigure('dunning-next', 'pre_due');
  await app.byTestId('dunning-mark-sent').click();
  await expectFigure('dunning-next', 'reminder_1');
  await expect(app.byTestId('dunning-action')).toHaveCount(1);

  await app.reload();
  await expectFigure('dunning-next', 'reminder_1');
  await app.byTestId('dunning-undo').click();
  await expectFigure('dunning-next', 'pre_due');
  await expect(app.byTestId('dunning-action')).toHaveCount(0);

  // The litigation summary: the three late invoices at 15/11 with their penalties:
  // 48 500 + 1 072.86 + 120 = 49 692.86 €.
  await app.byTestId('litigation-open').click();
  const dialog = app.byTestId('letter-dialog');
  await expect(dialog.getByTestId('letter-title')).toContainText('Fiche contentieux');
  await expect(dialog.getByTestId('letter-line')).toHaveCount(3);
  await expect(dialog.getByTestId('letter-total')).toHaveAttribute('data-value', '49692.86');
  await expect(app.byTestId('letter-mark-sent')).toHaveCount(0);
  await app.byTestId('letter-close').click();
  await expect(dialog).toHaveCount(0);
  app.expectClean();
});
