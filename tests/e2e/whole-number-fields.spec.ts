// The whole-number fields of a fiscal year (length in months, average headcount): a valid entry
// is stored at once; a wrong one is refused at its field and the stored file keeps its value.
//
// Boulangerie Martin (demo), latest year closed 2025-12-31: 12 months, headcount 10.
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

const ID = 'demo-boulangerie-martin';

test('the length and headcount of a year take whole numbers and refuse the rest at the field', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await app.openClient(ID);

  /** The stored latest year's length and headcount. */
  const stored = async () => {
    await app.settle();
    const client = await app.storedClient(ID);
    const years = (client?.statements ?? []) as { closing_date: string; duration_months?: number; headcount?: number }[];
    const latest = years.find((s) => s.closing_date === '2025-12-31');
    return { months: latest?.duration_months, headcount: latest?.headcount };
  };

  // Column 0 is the latest year.
  await expect(app.field('duration_months-0')).toHaveValue('12');
  await expect(app.field('headcount-0')).toHaveValue('10');
  await expect(app.field('headcount-0')).toHaveAttribute('inputmode', 'numeric');

  await app.field('headcount-0').fill('14');
  expect(await stored()).toEqual({ months: 12, headcount: 14 });

  // 25 months is beyond the 24 allowed, 7,5 is not whole: refused where typed, nothing stored.
  await app.field('duration_months-0').fill('25');
  await expect(app.fieldError('duration_months-0')).toBeVisible();
  expect(await stored()).toEqual({ months: 12, headcount: 14 });
  await app.field('headcount-0').fill('7,5');
  await expect(app.fieldError('headcount-0')).toBeVisible();
  expect(await stored()).toEqual({ months: 12, headcount: 14 });

  // Corrected, each is stored and its message goes.
  await app.field('duration_months-0').fill('6');
  await expect(app.fieldError('duration_months-0')).toHaveCount(0);
  await app.field('headcount-0').fill('');
  await expect(app.fieldError('headcount-0')).toHaveCount(0);
  expect(await stored()).toEqual({ months: 6, headcount: undefined });

  // Shown as stored after a reload.
  await app.reload();
  await expect(app.field('duration_months-0')).toHaveValue('6');
  await expect(app.field('headcount-0')).toHaveValue('');
  app.expectClean();
});
