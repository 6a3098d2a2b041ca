// The credit manager's own policy (FINANCE.md §3–6): edited on the Policy screen, validated at the
// field, previewed on the portfolio, saved as a version, recorded by each file's rating, exported
// and imported as JSON, stored across reloads.
//
// Figures: the demo portfolio at DEMO_DATE, default policy (DEMO_VERDICTS, checked by hand in
// tests/engine_demo.rs). Menuiserie Leroy scores 69.30: class B (65–80) by default, class C when
// B starts at 70, its limit (35 500 €, bound by its need) unchanged either way; no other demo file
// scores between 65 and 70.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO_VERDICTS, Encours, newContext } from './encours';

const LEROY = 'demo-menuiserie-leroy';
const HISTORY_KEY = 'encours.policy_history';

test('the editor shows percentages as typed, keeps a running total and refuses an unbalanced grid', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await app.goTo('policy');
  await expect(app.policyPage).toBeVisible();
  expect(await app.policyVersion()).toBe('1');

  // Percentages are shown as percentages, numbers the French way.
  await expect(app.policyField('vat')).toHaveValue('20');
  await expect(app.policyField('provisional')).toHaveValue('60');
  await expect(app.policyField('limit-a-tnw')).toHaveValue('20');
  await expect(app.policyField('limit-c-revenue')).toHaveValue('2,5');
  await expect(app.policyField('band-equity_ratio-0-bound')).toHaveValue('30');
  await expect(app.policyField('band-gearing-0-bound')).toHaveValue('0,5');
  await expect(app.policyField('threshold-b')).toHaveValue('65');
  await expect(app.policyField('rounding')).toHaveValue('500');
  await expect(app.policyField('ratio-dso_days-good')).toHaveValue('45');
  await expect(app.policyField('total-weight')).toHaveAttribute('data-value', '100');
  await expect(app.byTestId('policy-error')).toHaveCount(0);

  // A weight raised: the total follows, the message is at the total, nothing can be saved.
  await app.setPolicyField('weight-gearing', '10');
  await expect(app.policyField('total-weight')).toHaveAttribute('data-value', '102');
  const sum = app.page.locator('[data-testid="policy-error"][data-path="criteria"]');
  await expect(sum).toHaveCount(1);
  await expect(sum).toContainText('102');
  await expect(sum).toContainText('100');
  await expect(app.byTestId('policy-problems')).toHaveAttribute('data-value', '1');
  await expect(app.byTestId('policy-preview')).toBeDisabled();
  await expect(app.byTestId('policy-save')).toBeDisabled();

  // Text that is not a number stays as typed, with its message at the field.
  await app.setPolicyField('weight-dpo_days', '5 x');
  await expect(app.policyField('weight-dpo_days')).toHaveValue('5 x');
  await expect(app.policyField('weight-dpo_days')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.page.locator('[data-testid="policy-error"][data-path="criteria.dpo_days.weight"]')).toBeVisible();
  await app.setPolicyField('weight-dpo_days', '5');
  await expect(app.page.locator('[data-testid="policy-error"][data-path="criteria.dpo_days.weight"]')).toHaveCount(0);

  // Class thresholds must decrease; points stay within 0–100; a bound out of order is named.
  await app.setPolicyField('threshold-c', '70');
  await expect(app.page.locator('[data-testid="policy-error"][data-path="classes"]')).toBeVisible();
  await app.setPolicyField('threshold-c', '50');
  await app.setPolicyField('band-gearing-1-points', '120');
  await expect(app.page.locator('[data-testid="policy-error"][data-path="criteria.gearing.bands[1].points"]')).toBeVisible();
  await app.setPolicyField('band-gearing-1-points', '70');
  await app.setPolicyField('band-gearing-1-bound', '0,4');
  await expect(app.page.locator('[data-testid="policy-error"][data-path="criteria.gearing.bands[1].bound"]')).toBeVisible();
  await app.setPolicyField('band-gearing-1-bound', '1');
  await expect(app.page.locator('[data-testid="policy-error"][data-path="criteria"]')).toHaveCount(1);

  // Nothing half-saved: a reload finds the policy in force, untouched.
  await app.reload();
  await app.goTo('policy');
  expect(await app.policyVersion()).toBe('1');
  await expect(app.policyField('weight-gearing')).toHaveValue('8');
  expect(Object.keys(await app.storage())).not.toContain(HISTORY_KEY);

  // Balanced (gearing 10, company age 6), English style typed: previewed, then saved.
  await app.setPolicyField('weight-gearing', '10.0');
  await app.setPolicyField('weight-company_age', '6');
  await expect(app.policyField('total-weight')).toHaveAttribute('data-value', '100');
  await expect(app.byTestId('policy-error')).toHaveCount(0);
  await expect(app.byTestId('policy-save')).toBeDisabled(); // not previewed yet
  await app.previewPolicy();
  const items = await app.policyPreviewItems();
  await expect(app.byTestId('policy-preview-count')).toHaveAttribute('data-value', String(items.length));
  expect(await app.savePolicy('Endettement renforcé')).toBe('2');
  expect(await app.policyVersion()).toBe('2');

  await app.reload();
  await app.goTo('policy');
  expect(await app.policyVersion()).toBe('2');
  await expect(app.policyField('weight-gearing')).toHaveValue('10');
  await expect(app.policyField('weight-company_age')).toHaveValue('6');
  await expect(app.byTestId('policy-version-item')).toHaveCount(2);
  app.expectClean();
});

test("raising class B's threshold moves Menuiserie Leroy from B to C, saved as version 2, files re-rated", async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  // Every file is rated under the policy in force when it arrives.
  await expect(app.byTestId('rating-outdated')).toHaveCount(0);

  await app.goTo('policy');
  await app.setPolicyField('threshold-b', '70');
  await app.previewPolicy();
  await expect(app.byTestId('policy-preview-count')).toHaveAttribute('data-value', '1');
  expect(await app.policyPreviewItems()).toEqual([
    { id: LEROY, oldClass: 'B', newClass: 'C', oldLimit: '35500.00', newLimit: '35500.00' },
  ]);
  expect(await app.savePolicy('Seuil B relevé à 70')).toBe('2');
  expect(await app.policyVersion()).toBe('2');
  const versions = app.byTestId('policy-version-item');
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toHaveAttribute('data-version', '2');
  await expect(versions.first()).toContainText('22/11/2026');
  await expect(versions.first()).toContainText('Seuil B relevé à 70');

  // The portfolio is re-rated: Leroy in C, its limit unchanged; the other files as they were.
  await app.goTo('portfolio');
  await app.expectRow(LEROY, { class: 'C', score: '69.3000', limit: '35500.00' });
  for (const d of DEMO_VERDICTS.filter((d) => d.id !== LEROY)) await app.expectRow(d.id, d);
  // Each file's recorded rating is from version 1: it says so, with a one-tap re-rate.
  await expect(app.byTestId('rating-outdated')).toHaveCount(DEMO_VERDICTS.length);
  await expect(app.clientRow(LEROY).getByTestId('rating-outdated')).toHaveAttribute('data-version', '1');
  await app.clientRow(LEROY).getByTestId('rerate').click();
  await expect(app.clientRow(LEROY).getByTestId('rating-outdated')).toHaveCount(0);
  await expect(app.byTestId('portfolio-page')).toBeVisible(); // the tap did not open the file
  await expect(app.byTestId('rating-outdated')).toHaveCount(DEMO_VERDICTS.length - 1);
  await expect
    .poll(async () => ((await app.storedClient(LEROY)) as { rating?: { policy_version: number; class: string } })?.rating)
    .toMatchObject({ policy_version: 2, class: 'C' });

  // The rest in one tap from the policy screen.
  await app.goTo('policy');
  await expect(app.byTestId('policy-outdated')).toHaveAttribute('data-value', String(DEMO_VERDICTS.length - 1));
  await app.byTestId('policy-rerate-all').click();
  await expect(app.byTestId('policy-outdated')).toHaveCount(0);

  // Stored: a reload finds version 2.
  await app.reload();
  await app.goTo('policy');
  expect(await app.policyVersion()).toBe('2');
  await expect(app.policyField('threshold-b')).toHaveValue('70');

  // Version 1 stays readable, read-only.
  await app.byTestId('policy-view-1').click();
  await expect(app.byTestId('policy-viewing')).toHaveAttribute('data-value', '1');
  await expect(app.policyField('threshold-b')).toHaveValue('65');
  await expect(app.policyField('threshold-b')).toBeDisabled();
  await app.byTestId('policy-view-close').click();
  await expect(app.policyField('threshold-b')).toHaveValue('70');

  // Going back to version 1 saves it again as version 3: Leroy is B again.
  await app.byTestId('policy-revert-1').click();
  await expect(app.byTestId('policy-saved')).toHaveAttribute('data-value', '3');
  expect(await app.policyVersion()).toBe('3');
  await expect(app.policyField('threshold-b')).toHaveValue('65');
  await expect(app.byTestId('policy-version-item')).toHaveCount(3);
  await app.goTo('portfolio');
  await app.expectRow(LEROY, { class: 'B', score: '69.3000', limit: '35500.00' });

  // Back to the defaults, after one confirmation: nothing to save, the rules are the defaults.
  await app.goTo('policy');
  await app.byTestId('policy-reset').click();
  await app.byTestId('policy-reset-cancel').click();
  await expect(app.byTestId('policy-reset-confirm')).toHaveCount(0);
  await app.byTestId('policy-reset').click();
  await app.byTestId('policy-reset-confirm').click();
  await expect(app.byTestId('policy-save-error')).toContainText('aucune règle ne change');
  expect(await app.policyVersion()).toBe('3');
  // From other rules, the defaults come back as a new version.
  await app.setPolicyField('vat', '5,5');
  await app.previewPolicy();
  expect(await app.savePolicy()).toBe('4');
  await app.byTestId('policy-reset').click();
  await app.byTestId('policy-reset-confirm').click();
  await expect(app.byTestId('policy-saved')).toHaveAttribute('data-value', '5');
  await expect(app.policyField('vat')).toHaveValue('20');
  app.expectClean();
});

test('export a policy, import it in a fresh browser: the same ratings', async ({ page, browser }, testInfo) => {
  const source = new Encours(page);
  await source.pinDate();
  await source.open();
  await source.loadDemo();
  await source.goTo('policy');
  await source.setPolicyField('threshold-b', '70');
  await source.setPolicyField('limit-b-tnw', '12,5');
  await source.setPolicyField('limit-d-revenue', '0,5');
  await source.previewPolicy();
  expect(await source.savePolicy()).toBe('2');

  const download = await source.exportPolicy();
  expect(download.suggestedFilename()).toMatch(/^encours-politique-v2-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(exported.version).toBe(2);
  expect(Number(exported.classes.b)).toBe(70);
  expect(Number(exported.limits.find((l: { class: string }) => l.class === 'B').tnw_share)).toBe(0.125);

  await source.goTo('portfolio');
  const before = new Map<string, Awaited<ReturnType<Encours['rowFigures']>>>();
  for (const d of DEMO_VERDICTS) before.set(d.id, await source.rowFigures(d.id));
  expect(before.get(LEROY)?.class).toBe('C');
  source.expectClean();

  const context = await newContext(browser, testInfo);
  try {
    const target = new Encours(await context.newPage());
    await target.pinDate();
    await target.open();
    await target.loadDemo();
    await target.goTo('policy');
    expect(await target.policyVersion()).toBe('1');
    await target.importPolicy(file);
    await expect(target.byTestId('policy-import-ok')).toBeVisible();
    // Imported into the draft and previewed; saved as this browser's next version.
    await expect(target.policyField('threshold-b')).toHaveValue('70');
    await expect(target.policyField('limit-b-tnw')).toHaveValue('12,5');
    await expect(target.byTestId('policy-preview-list')).toBeAttached();
    expect((await target.policyPreviewItems()).map((i) => i.id)).toContain(LEROY);
    expect(await target.savePolicy()).toBe('2');

    await target.goTo('portfolio');
    for (const d of DEMO_VERDICTS) expect(await target.rowFigures(d.id), d.id).toEqual(before.get(d.id));
    target.expectClean();
  } finally {
    await context.close();
  }
});

test('a policy file that breaks the rules is refused with its place, and nothing changes', async ({ page }, testInfo) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.goTo('policy');
  const download = await app.exportPolicy();
  const policy = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
  const before = await app.storage();

  const gearing = policy.criteria.find((c: { id: string }) => c.id === 'gearing');
  gearing.weight = '150';
  await app.importPolicy({ name: 'trop-lourd.json', buffer: Buffer.from(JSON.stringify(policy)) });
  const error = app.byTestId('policy-import-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('trop-lourd.json');
  await expect(error).toContainText('criteria.gearing.weight');
  await expect(error).toContainText('Rien n');
  await expect(app.policyField('weight-gearing')).toHaveValue('8');
  expect(await app.policyVersion()).toBe('1');

  await app.importPolicy({ name: 'pas-une-politique.json', buffer: Buffer.from('{"hello": 1}') });
  await expect(app.byTestId('policy-import-error')).toContainText('pas une politique de crédit');
  expect(await app.storage()).toEqual(before);
  app.expectClean();
});

test('a policy stored before versions is migrated; an unreadable history is set aside, defaults apply', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.goTo('policy');
  const download = await app.exportPolicy();
  const policy = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
  policy.classes.b = '70';

  // A single policy, as the app stored it before there were versions.
  await app.page.evaluate(
    (record) => localStorage.setItem('encours.policy', record),
    JSON.stringify({ schema: 1, saved_at: '2026-11-01T09:00:00.000Z', policy }),
  );
  await app.reload();
  await app.goTo('policy');
  expect(await app.policyVersion()).toBe('1');
  await expect(app.policyField('threshold-b')).toHaveValue('70');
  const stored = await app.storage();
  expect(Object.keys(stored)).not.toContain('encours.policy');
  expect(JSON.parse(stored[HISTORY_KEY]).schema).toBe(1);
  expect(JSON.parse(stored[HISTORY_KEY]).history.versions).toHaveLength(1);

  // A history that does not read: kept aside, the defaults apply, a banner says so.
  const broken = '{"schema":1,"history":{"versions":[]}}';
  await app.page.evaluate((raw) => localStorage.setItem('encours.policy_history', raw), broken);
  await app.reload();
  await expect(app.byTestId('storage-warning')).toBeVisible();
  await expect(app.byTestId('storage-warning')).toContainText(HISTORY_KEY);
  await app.goTo('policy');
  await expect(app.policyField('threshold-b')).toHaveValue('65');
  const after = await app.storage();
  expect(JSON.parse(after[`encours.quarantine.${HISTORY_KEY}`]).raw).toBe(broken);
  app.expectClean();
});

test('moving weight from company age to gearing re-rates Menuiserie Leroy from B to C in the preview, then on save', async ({ page }) => {
  // Leroy earns 100 points on company age (10 full years) and 30 on gearing (1.34): moving the
  // 8 points of weight from age to gearing changes its score by 8 × (30 − 100) / 100 = −5.6, from
  // 69.30 to 63.70 → class C (50–65); its limit stays 35 500 (C capacity 29 450 + 15 000 insured
  // ≥ need 35 506.85). The others keep their class: Boulangerie and Durand earn 100 on both;
  // TransLog 43.75 − 8 × 100 / 96 = 35.42 (D); Atelier 40.68 + 8 × (30 − 50) / 96 = 39.01 (D);
  // BTP is E by knock-out.
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await app.goTo('policy');
  await app.setPolicyField('weight-company_age', '0');
  await app.setPolicyField('weight-gearing', '16');
  await expect(app.byTestId('policy-total-weight')).toHaveAttribute('data-value', '100');
  await app.previewPolicy();
  await expect(app.byTestId('policy-preview-count')).toHaveAttribute('data-value', '1');
  expect(await app.policyPreviewItems()).toEqual([
    { id: LEROY, oldClass: 'B', newClass: 'C', oldLimit: '35500.00', newLimit: '35500.00' },
  ]);
  expect(await app.savePolicy('Endettement plus lourd')).toBe('2');
  await app.goTo('portfolio');
  await app.byTestId('rating-outdated').first().waitFor();
  await app.goTo('policy');
  await app.byTestId('policy-rerate-all').click();
  await app.goTo('portfolio');
  await app.expectRow(LEROY, { class: 'C', score: '63.7000', limit: '35500.00' });
  app.expectClean();
});
