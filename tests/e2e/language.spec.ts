// French by default, English one tap away (`lang-toggle`); key labels change, the figures do not,
// and the choice survives a reload.
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

const LABELS = {
  fr: { portfolio: 'Portefeuille', analysis: 'Analyse', settings: 'Paramètres', newClient: '+ Nouveau client', demo: 'Charger la démo' },
  en: { portfolio: 'Portfolio', analysis: 'Analysis', settings: 'Settings', newClient: '+ New client', demo: 'Load the demo' },
};

async function expectLanguage(app: Encours, lang: 'fr' | 'en') {
  const l = LABELS[lang];
  await expect(app.byTestId('lang-toggle')).toHaveAttribute('data-value', lang);
  await expect(app.page.locator('html')).toHaveAttribute('lang', lang);
  await expect(app.byTestId('nav-portfolio')).toHaveText(new RegExp(l.portfolio));
  await expect(app.byTestId('nav-analysis')).toHaveText(new RegExp(l.analysis));
  await expect(app.byTestId('nav-settings')).toHaveText(new RegExp(l.settings));
}

test('switch to English and back; each choice survives a reload', async ({ page }) => {
  const app = new Encours(page);
  await app.open();
  // First visit: French, with the two first-run actions.
  await expectLanguage(app, 'fr');
  await expect(app.byTestId('new-client')).toHaveText(LABELS.fr.newClient);
  await expect(app.byTestId('load-demo')).toHaveText(LABELS.fr.demo);
  await expect(app.byTestId('portfolio-empty')).toContainText('Vos dossiers restent dans ce navigateur.');

  await app.byTestId('lang-toggle').click();
  await expectLanguage(app, 'en');
  await expect(app.byTestId('new-client')).toHaveText(LABELS.en.newClient);
  await expect(app.byTestId('load-demo')).toHaveText(LABELS.en.demo);
  await expect(app.byTestId('portfolio-empty')).toContainText('Your files stay in this browser.');
  await expect.poll(async () => (await app.storage())['encours.settings']).toContain('"lang":"en"');

  await app.reload();
  await expectLanguage(app, 'en');
  await expect(app.byTestId('new-client')).toHaveText(LABELS.en.newClient);

  await app.byTestId('lang-toggle').click();
  await expectLanguage(app, 'fr');
  await app.reload();
  await expectLanguage(app, 'fr');
  await expect(app.byTestId('new-client')).toHaveText(LABELS.fr.newClient);
  app.expectClean();
});

test('in English, the screens speak English and the figures stay the same', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await expect(app.importSummary).toContainText('6 dossiers ajoutés');
  const row = await app.rowFigures('demo-menuiserie-leroy');
  await expect(app.clientRow('demo-menuiserie-leroy').getByTestId('row-class')).toContainText('Risque faible');

  await app.byTestId('lang-toggle').click();
  await expectLanguage(app, 'en');
  await expect(app.importSummary).toContainText('6 files added');
  await expect(app.byTestId('portfolio-count')).toHaveText('6 files');
  await expect(app.clientRow('demo-menuiserie-leroy').getByTestId('row-class')).toContainText('Low risk');
  expect(await app.rowFigures('demo-menuiserie-leroy')).toEqual(row);

  // The client file and its analysis, in English (UX.md's words).
  await app.openClient('demo-menuiserie-leroy');
  await expect(app.byTestId('client-page')).toContainText('Financial statements');
  await expect(app.byTestId('verdict')).toContainText('Recommended credit limit');
  await app.goTo('analysis');
  await expect(app.byTestId('limit-block')).toContainText('Credit need');
  await expect(app.byTestId('limit-block')).toContainText('Unsecured part');
  await expect(app.byTestId('analysis-page')).toContainText('Failure scores');
  await expect(app.riskClass()).toHaveAttribute('data-value', 'B');
  await expect(app.limit('recommended')).toHaveAttribute('data-value', '35500.00');
  await expect(app.limit('recommended')).toContainText('35,500');

  // Reloaded on the analysis: still English.
  await app.reload();
  await expectLanguage(app, 'en');
  await expect(app.byTestId('limit-block')).toContainText('Credit need');

  // Back to French: the same screen in French.
  await app.byTestId('lang-toggle').click();
  await expectLanguage(app, 'fr');
  await expect(app.byTestId('limit-block')).toContainText("Besoin d'encours");
  await expect(app.byTestId('limit-block')).toContainText('Part non garantie');
  await expect(app.limit('recommended')).toContainText(/35\s500\s€/);
  app.expectClean();
});

test('the language set on the settings screen is the same choice', async ({ page }) => {
  const app = new Encours(page);
  await app.open();
  await app.goTo('settings');
  await app.byTestId('settings-lang-en').click();
  await expectLanguage(app, 'en');
  await expect(app.byTestId('settings-page')).toContainText('Settings and data');
  await app.reload();
  await expectLanguage(app, 'en');
  await app.byTestId('settings-lang-fr').click();
  await expectLanguage(app, 'fr');
  await expect(app.byTestId('settings-page')).toContainText('Paramètres et données');
  app.expectClean();
});
