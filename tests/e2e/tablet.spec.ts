// On a tablet (touch, mobile viewport), landscape 1024×768 and portrait 768×1024: a demo file and
// its analysis fit the width — the document never scrolls sideways — and the verdict (class and
// recommended limit) is on screen without scrolling. Full-page screenshots of each screen are kept
// in tests/e2e/artifacts/ (the test's output folder).
import { expect, test, type Locator } from '@playwright/test';
import { Encours } from './encours';

const TABLETS = [
  { name: 'landscape', width: 1024, height: 768 },
  { name: 'portrait', width: 768, height: 1024 },
];

/** The element's box lies within the window's width (not cut, not beyond the right edge). */
async function expectWithinWidth(app: Encours, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  expect(box, `${what} has a box`).not.toBeNull();
  const width = await app.page.evaluate(() => window.innerWidth);
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(width);
}

for (const tablet of TABLETS) {
  test.describe(`tablet ${tablet.name} ${tablet.width}×${tablet.height}`, () => {
    test.use({ viewport: { width: tablet.width, height: tablet.height }, hasTouch: true, isMobile: true });

    test('a demo file and its analysis fit the width, the verdict on screen', async ({ page }, testInfo) => {
      const app = new Encours(page);
      await app.pinDate();
      await app.open();
      expect(await page.evaluate(() => window.innerWidth)).toBe(tablet.width);

      await app.byTestId('load-demo').tap();
      await app.expectRowCount(6);
      expect(await app.horizontalOverflow(), 'portfolio: sideways overflow (px)').toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`${tablet.name}-1-portfolio.png`), fullPage: true });

      // A tap on the row opens the file.
      await app.clientRow('demo-menuiserie-leroy').getByTestId('row-name').tap();
      await expect(app.byTestId('client-page')).toBeVisible();
      await expect(app.field('name')).toHaveValue('Menuiserie Leroy');
      await expect(app.riskClass()).toHaveAttribute('data-value', 'B');
      await expect(app.limit('recommended')).toHaveAttribute('data-value', '35500.00');
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      for (const [what, locator] of [['risk class', app.riskClass()], ['recommended limit', app.limit('recommended')]] as const) {
        await expect(locator, `client screen: ${what}`).toBeInViewport();
        await expectWithinWidth(app, locator, `client screen: ${what}`);
      }
      expect(await app.horizontalOverflow(), 'client screen: sideways overflow (px)').toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`${tablet.name}-2-client.png`), fullPage: true });

      // The statements in complete mode (every line, years as columns) still fit the page: the
      // table may scroll inside its own box, the document does not.
      await app.byTestId('entry-mode-complete').tap();
      await expect(app.field('tangible_assets-0')).toBeVisible();
      expect(await app.horizontalOverflow(), 'client screen, complete mode: sideways overflow (px)').toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`${tablet.name}-3-client-complete.png`), fullPage: true });

      // Typing with the on-screen keypad keeps the verdict in view (landscape: beside the form).
      // Expected sales 60 000 at 45 days end of month (60 days): need = 60 000 × 1.2 × 60 / 365
      // = 11 835.62 → limit 11 500; back to 180 000: need 35 506.85 → 35 500.
      await app.field('trade-expected_annual_sales').tap();
      await app.field('trade-expected_annual_sales').fill('60 000');
      await expect(app.limit('recommended')).toHaveAttribute('data-value', '11500.00');
      if (tablet.name === 'landscape') await expect(app.limit('recommended')).toBeInViewport();
      await app.field('trade-expected_annual_sales').fill('180 000');
      await expect(app.limit('recommended')).toHaveAttribute('data-value', '35500.00');
      await app.field('trade-expected_annual_sales').blur();

      // The analysis.
      await app.byTestId('open-analysis').tap();
      await expect(app.byTestId('analysis-page')).toBeVisible();
      // (Where the new screen opens is the next test; here, the layout at the top of the page.)
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(app.riskClass()).toHaveAttribute('data-value', 'B');
      for (const [what, locator] of [['risk class', app.riskClass()], ['recommended limit', app.limit('recommended')]] as const) {
        await expect(locator, `analysis: ${what}`).toBeInViewport();
        await expectWithinWidth(app, locator, `analysis: ${what}`);
      }
      expect(await app.horizontalOverflow(), 'analysis: sideways overflow (px)').toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`${tablet.name}-4-analysis.png`), fullPage: true });

      // A ratio's explanation opened: still no sideways scroll.
      await app.ratio('equity_ratio').tap();
      await expect(app.byTestId('explain-ratio-equity_ratio')).toBeVisible();
      expect(await app.horizontalOverflow(), 'analysis, explanation open: sideways overflow (px)').toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`${tablet.name}-5-analysis-explain.png`), fullPage: true });
      app.expectClean();
    });
  });
}

test.describe('tablet portrait, switching screens', () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });

  test('a screen opens at its top, verdict first, wherever the previous one was scrolled', async ({ page }, testInfo) => {
    const app = new Encours(page);
    await app.pinDate();
    await app.open();
    await app.byTestId('load-demo').tap();
    await app.expectRowCount(6);
    await app.clientRow('demo-menuiserie-leroy').getByTestId('row-name').tap();
    await expect(app.byTestId('client-page')).toBeVisible();
    expect(await page.evaluate(() => window.scrollY), 'a file opens at its top').toBe(0);

    // Down to the notes at the bottom of the file, then the analysis from the navigation bar.
    await app.field('notes').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await app.byTestId('nav-analysis').tap();
    await expect(app.byTestId('analysis-page')).toBeVisible();
    await app.settle();
    await page.screenshot({ path: testInfo.outputPath('portrait-analysis-after-switch.png') });
    expect(await page.evaluate(() => window.scrollY), 'the analysis opens at its top').toBe(0);
    await expect(app.riskClass()).toBeInViewport();
    await expect(app.limit('recommended')).toBeInViewport();
  });
});
