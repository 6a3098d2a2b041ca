// A file that cannot be imported is refused with a message that says what and where, and nothing
// stored changes: localStorage is compared byte for byte before and after (every key, every value).
//
// Test files (tests/e2e/fixtures/): broken.json (cut off in the middle), wrong-type.json
// (clients[0].statements[0].balance_sheet.cash = "abc"), newer-version.json (format version 2),
// other-format.json ("format": "autre-outil"). Each holds the client "fixture-fromagerie", which
// would be added if the file were accepted.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Encours, FIXTURES } from './encours';

const REFUSED = [
  {
    file: 'broken.json',
    why: 'not valid JSON',
    message: [/Fichier refusé \(« broken\.json »\)/, /n'est pas un JSON valide/, /Rien n'a été modifié\./],
  },
  {
    file: 'wrong-type.json',
    why: 'a field of the wrong type',
    message: [/clients\[0\]\.statements\[0\]\.balance_sheet\.cash : n'est pas un nombre/, /Rien n'a été modifié\./],
  },
  {
    file: 'newer-version.json',
    why: 'a newer version',
    message: [/version plus récente/, /format version 2/, /Rien n'a été modifié\./],
  },
  {
    file: 'other-format.json',
    why: 'another format',
    message: [/ce n'est pas un fichier Encours/, /Rien n'a été modifié\./],
  },
];

test.describe('a file that cannot be imported', () => {
  for (const { file, why, message } of REFUSED) {
    test(`is refused (${why}) with its message, and storage is unchanged`, async ({ page }) => {
      const app = new Encours(page);
      await app.open();
      await app.loadDemo();
      // An edit, so that storage holds more than a fresh import.
      await app.openClient('demo-negoce-durand');
      await app.field('notes').fill('Revu le 20/11.');
      await app.goTo('portfolio');
      await expect.poll(async () => (await app.storedClient('demo-negoce-durand'))?.notes).toBe('Revu le 20/11.');
      await app.settle();
      const before = await app.storage();
      expect(Object.keys(before).filter((k) => k.startsWith('encours.client.'))).toHaveLength(6);

      await app.importFile(path.join(FIXTURES, file));
      await expect(app.importError).toBeVisible();
      for (const part of message) await expect(app.importError).toContainText(part);
      await expect(app.byTestId('import-dialog')).toHaveCount(0);
      await expect(app.importSummary).toHaveCount(0);
      await app.settle();

      expect(await app.storage()).toEqual(before);
      await app.expectRowCount(6);
      await expect(app.clientRow('fixture-fromagerie')).toHaveCount(0);
      app.expectClean();
    });
  }

  test('is refused before reading when it is over 20 MB, and storage is unchanged', async ({ page }) => {
    const app = new Encours(page);
    await app.open();
    await app.loadDemo();
    await app.settle();
    const before = await app.storage();
    // 21 MB of spaces around a valid document: valid JSON, but too large to be read.
    const doc = JSON.stringify({ format: 'encours', version: 1, clients: [] });
    const buffer = Buffer.concat([Buffer.from(doc), Buffer.alloc(21_000_000, 0x20)]);
    await app.importFile({ name: 'enorme.json', buffer });
    await expect(app.importError).toContainText('« enorme.json » fait 21,0 Mo');
    await expect(app.importError).toContainText("Rien n'a été modifié.");
    await app.settle();
    expect(await app.storage()).toEqual(before);
    await app.expectRowCount(6);
    app.expectClean();
  });

  test('is refused in English too, naming the place', async ({ page }) => {
    const app = new Encours(page);
    await app.open();
    await app.switchLanguage('en');
    await app.settle();
    const before = await app.storage();
    await app.importFile(path.join(FIXTURES, 'wrong-type.json'));
    await expect(app.importError).toContainText(
      'clients[0].statements[0].balance_sheet.cash: not a number',
    );
    await expect(app.importError).toContainText('Nothing was changed.');
    await app.settle();
    expect(await app.storage()).toEqual(before);
    await expect(app.byTestId('portfolio-empty')).toBeVisible();
    app.expectClean();
  });

  test('from the settings screen (restore a backup) is refused the same way', async ({ page }) => {
    const app = new Encours(page);
    await app.open();
    await app.loadDemo();
    await app.settle();
    const before = await app.storage();
    await app.goTo('settings');
    await expect(app.byTestId('settings-page')).toBeVisible();
    await app.byTestId('restore-file').setInputFiles(path.join(FIXTURES, 'newer-version.json'));
    await expect(app.importError).toContainText('format version 2');
    await app.settle();
    expect(await app.storage()).toEqual(before);
    await app.goTo('portfolio');
    await app.expectRowCount(6);
    app.expectClean();
  });
});

test('a file with hostile text imports it as text, never as markup', async ({ page }) => {
  const app = new Encours(page);
  await app.open();
  const name = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>Évil & Co';
  await app.importJson(
    { format: 'encours', version: 1, clients: [{ id: '<b>x</b>', name, notes: '<script>window.__pwned=3</script>' }] },
    '<i>hostile</i>.json',
  );
  await expect(app.importSummary).toBeVisible();
  await app.expectRowCount(1);
  await expect(app.clientRows().getByTestId('row-name')).toHaveText(name);
  await app.clientRows().click();
  await expect(app.field('name')).toHaveValue(name);
  await app.goTo('analysis');
  await expect(app.byTestId('analysis-page')).toContainText(name);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], main script').count()).toBe(0);
  // Only the page's own requests: no image fetched from the name.
  expect(app.requests.filter((u) => u.endsWith('/x'))).toEqual([]);
  app.expectClean();
});
