// On a touch tablet (768×1024 portrait, 1024×768 landscape, 1366×1024 large landscape), every
// visible interactive element of the portfolio, client file (quick and complete entry), analysis
// (an explanation open), policy and settings screens is at least 44×44 CSS px (UX.md: touch
// targets), and every amount field brings up the numeric keypad (`inputmode="decimal"`).
//
// What counts as interactive: buttons, links, inputs, selects, text areas, summaries and any
// element with a button/tab/switch/checkbox role or a tab stop. A checkbox or a file input drawn
// inside a label is measured by that label, which is what the finger hits. Inline links inside a
// sentence would be exempt (WCAG 2.5.8), but the app has none: the test counts them and says so.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Encours } from './encours';

const MIN = 44;
const SIZES = [
  { name: 'portrait', width: 768, height: 1024 },
  { name: 'landscape', width: 1024, height: 768 },
  { name: 'large', width: 1366, height: 1024 },
];

/** Every statement line's exchange-format key (the domain's `lines!` tables): amount fields. */
const LINE_KEYS: string[] = (() => {
  const src = readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../../src/domain/statement.rs'), 'utf8');
  return [...src.matchAll(/^\s*\w+ => "(\w+)", "[^"]*", "/gm)].map((m) => m[1]);
})();
/** The amount fields of the trade section of a file. */
const TRADE_AMOUNTS = ['trade-expected_annual_sales', 'trade-insurance_cover', 'trade-guarantees', 'trade-requested_limit'];

type Small = { what: string; width: number; height: number };

/** Visible interactive elements smaller than MIN×MIN, described; and how many were measured. */
async function smallTargets(page: Page): Promise<{ small: Small[]; measured: number; inlineLinks: number }> {
  return page.evaluate((min) => {
    const selector = [
      'button', 'a[href]', 'input:not([type="hidden"])', 'select', 'textarea', 'summary',
      '[role="button"]', '[role="tab"]', '[role="switch"]', '[role="checkbox"]', '[tabindex]:not([tabindex="-1"])',
    ].join(',');
    const small: { what: string; width: number; height: number }[] = [];
    let measured = 0;
    let inlineLinks = 0;
    const seen = new Set<Element>();
    for (const el of document.querySelectorAll(selector)) {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      let target: Element = el;
      let r = el.getBoundingClientRect();
      // Drawn small inside a label (checkbox, visually hidden file input): the label is the target.
      const label = el.closest('label');
      if (label && (el as HTMLInputElement).type && ['checkbox', 'radio', 'file'].includes((el as HTMLInputElement).type)) {
        target = label;
        r = label.getBoundingClientRect();
      }
      if (r.width === 0 && r.height === 0) continue;
      if (seen.has(target)) continue;
      seen.add(target);
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline' && el.parentElement?.closest('p, li')) {
        inlineLinks++;
        continue;
      }
      measured++;
      if (r.width < min - 0.5 || r.height < min - 0.5) {
        const id = target.getAttribute('data-testid') ?? el.getAttribute('data-testid');
        const text = (target.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        const what = `<${target.tagName.toLowerCase()}${id ? ` data-testid="${id}"` : ''}${target.className ? ` class="${target.className}"` : ''}> ${text || el.getAttribute('aria-label') || ''}`;
        small.push({ what, width: Math.round(r.width), height: Math.round(r.height) });
      }
    }
    return { small, measured, inlineLinks };
  }, MIN);
}

/** Asserts the screen's targets, naming each one too small; screenshots it. */
async function expectTargets(app: Encours, where: string, shot: string) {
  await app.settle();
  await app.page.screenshot({ path: shot, fullPage: true });
  const { small, measured, inlineLinks } = await smallTargets(app.page);
  expect(measured, `${where}: interactive elements measured`).toBeGreaterThan(3);
  expect.soft(inlineLinks, `${where}: inline links (exempt, none expected)`).toBe(0);
  expect.soft(small.map((s) => `${s.what} — ${s.width}×${s.height}`), `${where}: targets under ${MIN}×${MIN} px`).toEqual([]);
  expect.soft(await app.horizontalOverflow(), `${where}: sideways overflow (px)`).toBeLessThanOrEqual(0);
  // Nothing only in a tooltip: a title's text is also on the page (a finger cannot hover).
  const hoverOnly = await app.page.evaluate(() => {
    const shown = document.body.innerText.replace(/\s+/g, ' ');
    return [...document.body.querySelectorAll('[title]')]
      // Exempt: an icon button's title naming its action (the icon shows it, the accessible name
      // says it), and a button that opens an explanation on tap (the explanation says it).
      .filter((el) => el.checkVisibility() && !(el.tagName === 'BUTTON' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-expanded'))))
      .map((el) => (el.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim())
      .filter((t) => t && !shown.includes(t));
  });
  expect.soft(hoverOnly, `${where}: text only in a title tooltip`).toEqual([]);
}

/** The amount fields on screen all ask for the decimal keypad; returns how many were seen. */
async function expectDecimalKeypad(page: Page, testids: string[]): Promise<number> {
  const found = await page.evaluate((ids) => {
    const out: { id: string; mode: string | null }[] = [];
    for (const el of document.querySelectorAll('input[data-testid]')) {
      const id = el.getAttribute('data-testid') as string;
      if (ids.some((k) => id === `field-${k}` || id.startsWith(`field-${k}-`))) out.push({ id, mode: el.getAttribute('inputmode') });
    }
    return out;
  }, testids);
  expect(found.filter((f) => f.mode !== 'decimal'), 'amount fields without inputmode="decimal"').toEqual([]);
  return found.length;
}

for (const size of SIZES) {
  test.describe(`touch targets, ${size.name} ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, hasTouch: true, isMobile: true });

    test('every target of every screen is at least 44×44 px; amounts use the decimal keypad', async ({ page }, testInfo) => {
      test.setTimeout(90_000);
      const app = new Encours(page);
      const shot = (n: string) => testInfo.outputPath(`${size.name}-${n}.png`);
      await app.pinDate();
      await app.open();
      await expectTargets(app, 'portfolio, empty', shot('1-portfolio-empty'));
      await app.byTestId('load-demo').tap();
      await app.expectRowCount(6);
      await expectTargets(app, 'portfolio with the demo', shot('2-portfolio'));

      await app.clientRow('demo-menuiserie-leroy').getByTestId('row-name').tap();
      await expect(app.byTestId('client-page')).toBeVisible();
      await expectTargets(app, 'client, quick entry', shot('3-client-quick'));
      const quick = await expectDecimalKeypad(page, [...LINE_KEYS, ...TRADE_AMOUNTS]);
      expect(quick, 'amount fields in quick entry (10 key figures × years + 4 trade amounts)').toBeGreaterThanOrEqual(14);

      await app.byTestId('entry-mode-complete').tap();
      await expect(app.field('tangible_assets-0')).toBeVisible();
      await expectTargets(app, 'client, complete entry', shot('4-client-complete'));
      const complete = await expectDecimalKeypad(page, [...LINE_KEYS, ...TRADE_AMOUNTS]);
      expect(complete, 'amount fields in complete entry').toBeGreaterThan(LINE_KEYS.length);
      await app.byTestId('entry-mode-quick').tap();

      await app.byTestId('open-analysis').tap();
      await expect(app.byTestId('analysis-page')).toBeVisible();
      await app.ratio('equity_ratio').tap();
      await expect(app.byTestId('explain-ratio-equity_ratio')).toBeVisible();
      await expectTargets(app, 'analysis, a ratio explained', shot('5-analysis'));

      await app.goTo('policy');
      await expect(app.policyPage).toBeVisible();
      await expectTargets(app, 'policy', shot('6-policy'));
      // The policy's figures are typed on a numeric keypad too (decimal, or whole for days); its
      // dates (the rate table's half-years) open the date picker.
      const modes = await page.locator('input[data-testid^="policy-"]:not([type="file"]):not([type="checkbox"]):not([type="date"]):not([data-testid="policy-comment"])')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-testid')}:${e.getAttribute('inputmode')}`));
      expect(modes.length).toBeGreaterThan(20);
      expect(modes.filter((m) => !/:(decimal|numeric)$/.test(m)), 'policy fields without a numeric keypad').toEqual([]);

      await app.goTo('settings');
      await expect(app.byTestId('settings-page')).toBeVisible();
      await expectTargets(app, 'settings', shot('7-settings'));

      // The receivables: the demo situation's dialogue, the monitoring, a ledger, a letter.
      await app.goTo('monitoring');
      await app.byTestId('load-demo-ledger').tap();
      await expect(app.byTestId('ledger-import-dialog')).toBeVisible();
      await expectTargets(app, 'ledger import dialogue', shot('8-ledger-import'));
      await app.byTestId('import-confirm').tap();
      await expect(app.byTestId('todays-actions')).toBeVisible();
      await expectTargets(app, 'monitoring', shot('9-monitoring'));
      await app.byTestId('monitoring-row').first().tap();
      await expect(app.byTestId('ledger-page')).toBeVisible();
      await expectTargets(app, 'ledger', shot('10-ledger'));
      await app.byTestId('letter-open').tap();
      await expect(app.byTestId('letter-dialog')).toBeVisible();
      await expectTargets(app, 'letter', shot('11-letter'));
      app.expectClean();
    });
  });
}

test('no style shows or hides anything on hover alone', () => {
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '../../style');
  const found: string[] = [];
  for (const file of ['main.css', 'analysis.css', 'policy.css', 'ledger.css']) {
    const css = readFileSync(path.join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of css.matchAll(/([^{}]*:hover[^{}]*)\{([^}]*)\}/g)) {
      if (/\b(display|visibility|opacity|max-height|content)\s*:/.test(m[2])) found.push(`${file}: ${m[1].trim()}`);
    }
  }
  expect(found, 'rules revealing content on :hover').toEqual([]);
});
