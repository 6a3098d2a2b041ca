// Setting an unreadable record aside can fail for other reasons than a full quota: the browser
// refuses the write (a policy, a locked profile). The app says the real reason, leaves the record
// where it is, and never reads "storage is full" for it.
import { expect, test, type Page } from '@playwright/test';
import { clientRecord, demoClient, Encours } from './encours';

const BAD_KEY = 'encours.client.demo-corrompu';
const BAD_RAW = '{"schema":1,"rev":4,"client":{"id":"demo-corrompu","name":"Dossier tronqu';

/** Writes under `encours.quarantine.` throw a SecurityError (not a quota error). */
async function refuseQuarantineWrites(page: Page) {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('encours.quarantine.')) {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      }
      return setItem.call(this, key, value);
    };
  });
}

test('at load: the record stays in place, and the banner says the browser refused the copy', async ({ page }) => {
  const app = new Encours(page);
  await refuseQuarantineWrites(page);
  await app.pinDate();
  const good = 'demo-boulangerie-martin';
  await app.seedStorage({ [BAD_KEY]: BAD_RAW, [`encours.client.${good}`]: clientRecord(demoClient(good), 2) });
  await app.open();
  await app.expectRowCount(1);
  const warning = app.byTestId('storage-warning');
  await expect(warning).toContainText('JSON illisible');
  await expect(warning).toContainText("laissé en place (le navigateur a refusé l'écriture (SecurityError))");
  await expect(warning).not.toContainText('plein');
  expect((await app.storage())[BAD_KEY]).toBe(BAD_RAW);
  app.expectClean();
});

test('at a save: a record gone bad is not overwritten, and the error names the refusal', async ({ page }) => {
  const app = new Encours(page);
  await refuseQuarantineWrites(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await expect(app.byTestId('save-status')).toHaveAttribute('data-state', 'saved');
  // Something else writes an unreadable record under a loaded file's key.
  const key = 'encours.client.demo-boulangerie-martin';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, BAD_RAW]);
  await app.openClient('demo-boulangerie-martin');
  await app.field('notes').fill('Saisi après la corruption.');

  const banner = app.byTestId('storage-error');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-kind', 'write');
  await expect(banner).toContainText("le navigateur a refusé l'écriture (SecurityError)");
  await expect(banner).not.toContainText('plein');
  // The unreadable record is kept (it could not be set aside), and the edit stays in the page.
  expect((await app.storage())[key]).toBe(BAD_RAW);
  await expect(app.field('notes')).toHaveValue('Saisi après la corruption.');
  app.expectClean();
});
