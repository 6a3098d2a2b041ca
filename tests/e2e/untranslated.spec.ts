// Every screen and state, in English then in French, shows no string of the other language: the
// text on the page (text nodes, placeholder, title, aria-label, alt, the document title) is matched
// against the catalogues extracted from the source by scripts/catalogue.mjs (every French/English
// pair of the code: pick/tr calls, fr/en branches, the domain's label tables), run afresh by this
// test so that it always reads the current code. A string is looked for only in the language it
// does not belong to, and only if the other catalogue lacks it (identical words such as "Score"
// are left out). Also checked: numbers, amounts, percentages and dates in the language's format,
// no accented letter in English outside user data (demo company names, notes…), `<html lang>` and
// the document title.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { demoDocument, Encours, FIXTURES } from './encours';

type Lang = 'fr' | 'en';
const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '../..');
const catalogue: { fr: string[]; en: string[] } = JSON.parse(
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/catalogue.mjs')], { maxBuffer: 16 << 20 }).toString(),
);

/**
 * A catalogue entry as a pattern: `format!` placeholders match anything but a word's own letters
 * ("Class {}" does not match "Classe B"), and the entry stands alone as words.
 */
function pattern(entry: string): RegExp | null {
  const parts = entry.trim().split(/\{[A-Za-z0-9_:.?]*\}/).map((p) => p.replace(/\{\{/g, '{').replace(/\}\}/g, '}'));
  // Fewer than three letters in the fixed parts ("j", "en", "{} ×"): nothing to recognise.
  if ((parts.join('').match(/\p{L}/gu) ?? []).length < 3) return null;
  const body = parts
    .map((p) => {
      const core = p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      const before = /^\p{L}/u.test(p) ? '(?<![\\p{L}\\p{N}])' : '';
      const after = /\p{L}$/u.test(p) ? '(?![\\p{L}\\p{N}])' : '';
      return before + core + after;
    })
    .join('[\\s\\S]+?');
  return new RegExp(body, 'u');
}

/** The strings of one language that the other does not have, as patterns. */
function foreign(lang: Lang): { entry: string; re: RegExp }[] {
  const own = new Set(catalogue[lang]);
  // The language's own strings, placeholders out: a word they use too ("net", "Import",
  // "Liquidation" are French as well as English) is not a sign of the other language.
  const ownTexts = catalogue[lang].map((s) => s.replace(/\{[A-Za-z0-9_:.?]*\}/g, ' '));
  const other = lang === 'fr' ? catalogue.en : catalogue.fr;
  return other
    .filter((s) => !own.has(s))
    .map((entry) => ({ entry, re: pattern(entry) }))
    .filter((x): x is { entry: string; re: RegExp } => x.re !== null && !ownTexts.some((t) => x.re!.test(t)));
}

/** What a user's data may say in any language: every string of the files the test loads. */
const USER_DATA: string[] = (() => {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string' && /\p{L}/u.test(v)) out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(demoDocument());
  walk(JSON.parse(readFileSync(path.join(FIXTURES, 'conflict.json'), 'utf8')));
  ['Scierie des Landes', 'broken.json', 'conflict.json'].forEach((s) => out.add(s));
  // The ledger files' own words: the CSV's headers (Windows-1252) and the FEC's labels.
  for (const [file, encoding] of [['open-items.csv', 'latin1'], ['ledger.fec.txt', 'utf8']] as const) {
    for (const cell of readFileSync(path.join(FIXTURES, file), encoding).split(/[;\t\r\n]+/)) {
      if (/\p{L}/u.test(cell)) out.add(cell.trim());
    }
  }
  // Longest first, so that a name is removed before a shorter name inside it.
  return [...out].sort((a, b) => b.length - a.length);
})();

/**
 * The language choice speaks the language it offers: each language's name, and the toggle's
 * label ("Passer en français" on the English screens, "Switch to English" on the French ones).
 */
const LANGUAGE_NAMES = ['Passer en français', 'Switch to English', 'Français', 'English'];

const MONTHS_EN = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
/** Figures written the other language's way. */
const WRONG_FORMAT: Record<Lang, { what: string; re: RegExp }[]> = {
  en: [
    { what: 'French thousands separator', re: /\d[\u202F\u00A0]\d{3}(?!\d)/ },
    { what: 'French decimal comma before a unit', re: /\d,\d+\s*(%|×|€|pts)/ },
    { what: 'euro sign after the amount', re: /\d\s*€/ },
    { what: 'day/month/year date', re: /\b\d{2}\/\d{2}\/\d{4}\b/ },
  ],
  fr: [
    { what: 'euro sign before the amount', re: /€\s*\d/ },
    { what: 'English decimal point before a unit', re: /\d\.\d+\s*(%|×|€|pts)/ },
    { what: 'English thousands separator', re: /\d,\d{3}(,\d{3})*\s*(€|%)/ },
    { what: 'English month name', re: new RegExp(`\\b\\d{1,2} (${MONTHS_EN}) \\d{4}\\b`) },
  ],
};

class Checker {
  readonly problems: string[] = [];
  private readonly patterns: { entry: string; re: RegExp }[];
  screens = 0;

  constructor(
    private readonly app: Encours,
    readonly lang: Lang,
  ) {
    this.patterns = foreign(lang);
  }

  /** Every piece of text on the page, user data taken out. */
  private async texts(): Promise<string[]> {
    const raw = await this.app.page.evaluate(() => {
      const out = new Set<string>([document.title]);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const tag = n.parentElement?.tagName;
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') continue;
        const t = (n.textContent ?? '').trim();
        if (t) out.add(t);
      }
      for (const el of document.body.querySelectorAll('[placeholder], [title], [aria-label], [alt], [aria-description]')) {
        for (const a of ['placeholder', 'title', 'aria-label', 'alt', 'aria-description']) {
          const v = el.getAttribute(a)?.trim();
          if (v) out.add(v);
        }
      }
      return [...out];
    });
    return raw.map((t) => {
      let s = t;
      for (const d of [...USER_DATA, ...LANGUAGE_NAMES]) if (s.includes(d)) s = s.split(d).join(' ');
      return s;
    });
  }

  /** Checks the page as it is now; `where` names the screen and state in the report. */
  async check(where: string) {
    await this.app.settle();
    this.screens++;
    const page = this.app.page;
    await expect(page.locator('html'), where).toHaveAttribute('lang', this.lang);
    const title = await page.title();
    expect(title, `${where}: document title`).toMatch(/Encours/);
    for (const t of await this.texts()) {
      for (const { entry, re } of this.patterns) {
        if (re.test(t)) this.problems.push(`${where}: "${t}" has the ${this.lang === 'en' ? 'French' : 'English'} string "${entry}"`);
      }
      // A SIREN is written in three groups of three digits in either language.
      const figures = t.replace(/(?<!\d)\d{3}[\s\u202F\u00A0]\d{3}[\s\u202F\u00A0]\d{3}(?![\d\s\u202F\u00A0]*[€%])(?!\d)/g, ' ');
      for (const { what, re } of WRONG_FORMAT[this.lang]) {
        if (re.test(figures)) this.problems.push(`${where}: "${t}": ${what}`);
      }
      if (this.lang === 'en' && /[àâçéèêëîïôûùüÿœæ«»]/i.test(t)) this.problems.push(`${where}: "${t}": French letters in English`);
    }
  }
}

/** Walks every screen and state of the app in one language; returns what was found. */
async function walk(app: Encours, lang: Lang): Promise<Checker> {
  const c = new Checker(app, lang);
  const page = app.page;
  await app.pinDate();
  await app.open();
  if (lang === 'en') await app.byTestId('lang-toggle').click();
  await expect(app.byTestId('lang-toggle')).toHaveAttribute('data-value', lang);

  // Portfolio: empty, then a refused file, then the demo.
  await expect(app.byTestId('portfolio-empty')).toBeVisible();
  await c.check('portfolio, empty');
  await app.goTo('analysis');
  await c.check('analysis, no file open');
  await app.goTo('client');
  await c.check('client, no file open');
  await app.goTo('portfolio');
  await app.importFile(path.join(FIXTURES, 'broken.json'));
  await expect(app.importError).toBeVisible();
  await c.check('portfolio, refused file');
  await app.importFile(path.join(FIXTURES, 'wrong-type.json'));
  await expect(app.importError).toBeVisible();
  await c.check('portfolio, refused file of another type');
  await app.loadDemo();
  await c.check('portfolio, demo loaded (import summary)');
  await app.byTestId('portfolio-search').fill('zzzz');
  await expect(app.byTestId('portfolio-no-match')).toBeVisible();
  await c.check('portfolio, search without a match');
  await app.byTestId('portfolio-search').fill('');
  await app.expectRowCount(6);

  // Import with a conflict: the dialogue, then cancelled.
  await app.importFile(path.join(FIXTURES, 'conflict.json'));
  await expect(app.byTestId('import-dialog')).toBeVisible();
  await c.check('portfolio, import dialogue with a conflict');
  await app.resolveConflict('keep-both');
  await c.check('portfolio, import dialogue, conflict resolved');
  await app.byTestId('import-cancel').click();
  await expect(app.byTestId('import-dialog')).toHaveCount(0);

  // A deletion and its undo banner.
  await app.clientRow('demo-translog-express').getByTestId('row-delete').click();
  await expect(app.byTestId('undo-delete')).toBeVisible();
  await c.check('portfolio, file deleted (undo banner)');
  await app.byTestId('undo-delete').click();
  await app.expectRowCount(6);

  // A demo file in quick and complete entry modes.
  await app.openClient('demo-menuiserie-leroy');
  await expect(app.byTestId('client-page')).toBeVisible();
  await c.check('client Menuiserie Leroy, quick entry');
  await app.byTestId('entry-mode-complete').click();
  await expect(app.field('tangible_assets-0')).toBeVisible();
  await c.check('client Menuiserie Leroy, complete entry');
  await app.byTestId('entry-mode-quick').click();

  // The analysis, explanations opened: a ratio, a criterion, a score.
  await app.byTestId('open-analysis').click();
  await expect(app.byTestId('analysis-page')).toBeVisible();
  await c.check('analysis Menuiserie Leroy');
  await app.ratio('equity_ratio').click();
  await expect(app.byTestId('explain-ratio-equity_ratio')).toBeVisible();
  await c.check('analysis, a ratio explained');
  await page.locator('tr', { has: app.criterion('gearing') }).locator('button.label-button').click();
  await expect(app.byTestId('explain-criterion-gearing')).toBeVisible();
  await c.check('analysis, a criterion explained');
  await app.failureScore('altman_z2').click();
  await expect(page.locator('.score-card .explain')).toBeVisible();
  await c.check('analysis, a failure score explained');

  // Files in other states: knock-outs and legal flags, no limit, missing figures.
  for (const id of ['demo-btp-renov', 'demo-atelier-numerique', 'demo-translog-express', 'demo-boulangerie-martin', 'demo-negoce-durand']) {
    await app.goTo('portfolio');
    await app.openClient(id);
    await expect(app.byTestId('client-page')).toBeVisible();
    await c.check(`client ${id}`);
    await app.byTestId('open-analysis').click();
    await expect(app.byTestId('analysis-page')).toBeVisible();
    await c.check(`analysis ${id}`);
  }

  // A new file: empty, then a year, then entries that cannot be read.
  await app.goTo('portfolio');
  await app.newClient();
  await expect(app.byTestId('no-statement')).toBeVisible();
  await c.check('new client, empty');
  await app.field('name').fill('Scierie des Landes');
  await app.byTestId('add-year-first').click();
  await expect(app.field('closing_date-0')).toBeVisible();
  await app.field('revenue-0').fill('1200000');
  await app.field('equity-0').fill('400000');
  await app.field('total_assets-0').fill('12abc');
  await app.field('siren').fill('123456789');
  await expect(app.fieldError('total_assets-0')).toBeVisible();
  await expect(app.fieldError('siren')).toBeVisible();
  await c.check('new client, a year added, field errors');
  await app.byTestId('entry-mode-complete').click();
  await app.byTestId('add-year-earlier').click();
  await c.check('new client, complete entry, two years');
  await app.byTestId('remove-year-0').click();
  await expect(app.byTestId('remove-year-dialog')).toBeVisible();
  await c.check('new client, confirm removing a year');
  await app.byTestId('remove-year-cancel').click();
  await app.byTestId('open-analysis').click();
  await expect(app.byTestId('analysis-page')).toBeVisible();
  await c.check('analysis of the new file (provisional, missing figures)');

  // The policy editor: as it is, with an error, with a preview.
  await app.goTo('policy');
  await expect(app.policyPage).toBeVisible();
  await c.check('policy');
  const gearing = await app.policyField('weight-gearing').inputValue();
  await app.setPolicyField('weight-gearing', '30');
  await app.setPolicyField('band-gearing-1-points', '120');
  await expect(app.byTestId('policy-error').first()).toBeVisible();
  await c.check('policy, weights not adding up, points out of range');
  await app.setPolicyField('weight-gearing', gearing);
  await app.setPolicyField('band-gearing-1-points', '70');
  await app.setPolicyField('threshold-b', '70');
  await app.previewPolicy();
  await c.check('policy, a draft previewed');

  // The ledger: an empty one, the import dialogue of a FEC, a ledger, the monitoring.
  await app.goTo('portfolio');
  await app.openClient('demo-menuiserie-leroy');
  await app.goTo('ledger');
  await expect(app.byTestId('ledger-empty')).toBeVisible();
  await c.check('ledger of a file without one');
  await app.goTo('monitoring');
  await expect(app.byTestId('monitoring-empty')).toBeVisible();
  await c.check('monitoring, no ledger yet');
  await app.goTo('portfolio');
  await app.importLedger('ledger.fec.txt');
  await expect(app.byTestId('ledger-import-dialog')).toBeVisible();
  await c.check('ledger import dialogue (FEC)');
  await app.byTestId('ledger-create-all').click();
  await app.confirmImport();
  await expect(app.byTestId('ledger-import-dialog')).toBeHidden();
  await app.goTo('monitoring');
  await expect(app.byTestId('monitoring-row').first()).toBeVisible();
  await c.check('monitoring');
  await app.byTestId('monitoring-row').first().click();
  await expect(app.byTestId('ledger-encours')).toBeVisible();
  await c.check('a ledger');
  await app.byTestId('letter-open').click();
  await expect(app.byTestId('letter-dialog')).toBeVisible();
  await c.check('a dunning letter');
  await app.byTestId('letter-close').click();
  await app.goTo('portfolio');
  await app.importLedger('open-items.csv');
  await expect(app.byTestId('ledger-import-dialog')).toBeVisible();
  await c.check('ledger import dialogue (CSV mapping)');
  await app.byTestId('import-cancel').click();
  await app.importLedger('ledger-bad.fec.txt');
  await expect(app.importError).toBeVisible();
  await c.check('ledger import refused');

  // Settings, then the rest of the settings' states.
  await app.goTo('settings');
  await expect(app.byTestId('settings-page')).toBeVisible();
  await c.check('settings');

  // Switching language on a screen with explanations open: every string follows.
  await app.goTo('analysis');
  await expect(app.byTestId('analysis-page')).toBeVisible();
  return c;
}

for (const lang of ['en', 'fr'] as const) {
  test(`in ${lang === 'en' ? 'English' : 'French'}, no screen shows a string of the other language`, async ({ page }) => {
    test.setTimeout(300_000);
    const app = new Encours(page);
    const c = await walk(app, lang);
    expect(c.screens).toBeGreaterThan(25);
    expect(c.problems, c.problems.join('\n')).toEqual([]);
    app.expectClean();
  });
}

test('switching language on an opened explanation changes every string on screen', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new Encours(page);
  await app.pinDate();
  await app.openDemoAnalysis('demo-menuiserie-leroy');
  await app.ratio('gearing').click();
  await expect(app.byTestId('explain-ratio-gearing')).toBeVisible();
  const fr = new Checker(app, 'fr');
  await fr.check('analysis in French, gearing explained');
  await app.byTestId('lang-toggle').click();
  const en = new Checker(app, 'en');
  await en.check('the same, switched to English');
  await expect(page).toHaveTitle(/Encours/);
  await app.byTestId('lang-toggle').click();
  await fr.check('and back to French');
  const problems = [...fr.problems, ...en.problems];
  expect(problems, problems.join('\n')).toEqual([]);
  app.expectClean();
});

test('the check itself finds a French label, a French amount and a French date on an English screen', async ({ page }) => {
  const app = new Encours(page);
  await app.open();
  await app.byTestId('lang-toggle').click();
  const en = new Checker(app, 'en');
  await en.check('English portfolio');
  expect(en.problems).toEqual([]);
  await page.evaluate(() => {
    for (const t of ['Capitaux propres (DL)', 'Limité par la capacité : 20 % de l’actif net tangible', '1\u202F234\u00A0€', '22/11/2026']) {
      const p = document.createElement('p');
      p.textContent = t;
      document.body.append(p);
    }
  });
  await en.check('English portfolio with French text slipped in');
  expect(en.problems.length, en.problems.join('\n')).toBeGreaterThanOrEqual(4);
});
