// No network access at run time: a whole session — demo, files, analysis with its explanations,
// policy, settings, both languages, export and import — makes no request off the app's origin
// (no CDN, web font, analytics or beacon), and every request it makes stays under the sub-path.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BASE_PATH, DEMO_VERDICTS, Encours, FIXTURES } from './encours';

test('a whole session stays on the origin', async ({ page, context, baseURL }) => {
  const app = new Encours(page);
  const origin = new URL(baseURL as string).origin;
  // Anything that would leave the origin is recorded (by the page object too) and stopped here.
  const foreign: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));

  await app.open();
  await app.loadDemo();

  // Every file, its entry screen (both modes) and its analysis.
  for (const d of DEMO_VERDICTS) {
    await app.goTo('portfolio');
    await app.openClient(d.id);
    await expect(app.byTestId('client-page')).toBeVisible();
    await app.byTestId('entry-mode-complete').click();
    await app.byTestId('entry-mode-quick').click();
    await app.goTo('analysis');
    await expect(app.byTestId('analysis-page')).toBeVisible();
  }
  // Explanations on demand: a ratio's formula, a criterion's bands.
  await app.ratio('equity_ratio').click();
  await expect(app.byTestId('explain-ratio-equity_ratio')).toBeVisible();
  await app.byTestId('grid-block').getByRole('button').first().click();

  // Policy and settings, then the other language on every screen.
  await app.goTo('policy');
  await app.goTo('settings');
  await expect(app.byTestId('settings-page')).toBeVisible();
  await app.switchLanguage('en');
  for (const view of ['portfolio', 'client', 'analysis', 'policy', 'settings'] as const) await app.goTo(view);

  // Files in and out.
  await app.goTo('portfolio');
  await app.exportAll();
  await app.importFile(path.join(FIXTURES, 'conflict.json'));
  await app.byTestId('import-cancel').click();
  await app.importFile(path.join(FIXTURES, 'broken.json'));
  await expect(app.importError).toBeVisible();
  await app.byTestId('lang-toggle').click();
  await app.reload();
  await expect(app.portfolioPage).toBeVisible();

  expect(foreign, 'requests stopped on their way off the origin').toEqual([]);
  expect(sockets, 'web sockets').toEqual([]);
  expect(app.requests.length).toBeGreaterThan(0);
  const paths = app.requests
    .filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'))
    .map((u) => new URL(u).pathname);
  for (const p of paths) expect(p.startsWith(BASE_PATH), p).toBe(true);
  app.expectClean();
});
