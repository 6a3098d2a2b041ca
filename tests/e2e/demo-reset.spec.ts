// "Réinitialiser la démo": one confirmation, then the six demo files are as shipped again
// (edited ones overwritten, deleted ones re-created), the user's own files untouched, and a
// summary (the notice) says what was done. On the portfolio the button shows only while demo
// files are there; the settings always offer it.
import { expect, test } from '@playwright/test';
import { DEMO_VERDICTS, Encours } from './encours';

const LEROY = 'demo-menuiserie-leroy';
const MARTIN = 'demo-boulangerie-martin';

/** The client of every demo record in storage, by id. */
async function demoClients(app: Encours) {
  const out: Record<string, unknown> = {};
  for (const d of DEMO_VERDICTS) out[d.id] = await app.storedClient(d.id);
  return out;
}

test('reset puts edited and deleted demo files back, and leaves the user\'s own file alone', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await app.settle();
  const shipped = await demoClients(app);

  // The user's own file.
  const own = await app.newClient();
  await app.field('name').fill('Client à moi');
  await app.field('trade-expected_annual_sales').fill('50 000');
  // A demo file edited.
  await app.goTo('portfolio');
  await app.openClient(LEROY);
  await app.field('name').fill('Leroy modifié');
  await app.field('trade-expected_annual_sales').fill('999 999');
  // A demo file deleted.
  await app.goTo('portfolio');
  await app.clientRow(MARTIN).getByTestId('row-delete').click();
  await app.expectRowCount(6);
  await expect(app.clientRow(LEROY).getByTestId('row-name')).toHaveText('Leroy modifié');
  await app.settle();
  const ownRecord = (await app.storage())[`encours.client.${own}`];
  expect(ownRecord).toContain('Client à moi');

  // Asked once; "Annuler" changes nothing.
  await app.byTestId('reset-demo').click();
  await expect(app.byTestId('reset-demo-dialog')).toBeVisible();
  await app.byTestId('reset-demo-cancel').click();
  await expect(app.byTestId('reset-demo-dialog')).toHaveCount(0);
  await expect(app.byTestId('notice')).not.toContainText('Démo réinitialisée');
  await expect(app.clientRow(LEROY).getByTestId('row-name')).toHaveText('Leroy modifié');
  await app.expectRowCount(6);

  // Confirmed: Leroy restored, Martin re-created, the four others were already as shipped.
  await app.byTestId('reset-demo').click();
  await app.byTestId('reset-demo-confirm').click();
  await expect(app.byTestId('notice')).toHaveText(
    "Démo réinitialisée : 1 dossier remis à l'état d'origine, 1 recréé, 4 inchangés. Vos autres dossiers n'ont pas été modifiés.",
  );
  await expect(app.byTestId('reset-demo-dialog')).toHaveCount(0);
  await app.expectRowCount(7);
  for (const d of DEMO_VERDICTS) await app.expectRow(d.id, d);

  // Storage: every demo file as it was stored right after loading the demo; the user's file
  // byte for byte as it was.
  await app.settle();
  await expect.poll(() => demoClients(app)).toEqual(shipped);
  expect((await app.storage())[`encours.client.${own}`]).toBe(ownRecord);

  // Still there after a reload.
  await app.reload();
  await app.expectRowCount(7);
  await app.expectRow(LEROY, DEMO_VERDICTS[1]);
  app.expectClean();
});

test('without demo files the portfolio offers no reset; the settings do, and re-create the demo', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  const own = await app.newClient();
  await app.field('name').fill('Client à moi');
  await app.goTo('portfolio');
  await app.expectRowCount(1);
  await expect(app.byTestId('reset-demo')).toHaveCount(0);
  await app.settle();
  const ownRecord = (await app.storage())[`encours.client.${own}`];

  await app.goTo('settings');
  await app.byTestId('reset-demo').click();
  await app.byTestId('reset-demo-confirm').click();
  await expect(app.byTestId('notice')).toHaveText(
    "Démo réinitialisée : 0 dossier remis à l'état d'origine, 6 recréés, 0 inchangé. Vos autres dossiers n'ont pas été modifiés.",
  );

  await app.goTo('portfolio');
  await app.expectRowCount(7);
  for (const d of DEMO_VERDICTS) await app.expectRow(d.id, d);
  await expect(app.byTestId('reset-demo')).toBeVisible();
  await app.settle();
  expect((await app.storage())[`encours.client.${own}`]).toBe(ownRecord);

  // A second reset finds nothing to do, says so, and writes nothing.
  const before = await app.storage();
  await app.byTestId('reset-demo').click();
  await app.byTestId('reset-demo-confirm').click();
  await expect(app.byTestId('notice')).toHaveText("Démo déjà dans son état d'origine : rien n'a été modifié.");
  await app.settle();
  expect(await app.storage()).toEqual(before);
  app.expectClean();
});
