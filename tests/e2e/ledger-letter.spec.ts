// A dunning letter for TransLog Express's next stage (the pre-due reminder of its four open
// invoices, demo situation of 15/11/2026), dated the day pinned, 22/11/2026: penalties run to
// the letter's date on the open amounts at 15/11, at 12.15 % (2026 H1's rate carried on):
//   18 000 × 12.15 % × 114 / 365 = 683.06 (due 31/07); 14 000 × 12.15 % × 69 / 365 = 321.56
//   (due 14/09); 16 500 × 12.15 % × 33 / 365 = 181.25 (due 20/10); T-5590 (due 24/11) not late.
//   Total due = 61 000 + 1 185.87 + 3 × 40 = 62 305.87 €.
// It prints on one A4 page, alone; its text is there to copy; marked sent, the client moves on.
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

test('a letter lists the invoices with penalties at its date, prints on one page, and is marked sent', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.stubPrint();
  // The clipboard, recorded rather than used (how a headless browser grants it varies).
  await page.addInitScript(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: (t: string) => (w.__copied.push(t), Promise.resolve()) },
    });
  });
  await app.open();
  await app.loadDemoSituation();
  await app.byTestId('todays-action').and(page.locator('[data-id="demo-translog-express"]')).click();
  await app.byTestId('letter-open').click();
  const dialog = app.byTestId('letter-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('letter-line')).toHaveCount(4);
  await expect(dialog.getByTestId('letter-total')).toHaveAttribute('data-value', '62305.87');
  await expect(app.byTestId('letter-text')).toHaveValue(/T-5501/);
  await expect(app.byTestId('letter-text')).toHaveValue(/L441-10/);
  await expect(app.byTestId('letter-text')).toHaveValue(/D441-5/);

  await app.byTestId('letter-copy').click();
  await expect(page.getByText('Texte de la lettre copié.')).toBeVisible();
  const copied = await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
  expect(copied).toHaveLength(1);
  expect(copied[0]).toContain('T-5501');
  expect(copied[0]).toEqual(await app.byTestId('letter-text').inputValue());

  // The letter in English, for a client abroad: the same figures, the dialogue stays French.
  await app.byTestId('letter-lang-en').click();
  await expect(app.byTestId('letter-text')).toHaveValue(/Invoice T-5501/);
  await expect(dialog.getByTestId('letter-total')).toHaveAttribute('data-value', '62305.87');
  await expect(app.byTestId('letter-close')).toHaveText('Fermer');
  await app.byTestId('letter-lang-fr').click();
  await expect(app.byTestId('letter-text')).toHaveValue(/Facture T-5501/);

  await app.byTestId('letter-print').click();
  await expect.poll(() => app.printCalls()).toBe(1);
  await expect(app.byTestId('print-letter-sheet')).toBeAttached();
  await page.emulateMedia({ media: 'print' });
  // Only the letter on paper: the app, its dialogue and every button are left off.
  await expect(app.byTestId('print-letter-sheet')).toBeVisible();
  await expect(app.root).toBeHidden();
  await expect(page.locator('button:visible')).toHaveCount(0);
  await expect(app.byTestId('print-letter-sheet')).toContainText('TransLog Express');
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  expect(pages).toBe(1);
  await page.emulateMedia({ media: 'screen' });
  await app.afterPrint();

  await app.byTestId('letter-mark-sent').click();
  await expect(dialog).toBeHidden();
  await expect(app.byTestId('dunning-next')).toHaveAttribute('data-value', 'reminder_1');
  app.expectClean();
});
