// A corrupt record in storage is set aside — kept verbatim under a quarantine key, never deleted —
// and reported; the other files load. Storage is seeded before the app's first load with the
// app's own layout (src/storage.rs): `encours.client.<id>` →
// {"schema":1,"rev":N,"saved_at":…,"client":{…exchange format…}}.
import { expect, test } from '@playwright/test';
import { clientRecord, demoClient, Encours } from './encours';

const GOOD = ['demo-boulangerie-martin', 'demo-menuiserie-leroy'];
const BAD_KEY = 'encours.client.demo-corrompu';
/** Bad JSON: a record cut off in the middle (a crash while writing, a disk full…). */
const BAD_RAW = '{"schema":1,"rev":4,"saved_at":"2026-11-01T09:00:00.000Z","client":{"id":"demo-corrompu","name":"Dossier tronqu';
const QUARANTINE_KEY = `encours.quarantine.${BAD_KEY}`;

function seed(extra: Record<string, string>): Record<string, string> {
  const entries: Record<string, string> = { ...extra };
  for (const id of GOOD) entries[`encours.client.${id}`] = clientRecord(demoClient(id), 3);
  return entries;
}

test('a record of bad JSON is set aside verbatim and reported; the two good files load', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.seedStorage(seed({ [BAD_KEY]: BAD_RAW }));
  await app.open();

  // The two valid files are listed, with their figures.
  await app.expectRowCount(2);
  await app.expectRow('demo-boulangerie-martin', { name: 'Boulangerie Martin', class: 'A', score: '98.7500', limit: '3500.00' });
  await app.expectRow('demo-menuiserie-leroy', { name: 'Menuiserie Leroy', class: 'B', score: '69.3000', limit: '35500.00' });
  await expect(app.clientRow('demo-corrompu')).toHaveCount(0);

  // Reported: which record, why, and where it is kept.
  const warning = app.byTestId('storage-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toHaveAttribute('data-kind', 'quarantine');
  await expect(warning).toContainText('1 enregistrement(s) illisible(s) mis de côté');
  await expect(warning).toContainText(BAD_KEY);
  await expect(warning).toContainText('JSON illisible');
  await expect(warning).toContainText(QUARANTINE_KEY);

  // Kept: the quarantine key holds the original text verbatim; the good records are untouched.
  const stored = await app.storage();
  expect(stored[QUARANTINE_KEY]).toBeDefined();
  const quarantined = JSON.parse(stored[QUARANTINE_KEY]);
  expect(quarantined.raw).toBe(BAD_RAW);
  expect(quarantined.key).toBe(BAD_KEY);
  expect(quarantined.schema).toBe(1);
  expect(quarantined.reason_fr).toContain('JSON illisible');
  // Moved, not copied twice: the client key is gone only because its copy is there.
  expect(stored[BAD_KEY]).toBeUndefined();
  // The good records hold the same client (the app may add its rating record to a file stored
  // without one: compared without it).
  for (const id of GOOD) {
    const { rating: _rating, ...client } = JSON.parse(stored[`encours.client.${id}`]).client;
    expect(client, id).toEqual(demoClient(id));
  }

  // The settings screen lists it, with its content.
  await app.byTestId('quarantine-show').click();
  await expect(app.byTestId('settings-page')).toBeVisible();
  await expect(app.byTestId('storage-files')).toHaveAttribute('data-value', '2');
  await expect(app.byTestId('storage-quarantined')).toHaveAttribute('data-value', '1');
  await expect(app.byTestId('quarantine-item')).toHaveCount(1);
  await expect(app.byTestId('quarantine-item')).toHaveAttribute('data-key', QUARANTINE_KEY);
  await expect(app.byTestId('quarantine-item').locator('pre')).toHaveText(BAD_RAW);

  // Dismissed, the banner goes; the record stays set aside.
  await app.byTestId('storage-warning-dismiss').click();
  await expect(app.byTestId('storage-warning')).toHaveCount(0);

  // The app keeps working: an edit of a good file is saved.
  await app.goTo('portfolio');
  await app.openClient('demo-menuiserie-leroy');
  await app.field('notes').fill('Relancé.');
  await expect.poll(async () => (await app.storedClient('demo-menuiserie-leroy'))?.notes).toBe('Relancé.');

  // After a reload: the same two files, the quarantine still holds the original, nothing new to
  // report.
  await app.reload();
  await app.goTo('portfolio');
  await app.expectRowCount(2);
  await expect(app.byTestId('storage-warning')).toHaveCount(0);
  const after = await app.storage();
  expect(JSON.parse(after[QUARANTINE_KEY]).raw).toBe(BAD_RAW);
  expect(Object.keys(after).filter((k) => k.startsWith('encours.quarantine.'))).toEqual([QUARANTINE_KEY]);
  await app.goTo('settings');
  await expect(app.byTestId('storage-quarantined')).toHaveAttribute('data-value', '1');
  app.expectClean();
});

test('records the app cannot read for other reasons are set aside too, each with its reason', async ({ page }) => {
  const wrongType = demoClient('demo-translog-express');
  (wrongType.statements as { balance_sheet: Record<string, unknown> }[])[0].balance_sheet.cash = 'abc';
  const entries = seed({
    // Well-formed, but a field of the wrong type.
    'encours.client.demo-translog-express': clientRecord(wrongType, 2),
    // Written by a newer version of the app.
    'encours.client.demo-negoce-durand': JSON.stringify({ schema: 2, rev: 1, client: demoClient('demo-negoce-durand') }),
    // Under the key of another id.
    'encours.client.autre-id': clientRecord(demoClient('demo-btp-renov'), 1),
  });
  const app = new Encours(page);
  await app.seedStorage(entries);
  await app.open();

  await app.expectRowCount(2);
  const warning = app.byTestId('storage-warning');
  await expect(warning).toContainText('3 enregistrement(s) illisible(s) mis de côté');
  await expect(warning).toContainText('balance_sheet.cash');
  await expect(warning).toContainText("version d'enregistrement 2 inconnue");
  await expect(warning).toContainText('ne correspond pas à la clé');

  const stored = await app.storage();
  for (const key of ['encours.client.demo-translog-express', 'encours.client.demo-negoce-durand', 'encours.client.autre-id']) {
    expect(stored[key], key).toBeUndefined();
    expect(JSON.parse(stored[`encours.quarantine.${key}`]).raw, key).toBe(entries[key]);
  }
  app.expectClean();
});

test('a bad record whose key was set aside before gets its own copy: the older one is kept', async ({ page }) => {
  // The quarantine key already holds an older bad record of the same key: the new one gets ".2".
  const older = '{"schema":1,"rev":1,"client":';
  const app = new Encours(page);
  await app.seedStorage(
    seed({
      [BAD_KEY]: BAD_RAW,
      [QUARANTINE_KEY]: JSON.stringify({ schema: 1, key: BAD_KEY, quarantined_at: '2026-10-01T08:00:00.000Z', reason_fr: 'x', reason_en: 'x', raw: older }),
    }),
  );
  await app.open();
  await app.expectRowCount(2);
  const stored = await app.storage();
  expect(JSON.parse(stored[QUARANTINE_KEY]).raw).toBe(older);
  expect(JSON.parse(stored[`${QUARANTINE_KEY}.2`]).raw).toBe(BAD_RAW);
  expect(stored[BAD_KEY]).toBeUndefined();
  await app.goTo('settings');
  await expect(app.byTestId('quarantine-item')).toHaveCount(2);
  app.expectClean();
});
