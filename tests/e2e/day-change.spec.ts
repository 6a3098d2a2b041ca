// The date follows the clock: a tab left open past midnight rates files, and computes their
// review date, with the new day (Playwright's clock is moved forward; the app checks the day
// every 30 seconds and whenever the tab comes back into view).
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

/** An ISO date plus one day. */
function nextDay(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

test('past midnight, a file re-rated takes the new day for its rating and its review', async ({ page }) => {
  const app = new Encours(page);
  // 23:59 in Paris on 22 November; time flows, timers are the clock's.
  await page.clock.install({ time: new Date('2026-11-22T23:59:00+01:00') });
  await app.open();
  await app.loadDemo();
  await app.openClient('demo-menuiserie-leroy');
  await expect.poll(async () => (await app.storedClient('demo-menuiserie-leroy'))?.rating).toMatchObject({
    rated_on: '2026-11-22',
  });
  const review = app.byTestId('review-due');
  const before = (await review.getAttribute('data-value')) ?? '';
  expect(before).toMatch(/^2027-|^2026-/);

  // Two minutes later: 00:01 on 23 November.
  await page.clock.fastForward('02:00');
  await expect(review).toHaveAttribute('data-value', nextDay(before));

  // An edit re-rates the file under the policy in force: dated the new day.
  await app.field('notes').fill('Revu après minuit.');
  await expect.poll(async () => (await app.storedClient('demo-menuiserie-leroy'))?.rating).toMatchObject({
    rated_on: '2026-11-23',
  });
  await app.goTo('portfolio');
  await expect(app.clientRow('demo-menuiserie-leroy').getByTestId('row-review')).toHaveAttribute(
    'data-value',
    nextDay(before),
  );
  app.expectClean();
});
