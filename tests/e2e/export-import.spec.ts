// Files travel as JSON: "Exporter tout" in one browser, import in another (a colleague, a new
// tablet) gives the same files with the same figures, in the portfolio and on the analysis view.
//
// The demo verdicts (DEMO_VERDICTS) are hand-checked for the analysis date DEMO_DATE
// (tests/engine_demo.rs); both browsers run with their clock pinned to that day, and the figures
// after import are also compared with those before export.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ANALYSIS_TESTIDS, DEMO_VERDICTS, Encours, newContext } from './encours';

test('export all, then import into an empty browser: identical files and figures', async ({ page, browser }, testInfo) => {
  const source = new Encours(page);
  await source.pinDate();
  await source.open();
  await source.loadDemo();
  const before = new Map<string, Awaited<ReturnType<Encours['rowFigures']>>>();
  for (const d of DEMO_VERDICTS) {
    await source.expectRow(d.id, d);
    before.set(d.id, await source.rowFigures(d.id));
  }

  // Export all: one exchange document (format v1) with the six files and the policy.
  const download = await source.exportAll();
  expect(download.suggestedFilename()).toMatch(/^encours-portefeuille-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(exported.format).toBe('encours');
  expect(exported.version).toBe(1);
  expect(typeof exported.exported_at).toBe('string');
  expect(exported.policy).toBeTruthy();
  expect(exported.clients.map((c: { id: string }) => c.id).sort()).toEqual(DEMO_VERDICTS.map((d) => d.id).sort());
  source.expectClean();

  // A new, empty browser context: a colleague's browser.
  const context = await newContext(browser, testInfo);
  try {
    const target = new Encours(await context.newPage());
    await target.pinDate();
    await target.open();
    await expect(target.byTestId('portfolio-empty')).toBeVisible();
    expect(await target.storedIds()).toEqual([]);

    // Nothing to decide (no id in common, the same policy): imported at once, with a summary.
    await target.importFile(file);
    await expect(target.importSummary.or(target.importError)).toBeVisible();
    expect(await target.importError.allInnerTexts(), 'the exported file is accepted').toEqual([]);
    await expect(target.importSummary).toBeVisible();
    await expect(target.importSummary).toContainText('6 dossiers ajoutés');
    await expect(target.byTestId('import-dialog')).toHaveCount(0);
    await target.expectRowCount(6);

    // The same figures in the portfolio rows...
    for (const d of DEMO_VERDICTS) {
      await target.expectRow(d.id, d);
      expect(await target.rowFigures(d.id), d.id).toEqual(before.get(d.id));
    }
    // ... and on the analysis view of each file.
    for (const d of DEMO_VERDICTS) {
      await target.goTo('portfolio');
      await target.openClient(d.id);
      await expect(target.byTestId('client-page')).toBeVisible();
      await target.goTo('analysis');
      await expect(target.byTestId('analysis-page')).toBeVisible();
      await expect(target.page).toHaveURL(new RegExp(`#analysis/${d.id}$`));
      await target.expectVerdict(d);
    }
    await target.page.screenshot({ path: testInfo.outputPath('imported-analysis.png'), fullPage: true });

    // Stored in the new browser, and exported again: the same clients as the first export.
    await expect.poll(() => target.storedIds()).toEqual(DEMO_VERDICTS.map((d) => d.id).sort());
    await target.goTo('portfolio');
    const again = await target.downloadedJson(await target.exportAll()) as typeof exported;
    expect(again.clients).toEqual(exported.clients);
    expect(again.policy).toEqual(exported.policy);
    target.expectClean();
  } finally {
    await context.close();
  }
});

test('the analysis view shows the same figures before export and after import', async ({ page, browser }, testInfo) => {
  const source = new Encours(page);
  await source.pinDate();
  await source.open();
  await source.loadDemo();
  // Every figure of the analysis view of each file, in the first browser.
  const figures = new Map<string, Record<string, string[]>>();
  for (const d of DEMO_VERDICTS) {
    await source.goTo('portfolio');
    await source.openClient(d.id);
    await source.goTo('analysis');
    await source.expectVerdict(d);
    const shown = await source.figures();
    expect(Object.keys(shown)).toEqual(expect.arrayContaining(ANALYSIS_TESTIDS));
    figures.set(d.id, shown);
  }
  await source.goTo('portfolio');
  const download = await source.exportAll();
  const file = testInfo.outputPath('portfolio.json');
  await download.saveAs(file);

  const context = await newContext(browser, testInfo);
  try {
    const target = new Encours(await context.newPage());
    await target.pinDate();
    await target.open();
    await target.byTestId('import-file').setInputFiles(file);
    await expect(target.importSummary.or(target.importError)).toBeVisible();
    expect(await target.importError.allInnerTexts(), 'the exported file is accepted').toEqual([]);
    await target.expectRowCount(6);
    for (const d of DEMO_VERDICTS) {
      await target.page.goto(`${new URL(target.page.url()).pathname}#analysis/${d.id}`);
      await expect(target.byTestId('analysis-page')).toBeVisible();
      await target.expectVerdict(d);
      expect(await target.figures(), d.id).toEqual(figures.get(d.id));
    }
    target.expectClean();
  } finally {
    await context.close();
  }
  source.expectClean();
});
