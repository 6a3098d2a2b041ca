// Two tabs open on the app never silently lose an edit: a tab follows the other's saves, and an
// edit made on a version another tab has changed meanwhile is not written over it — the user
// chooses (`storage-conflict`: keep mine / take theirs).
import { expect, test, type BrowserContext } from '@playwright/test';
import { clientRecord, demoClient, Encours } from './encours';

async function tab(context: BrowserContext, options: { deaf?: boolean } = {}): Promise<Encours> {
  const page = await context.newPage();
  if (options.deaf) {
    // This tab does not hear the other's `storage` events (as when one is lost or arrives after
    // the user typed): its next save meets a revision it has not seen.
    await page.addInitScript(() => {
      window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true);
    });
  }
  const app = new Encours(page);
  await app.open();
  return app;
}

/** The first tab, with two demo files in storage (seeded, then loaded). */
async function firstTab(context: BrowserContext): Promise<Encours> {
  const a = await tab(context);
  await a.page.evaluate((records) => {
    for (const [key, value] of Object.entries(records)) localStorage.setItem(key, value);
  }, Object.fromEntries(FILES.map((id) => [`encours.client.${id}`, clientRecord(demoClient(id))])));
  await a.reload();
  await a.expectRowCount(FILES.length);
  return a;
}

const FILES = ['demo-boulangerie-martin', 'demo-negoce-durand'];

test("a tab follows the other tab's edits, and its own edits reach the other", async ({ context }) => {
  const a = await firstTab(context);
  await a.openClient('demo-negoce-durand');
  const b = await tab(context);
  await b.expectRowCount(2);
  await b.openClient('demo-negoce-durand');

  await a.field('notes').fill('Vu en A.');
  await expect(b.field('notes')).toHaveValue('Vu en A.');
  await b.field('notes').fill('Puis en B.');
  await expect(a.field('notes')).toHaveValue('Puis en B.');
  await expect.poll(async () => (await a.storedClient('demo-negoce-durand'))?.notes).toBe('Puis en B.');
  await expect(a.byTestId('storage-conflict')).toHaveCount(0);
  await expect(b.byTestId('storage-conflict')).toHaveCount(0);
  a.expectClean();
  b.expectClean();
});

for (const choice of ['keep-mine', 'take-theirs'] as const) {
  test(`an edit on a version changed in another tab is not written over it: ${choice}`, async ({ context }) => {
    const a = await firstTab(context);
    const b = await tab(context, { deaf: true });
    await b.expectRowCount(2);
    await b.openClient('demo-negoce-durand');
    await a.openClient('demo-negoce-durand');

    await a.field('notes').fill('Version de A.');
    await expect.poll(async () => (await a.storedClient('demo-negoce-durand'))?.notes).toBe('Version de A.');
    await b.field('notes').fill('Version de B.');

    const conflict = b.byTestId('storage-conflict');
    await expect(conflict).toBeVisible();
    await expect(conflict).toHaveAttribute('data-id', 'demo-negoce-durand');
    await expect(conflict).toContainText('Négoce Durand');
    // Nothing written over A's version before the user chooses.
    expect((await b.storedClient('demo-negoce-durand'))?.notes).toBe('Version de A.');

    await b.byTestId(`tab-${choice}`).click();
    await expect(b.byTestId('storage-conflict')).toHaveCount(0);
    const kept = choice === 'keep-mine' ? 'Version de B.' : 'Version de A.';
    await expect(b.field('notes')).toHaveValue(kept);
    await expect.poll(async () => (await b.storedClient('demo-negoce-durand'))?.notes).toBe(kept);
    await expect(a.field('notes')).toHaveValue(kept);
    a.expectClean();
    b.expectClean();
  });
}

test('a second tab opened on the demo portfolio lists all six files, and the first keeps them', async ({ context }) => {
  const a = await tab(context);
  await a.loadDemo();
  await expect.poll(() => a.storedIds()).toHaveLength(6);
  const b = await tab(context);
  await expect(b.portfolioPage).toBeVisible();
  await b.settle();
  expect(await b.byTestId('storage-warning').allInnerTexts(), 'records set aside by the second tab').toEqual([]);
  await b.expectRowCount(6);
  // The first tab lost nothing either (no file "deleted in another tab").
  await a.settle();
  await a.expectRowCount(6);
  expect((await a.byTestId('notice').allInnerTexts()).join(' ')).not.toContain('supprimé dans un autre onglet');
  a.expectClean();
  b.expectClean();
});
