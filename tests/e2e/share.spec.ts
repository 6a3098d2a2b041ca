// Web Share: where the browser can share files (navigator.canShare({ files })), "Partager"
// (`share-export`) sits next to the export and hands the system the same JSON file as the
// download, under the same name; where it cannot, there is no such button. Chromium on Linux has
// no file sharing, so the tests define (or remove) navigator.canShare / navigator.share in an init
// script, which records what would have been shared.
import { expect, test, type Page } from '@playwright/test';
import { Encours } from './encours';

type Shared = { name: string; type: string; text: string };

/** A browser that can share files; `mode` says how share() ends. */
async function withShare(page: Page, mode: 'ok' | 'abort' | 'fail' = 'ok') {
  await page.addInitScript((mode) => {
    const w = window as unknown as { __shared: Shared[] };
    w.__shared = [];
    const isFiles = (data: { files?: unknown }) =>
      Array.isArray(data?.files) && data.files.length > 0 && data.files.every((f) => f instanceof File);
    Object.defineProperty(Navigator.prototype, 'canShare', {
      configurable: true,
      value: (data: { files?: unknown }) => isFiles(data),
    });
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async (data: { files: File[] }) => {
        if (mode === 'abort') throw new DOMException('Share canceled', 'AbortError');
        if (mode === 'fail') throw new DOMException('Not allowed', 'NotAllowedError');
        const f = data.files[0];
        w.__shared.push({ name: f.name, type: f.type, text: await f.text() });
      },
    });
  }, mode);
}

/** A browser without Web Share. */
async function withoutShare(page: Page) {
  await page.addInitScript(() => {
    delete (Navigator.prototype as { canShare?: unknown }).canShare;
    delete (Navigator.prototype as { share?: unknown }).share;
  });
}

async function shared(page: Page): Promise<Shared[]> {
  return page.evaluate(() => (window as unknown as { __shared: Shared[] }).__shared);
}

test('where files can be shared, "Partager" shares the same file as the export', async ({ page }) => {
  await withShare(page);
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();

  const share = app.byTestId('share-export');
  await expect(share).toBeVisible();
  await share.click();
  await expect.poll(async () => (await shared(page)).length).toBe(1);
  const [file] = await shared(page);

  // The download of "Exporter tout", at the same (pinned) time: same name, same JSON.
  const download = await app.exportAll();
  expect(file.name).toBe(download.suggestedFilename());
  expect(file.name).toMatch(/^encours-portefeuille-2026-11-22\.json$/);
  expect(file.type).toBe('application/json');
  const exported = await app.downloadedJson(download);
  expect(JSON.parse(file.text)).toEqual(exported);
  expect((exported as { clients: unknown[] }).clients).toHaveLength(6);

  // The settings offer it beside the full backup too.
  await app.goTo('settings');
  await expect(app.byTestId('share-export')).toBeVisible();
  await app.byTestId('share-export').click();
  await expect.poll(async () => (await shared(page)).length).toBe(2);
  expect((await shared(page))[1].text).toBe(file.text);
  app.expectClean();
});

test('a cancelled share is silent', async ({ page }) => {
  await withShare(page, 'abort');
  const app = new Encours(page);
  await app.open();
  await app.loadDemo();
  await app.byTestId('share-export').click();
  await app.settle();
  await expect(app.byTestId('notice')).toHaveCount(0);
  app.expectClean();
});

test('a share the browser refuses gets a message', async ({ page }) => {
  await withShare(page, 'fail');
  const app = new Encours(page);
  await app.open();
  await app.loadDemo();
  await app.byTestId('share-export').click();
  await expect(app.byTestId('notice')).toContainText("Le partage n'a pas abouti");
  app.expectClean();
});

test('without Web Share there is no share button, and the export is still there', async ({ page }) => {
  await withoutShare(page);
  const app = new Encours(page);
  await app.open();
  await app.loadDemo();
  await expect(app.byTestId('export-all')).toBeVisible();
  await expect(app.byTestId('share-export')).toHaveCount(0);
  await app.goTo('settings');
  await expect(app.byTestId('backup-export')).toBeVisible();
  await expect(app.byTestId('share-export')).toHaveCount(0);
  app.expectClean();
});
