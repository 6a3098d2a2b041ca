// The app writes an edit in the task right after it (a zero timeout), so a keystroke's figures
// reach the screen first; leaving the page before that task runs still writes the edit (on
// `pagehide`). Here zero-delay timeouts are held back, so the edit can only reach storage through
// the write on leaving: the test fails if that write is missing.
//
// Figures: Boulangerie Martin (demo), expected sales 36 000 → 72 000 moves the limit from
// 3 500 to 7 500 (class A, 98.75; arithmetic in reload.spec.ts).
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

type Held = { __hold?: boolean; __held: unknown[] };

test('an edit typed just before the page is left is saved', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await page.addInitScript(() => {
    const w = window as unknown as Held;
    const original = window.setTimeout.bind(window);
    w.__held = [];
    window.setTimeout = ((fn: TimerHandler, delay?: number, ...args: unknown[]) => {
      if (w.__hold && !delay) {
        w.__held.push(fn);
        return 0;
      }
      return original(fn, delay, ...args);
    }) as typeof window.setTimeout;
  });
  await app.open();
  await app.loadDemo();
  await app.openClient('demo-boulangerie-martin');
  await app.expectVerdict({ class: 'A', score: '98.7500', limit: '3500.00' });
  await app.settle();
  const before = (await app.storedClient('demo-boulangerie-martin'))?.trade;

  await page.evaluate(() => ((window as unknown as Held).__hold = true));
  await app.field('trade-expected_annual_sales').fill('72 000');
  await app.expectVerdict({ class: 'A', score: '98.7500', limit: '7500.00' });
  await app.settle();
  // Shown but not written yet: the write waits for its task, held here.
  expect(await page.evaluate(() => (window as unknown as Held).__held.length)).toBeGreaterThan(0);
  expect((await app.storedClient('demo-boulangerie-martin'))?.trade).toEqual(before);

  // Leaving the page (a reload) writes it.
  await app.reload();
  await expect(app.field('trade-expected_annual_sales')).toHaveValue('72000');
  await app.expectVerdict({ class: 'A', score: '98.7500', limit: '7500.00' });
  expect((await app.storedClient('demo-boulangerie-martin'))?.trade).toMatchObject({
    expected_annual_sales: '72000',
  });
  app.expectClean();
});
