// The printable credit report: from a client file, one A4 page with the class and the limit, and
// nothing of the app (navigation, buttons) on paper — for every demo file, in French and English.
// `window.print()` is replaced by a recorder (Encours.stubPrint): the test checks that the button
// asks the browser to print, then lays the page out for paper itself with `page.pdf()`, so nothing
// depends on how a headless Chromium runs a print job of its own.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_VERDICTS, Encours } from './encours';

/** Pages of a PDF: its `/Type /Page` objects (not the `/Type /Pages` tree). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

async function printPdf(page: Page): Promise<Buffer> {
  return page.pdf({ format: 'A4', printBackground: false });
}

/** Presses "Imprimer la fiche": the sheet is drawn, and the browser is asked to print once. */
async function pressPrint(app: Encours) {
  const before = await app.printCalls();
  await app.byTestId('print-report').click();
  await expect(app.byTestId('print-report-sheet')).toBeAttached();
  await expect.poll(() => app.printCalls(), { message: 'window.print() called once' }).toBe(before + 1);
}

/** Opens a demo file's client screen and asks for its report. */
async function openAndPrint(app: Encours, id: string) {
  await app.goTo('portfolio');
  await app.openClient(id);
  await expect(app.byTestId('client-page')).toBeVisible();
  await pressPrint(app);
}

test('Menuiserie Leroy: the report is the only thing printed, on one A4 page', async ({ page }) => {
  const app = new Encours(page);
  await app.stubPrint();
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  const sheet = app.byTestId('print-report-sheet');
  await expect(sheet).toHaveCount(0); // not drawn while nobody prints

  await openAndPrint(app, 'demo-menuiserie-leroy');
  await expect(sheet).toBeHidden(); // on screen, the app stays as it is
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId('report-class')).toHaveAttribute('data-value', 'B');
  await expect(sheet.getByTestId('report-class')).toContainText('Risque faible');
  await expect(sheet.getByTestId('report-limit')).toHaveAttribute('data-value', '35500.00');
  await expect(sheet.getByTestId('report-limit')).toHaveText('35\u202f500\u00a0€');
  await expect(sheet.getByTestId('report-policy')).toHaveAttribute('data-value', /^\d+$/);
  await expect(sheet).toContainText('Menuiserie Leroy');
  await expect(sheet).toContainText('Fiche établie le 22/11/2026');
  // Nothing of the app on paper: no navigation, no button at all.
  await expect(app.root).toBeHidden();
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.locator('button:visible')).toHaveCount(0);
  // Black on white.
  expect(await sheet.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');

  expect(pdfPages(await printPdf(page))).toBe(1);

  // The same from the analysis screen.
  await page.emulateMedia({ media: 'screen' });
  await app.byTestId('open-analysis').click();
  await expect(app.byTestId('analysis-page')).toBeVisible();
  await pressPrint(app);
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId('report-limit')).toHaveAttribute('data-value', '35500.00');
  expect(pdfPages(await printPdf(page))).toBe(1);

  // The dialogue closes: the sheet goes. The browser's own print (Ctrl+P) draws it again.
  await app.afterPrint();
  await expect(sheet).toHaveCount(0);
  await app.beforePrint();
  await expect(sheet.getByTestId('report-limit')).toHaveAttribute('data-value', '35500.00');
  app.expectClean();
});

test('every demo file fits one A4 page, in French and in English', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Encours(page);
  await app.stubPrint();
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  const sheet = app.byTestId('print-report-sheet');
  for (const lang of ['fr', 'en']) {
    if (lang === 'en') {
      await app.switchLanguage('en');
    }
    for (const v of DEMO_VERDICTS) {
      await openAndPrint(app, v.id);
      await page.emulateMedia({ media: 'print' });
      await expect(sheet).toBeVisible();
      await expect(sheet).toHaveAttribute('lang', lang);
      await expect(sheet.getByTestId('report-class')).toHaveAttribute('data-value', v.class);
      await expect(sheet.getByTestId('report-limit')).toHaveAttribute('data-value', v.limit);
      await expect(sheet).toContainText(v.name);
      await expect(sheet).toContainText(lang === 'fr' ? 'Fiche de crédit' : 'Credit report');
      await expect(page.locator('button:visible')).toHaveCount(0);
      expect(pdfPages(await printPdf(page)), `${v.name} (${lang}): pages`).toBe(1);
      await page.emulateMedia({ media: 'screen' });
    }
  }
  // The print dialogue closes (afterprint): the sheet is no longer drawn.
  await app.afterPrint();
  await expect(sheet).toHaveCount(0);
  app.expectClean();
});
