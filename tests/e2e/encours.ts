// Page object of Encours: drives the app through the data-testid contract of SPEC.md
// ("Outputs that tests read") and records what a test must check on every page: console errors,
// page errors, failed responses, and every request (none may leave the app's origin).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  expect,
  type Browser,
  type BrowserContext,
  type Download,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';

/** The sub-path the app is served under in the tests, as on an intranet server. */
export const BASE_PATH = '/intranet/encours/';

export type View = 'portfolio' | 'client' | 'analysis' | 'ledger' | 'monitoring' | 'policy' | 'settings';
/** The folder of the test files (fixtures/). */
export const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');

/** The demo portfolio shipped with the app (the same file the app embeds). */
export const DEMO_PORTFOLIO_PATH = path.join(path.dirname(new URL(import.meta.url).pathname), '../../samples/demo-portfolio.json');

/** A client of the exchange format, as JSON. */
export type ClientJson = { id: string; name: string; [field: string]: unknown };

/** The demo portfolio as JSON (a fresh copy on every call). */
export function demoDocument(): { format: string; version: number; clients: ClientJson[] } {
  return JSON.parse(readFileSync(DEMO_PORTFOLIO_PATH, 'utf8'));
}

/** One demo client as JSON (a fresh copy). */
export function demoClient(id: string): ClientJson {
  const client = demoDocument().clients.find((c) => c.id === id);
  if (!client) throw new Error(`no demo client ${id}`);
  return client;
}

/**
 * The analysis date the demo figures below were computed for (by hand, in tests/engine_demo.rs).
 * Specs that assert them pin the browser's clock to this day with `Encours.pinDate()`, so that
 * company ages and review dates do not move with the calendar.
 */
export const DEMO_DATE = '2026-11-22';

/** The verdict of each demo file at DEMO_DATE, default policy: class, score (4 places), limit. */
export const DEMO_VERDICTS = [
  { id: 'demo-boulangerie-martin', name: 'Boulangerie Martin', class: 'A', score: '98.7500', limit: '3500.00' },
  { id: 'demo-menuiserie-leroy', name: 'Menuiserie Leroy', class: 'B', score: '69.3000', limit: '35500.00' },
  { id: 'demo-translog-express', name: 'TransLog Express', class: 'D', score: '43.7500', limit: '54500.00' },
  { id: 'demo-atelier-numerique', name: 'Atelier Numérique', class: 'D', score: '40.6771', limit: '0.00' },
  { id: 'demo-negoce-durand', name: 'Négoce Durand', class: 'A', score: '98.4000', limit: '236500.00' },
  { id: 'demo-btp-renov', name: 'BTP Rénov 33', class: 'E', score: '15.0521', limit: '0.00' },
] as const;

/** Every aggregate of FINANCE.md §2 (`agg-<key>`). */
export const AGGREGATES = [
  'revenue', 'commercial_margin', 'production', 'external_consumption', 'value_added',
  'personnel_costs', 'ebitda', 'operating_result', 'current_result', 'net_income', 'caf',
  'fixed_assets', 'current_assets', 'total_assets', 'equity', 'financial_debt',
  'structural_financial_debt', 'operating_liabilities', 'total_debts', 'total_liabilities',
  'short_term_debt', 'stable_resources', 'working_capital', 'working_capital_requirement',
  'net_cash', 'net_financial_debt', 'tangible_net_worth',
] as const;

/** Every ratio of FINANCE.md §3 (`ratio-<key>`). */
export const RATIOS = [
  'equity_ratio', 'gearing', 'repayment_capacity', 'current_ratio', 'quick_ratio', 'cash_ratio',
  'dso_days', 'dpo_days', 'inventory_days', 'wcr_days', 'ebitda_margin', 'net_margin',
  'return_on_equity', 'personnel_weight', 'interest_coverage', 'financial_charges_weight',
  'revenue_growth',
] as const;

/** The failure scores of FINANCE.md §4 (`score-<key>`). */
export const FAILURE_SCORES = ['altman_z2', 'altman_z1', 'conan_holder'] as const;

/** The criteria of the default grid, FINANCE.md §5 (`criterion-<key>`). */
export const CRITERIA = [
  'equity_ratio', 'gearing', 'repayment_capacity', 'current_ratio', 'net_margin',
  'financial_charges_weight', 'dpo_days', 'revenue_growth', 'altman_z2', 'company_age',
  'payment_history', 'payment_incidents', 'sector_risk', 'information_quality',
] as const;

/** Parts of the credit limit (`limit-<part>`). */
export const LIMIT_PARTS = ['recommended', 'need', 'capacity', 'secured', 'unsecured', 'binding'] as const;

/** Every test id of SPEC.md "Outputs that tests read" on the analysis view (`provisional` aside). */
export const ANALYSIS_TESTIDS: string[] = [
  'score', 'risk-class', 'completeness', 'terms-recommended', 'review-due',
  ...LIMIT_PARTS.map((p) => `limit-${p}`),
  ...AGGREGATES.map((a) => `agg-${a}`),
  ...RATIOS.map((r) => `ratio-${r}`),
  ...FAILURE_SCORES.map((s) => `score-${s}`),
  ...CRITERIA.map((c) => `criterion-${c}`),
];

/**
 * A portfolio document of `count` clients, the demo files repeated under ids `gen-00001`… (each
 * a real file of five years of statements): 10,000 of them make about 15 MB.
 */
export function generatedPortfolio(count: number): { format: string; version: number; clients: ClientJson[] } {
  const doc = demoDocument();
  const models = doc.clients;
  const clients: ClientJson[] = [];
  for (let i = 1; i <= count; i++) {
    const model = models[(i - 1) % models.length];
    const id = `gen-${String(i).padStart(5, '0')}`;
    clients.push({ ...model, id, name: `${model.name} ${i}` });
  }
  return { format: doc.format, version: doc.version, clients };
}

/** A new browser context with the project's options (empty storage: a first visit). */
export async function newContext(browser: Browser, testInfo: TestInfo): Promise<BrowserContext> {
  const use = testInfo.project.use;
  return browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport,
    locale: use.locale,
    timezoneId: use.timezoneId,
    acceptDownloads: true,
  });
}

/** A client record as the app stores it under `encours.client.<id>`. */
export function clientRecord(client: ClientJson, rev = 1): string {
  return JSON.stringify({ schema: 1, rev, saved_at: '2026-11-01T09:00:00.000Z', client });
}

export type LimitPart = 'recommended' | 'need' | 'capacity' | 'secured' | 'unsecured' | 'binding';
export type FailureScore = 'altman_z2' | 'altman_z1' | 'conan_holder';
export type ConflictChoice = 'replace' | 'keep-both' | 'skip';

export class Encours {
  /** Text of every console message of type error. */
  readonly consoleErrors: string[] = [];
  /** Every uncaught exception or unhandled rejection in the page. */
  readonly pageErrors: string[] = [];
  /** URL of every request made by the page (including workers), in order. */
  readonly requests: string[] = [];
  /** Responses with an HTTP status of 400 or more, as "status url". */
  readonly failedResponses: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.pageErrors.push(`${error.name}: ${error.message}`));
    page.context().on('request', (request) => this.requests.push(request.url()));
    page.context().on('response', (response) => {
      if (response.status() >= 400) this.failedResponses.push(`${response.status()} ${response.url()}`);
    });
    page.context().on('requestfailed', (request) => {
      const error = request.failure()?.errorText ?? '';
      // The browser fetches the tab icon and the manifest on its own and cancels them when the
      // page navigates or closes first: that is not a failure of the app.
      if (error === 'net::ERR_ABORTED' && /\/(icon[^/]*|manifest\.webmanifest)$/.test(new URL(request.url()).pathname)) return;
      this.failedResponses.push(`failed (${error}) ${request.url()}`);
    });
  }

  /** Opens the app at its sub-path (with an optional hash such as '#analysis') and waits for it. */
  async open(hash = '') {
    await this.page.goto(BASE_PATH + hash);
    await this.waitForApp();
  }

  async reload() {
    await this.page.reload();
    await this.waitForApp();
  }

  async waitForApp() {
    await expect(this.root).toBeAttached();
  }

  /** The origin the app is served from. */
  origin(): string {
    return new URL(this.page.url()).origin;
  }

  /** Requests that went anywhere but the app's origin (data: URLs never leave the page). */
  offOriginRequests(): string[] {
    const origin = this.origin();
    return this.requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
  }

  /** Asserts the page stayed clean: no console error, no page error, no failed or foreign request. */
  expectClean() {
    expect(this.consoleErrors, 'console errors').toEqual([]);
    expect(this.pageErrors, 'page errors').toEqual([]);
    expect(this.failedResponses, 'failed responses').toEqual([]);
    expect(this.offOriginRequests(), 'requests leaving the origin').toEqual([]);
  }

  // --- Elements -------------------------------------------------------------------------------

  get root(): Locator {
    return this.page.getByTestId('app');
  }

  /** Any element by its data-testid. */
  byTestId(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** The data-value of a figure ('' when the figure is absent, null without the attribute). */
  async value(figure: string | Locator): Promise<string | null> {
    const locator = typeof figure === 'string' ? this.byTestId(figure) : figure;
    return locator.getAttribute('data-value');
  }

  // --- Test set-up ----------------------------------------------------------------------------

  /**
   * Pins the browser's clock (Date) to a day, 10:00 in Paris, before the app loads; timers keep
   * running. Call before `open()`.
   */
  async pinDate(day: string = DEMO_DATE) {
    await this.page.clock.setFixedTime(new Date(`${day}T10:00:00+01:00`));
  }

  /**
   * Replaces `window.print()` before the app loads with a recorder: the test sees that the app
   * asked the browser to print (`printCalls()`), and no print job starts, so `page.pdf()` never
   * meets one under way (how a headless Chromium handles `print()` changes from build to build).
   * The browser's own `beforeprint`/`afterprint` events are the test's to send (`afterPrint()`).
   */
  async stubPrint() {
    await this.page.addInitScript(() => {
      const w = window as unknown as { __printCalls: number };
      w.__printCalls = 0;
      window.print = () => {
        w.__printCalls += 1;
      };
    });
  }

  /** How many times the page called `window.print()` (after `stubPrint()`). */
  async printCalls(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls);
  }

  /** Sends the `beforeprint` event a browser sends before it lays a page out for paper (Ctrl+P). */
  async beforePrint() {
    await this.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  }

  /** Sends the `afterprint` event a browser sends when its print dialogue closes. */
  async afterPrint() {
    await this.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  }

  /**
   * Puts entries in localStorage before the app's first load in this page (once per tab: a
   * reload does not seed again). Call before `open()`.
   */
  async seedStorage(entries: Record<string, string>) {
    await this.page.addInitScript((seed) => {
      if (sessionStorage.getItem('e2e-seeded') === '1') return;
      for (const [key, value] of Object.entries(seed)) localStorage.setItem(key, value);
      sessionStorage.setItem('e2e-seeded', '1');
    }, entries);
  }

  /** Every localStorage entry of the origin, as it is stored. */
  async storage(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const out: Record<string, string> = {};
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key !== null) out[key] = localStorage.getItem(key) ?? '';
      }
      return out;
    });
  }

  /** The client stored under `encours.client.<id>` (exchange format), or null. */
  async storedClient(id: string): Promise<ClientJson | null> {
    const raw = await this.page.evaluate((key) => localStorage.getItem(key), `encours.client.${id}`);
    return raw === null ? null : JSON.parse(raw).client;
  }

  /** Ids of the client files in localStorage, sorted. */
  async storedIds(): Promise<string[]> {
    const all = await this.storage();
    return Object.keys(all)
      .filter((k) => k.startsWith('encours.client.'))
      .map((k) => k.slice('encours.client.'.length))
      .sort();
  }

  /** Waits until the app has had a chance to run its pending effects (two frames and a tick). */
  async settle() {
    await this.page.evaluate(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 20)))),
    );
  }

  // --- Portfolio ------------------------------------------------------------------------------

  get portfolioPage(): Locator {
    return this.byTestId('portfolio-page');
  }

  get importSummary(): Locator {
    return this.byTestId('import-summary');
  }

  /** Waits until the portfolio lists exactly `n` rows (rows render progressively). */
  async expectRowCount(n: number) {
    await expect(this.byTestId('portfolio-count')).toHaveAttribute('data-value', String(n));
    await expect(this.clientRows()).toHaveCount(n);
  }

  /** Loads the demo portfolio into an empty portfolio and waits for its six rows. */
  async loadDemo() {
    await this.goTo('portfolio');
    await this.byTestId('load-demo').click();
    await expect(this.importSummary).toBeVisible();
    await this.expectRowCount(DEMO_VERDICTS.length);
  }

  /** What a portfolio row shows: name, SIREN, class, score and limit (data-values). */
  async rowFigures(id: string) {
    const row = this.clientRow(id);
    await expect(row).toHaveCount(1);
    return {
      name: (await row.getByTestId('row-name').innerText()).trim(),
      siren: await row.getByTestId('row-siren').getAttribute('data-value'),
      class: await row.getByTestId('row-class').getAttribute('data-value'),
      score: await row.getByTestId('row-score').getAttribute('data-value'),
      limit: await row.getByTestId('row-limit').getAttribute('data-value'),
    };
  }

  /** Expects a row's class, score and limit. */
  async expectRow(id: string, expected: { name?: string; class: string; score: string; limit: string }) {
    const row = this.clientRow(id);
    if (expected.name !== undefined) await expect(row.getByTestId('row-name')).toHaveText(expected.name);
    await expect(row.getByTestId('row-class')).toHaveAttribute('data-value', expected.class);
    await expect(row.getByTestId('row-score')).toHaveAttribute('data-value', expected.score);
    await expect(row.getByTestId('row-limit')).toHaveAttribute('data-value', expected.limit);
  }

  /** Creates a file with "Nouveau client"; returns its id (from the URL hash). */
  async newClient(): Promise<string> {
    await this.byTestId('new-client').first().click();
    await expect(this.byTestId('client-page')).toBeVisible();
    await expect.poll(() => this.openId(), { message: 'the URL hash names the new file' }).toMatch(/./);
    return (await this.openId()) as string;
  }

  /** The id of the file in the URL hash (`#client/<id>` or `#analysis/<id>`), or null. */
  async openId(): Promise<string | null> {
    const hash = new URL(this.page.url()).hash;
    const m = /^#(?:client|analysis)\/(.+)$/.exec(hash);
    return m ? decodeURIComponent(m[1]) : null;
  }

  // --- Client file ----------------------------------------------------------------------------

  /** An entry field of the client file (see src/ui/pages/client.rs for the suffixes). */
  field(suffix: string): Locator {
    return this.byTestId(`field-${suffix}`);
  }

  /** The message under an entry field that could not be read. */
  fieldError(suffix: string): Locator {
    return this.byTestId(`error-${suffix}`);
  }

  /** The verdict as data-values: class, score, completeness and recommended limit. */
  async verdict() {
    return {
      class: await this.value(this.riskClass()),
      score: await this.value(this.score()),
      completeness: await this.value(this.completeness()),
      limit: await this.value(this.limit('recommended')),
    };
  }

  /** Expects the verdict's class, score and limit (data-values). */
  async expectVerdict(expected: { class: string; score?: string; limit: string }) {
    await expect(this.riskClass()).toHaveAttribute('data-value', expected.class);
    if (expected.score !== undefined) await expect(this.score()).toHaveAttribute('data-value', expected.score);
    await expect(this.limit('recommended')).toHaveAttribute('data-value', expected.limit);
  }

  /** Every `data-testid` with a `data-value` in the main area: test id → data-values, in order. */
  async figures(): Promise<Record<string, string[]>> {
    return this.page.locator('main').evaluate((main) => {
      const out: Record<string, string[]> = {};
      for (const el of main.querySelectorAll('[data-testid][data-value]')) {
        const id = el.getAttribute('data-testid') as string;
        (out[id] ??= []).push(el.getAttribute('data-value') as string);
      }
      return out;
    });
  }

  /** Whether the document scrolls sideways: its width beyond the window's. */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  // --- Navigation -----------------------------------------------------------------------------

  async goTo(view: View) {
    await this.byTestId(`nav-${view}`).click();
  }

  clientRows(): Locator {
    return this.byTestId('client-row');
  }

  clientRow(id: string): Locator {
    return this.clientRows().and(this.page.locator(`[data-id="${id.replace(/["\\]/g, '\\$&')}"]`));
  }

  async openClient(id: string) {
    await this.clientRow(id).click();
  }

  /** The analysis screen of a demo file: opens the app, loads the demo, opens the file's analysis. */
  async openDemoAnalysis(id: string) {
    await this.open();
    await this.loadDemo();
    await this.openClient(id);
    await this.byTestId('open-analysis').click();
  }

  /** Switches the interface language with the header's toggle and waits for it. */
  async switchLanguage(lang: 'fr' | 'en') {
    await this.byTestId('lang-toggle').click();
    await expect(this.byTestId('lang-toggle')).toHaveAttribute('data-value', lang);
  }

  // --- Import and export ----------------------------------------------------------------------

  /** Chooses a file in the import input: a path, or a file made in the test. */
  async importFile(file: string | { name: string; mimeType?: string; buffer: Buffer }) {
    const input = this.byTestId('import-file');
    if (typeof file === 'string') await input.setInputFiles(file);
    else await input.setInputFiles({ mimeType: 'application/json', ...file });
  }

  /** Chooses a FEC or an open-items CSV in the portfolio's ledger input: a fixture's name, or a
   * file made in the test. */
  async importLedger(file: string | { name: string; buffer: Buffer }) {
    const input = this.byTestId('ledger-import-file');
    if (typeof file === 'string') await input.setInputFiles(path.join(FIXTURES, file));
    else await input.setInputFiles({ mimeType: 'text/plain', ...file });
  }

  /** Loads the demo portfolio, then the demo situation from the monitoring screen, confirmed. */
  async loadDemoSituation() {
    await this.loadDemo();
    await this.goTo('monitoring');
    await this.byTestId('load-demo-ledger').click();
    await this.confirmImport();
    await expect(this.byTestId('ledger-import-dialog')).toHaveCount(0);
  }

  /** The open ledger import dialogue's customer line for a code. */
  ledgerCustomer(code: string): Locator {
    return this.byTestId('ledger-customer').and(this.page.locator(`[data-code="${code}"]`));
  }

  /** Restores a backup through the settings screen's input (the same import flow). */
  async restoreFile(file: { name: string; buffer: Buffer }) {
    await this.byTestId('restore-file').setInputFiles({ mimeType: 'application/json', ...file });
  }

  /**
   * Records, from now on, whether the progress indicator (`import-progress`) was in the page and
   * visible when the browser drew a frame: `progressPainted()` reads it. The check runs in a frame
   * callback queued as soon as the indicator appears, that is before the frame is painted, so it
   * holds even though the work that follows blocks the page.
   */
  async watchProgress() {
    await this.page.evaluate(() => {
      const w = window as unknown as { __progressPainted: boolean };
      w.__progressPainted = false;
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="import-progress"]');
        if (el)
          requestAnimationFrame(() => {
            if (el.isConnected && el.checkVisibility()) w.__progressPainted = true;
          });
      }).observe(document.body, { childList: true, subtree: true });
    });
  }

  /** Whether the progress indicator was drawn since `watchProgress()`. */
  async progressPainted(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { __progressPainted: boolean }).__progressPainted);
  }

  /** Imports a JSON document given as a value. */
  async importJson(document: unknown, name = 'import.json') {
    await this.importFile({ name, buffer: Buffer.from(JSON.stringify(document)) });
  }

  get importError(): Locator {
    return this.byTestId('import-error');
  }

  async confirmImport() {
    await this.byTestId('import-confirm').click();
  }

  async resolveConflict(choice: ConflictChoice) {
    await this.byTestId(`conflict-${choice}`).click();
  }

  async exportAll(): Promise<Download> {
    return this.download(this.byTestId('export-all'));
  }

  async exportClient(): Promise<Download> {
    return this.download(this.byTestId('export-client'));
  }

  /** The JSON content of a download. */
  async downloadedJson(download: Download): Promise<unknown> {
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  }

  private async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return download;
  }

  // --- Analysis figures (data-value: raw decimals) --------------------------------------------

  score(): Locator {
    return this.byTestId('score');
  }

  riskClass(): Locator {
    return this.byTestId('risk-class');
  }

  completeness(): Locator {
    return this.byTestId('completeness');
  }

  provisional(): Locator {
    return this.byTestId('provisional');
  }

  limit(part: LimitPart): Locator {
    return this.byTestId(`limit-${part}`);
  }

  termsRecommended(): Locator {
    return this.byTestId('terms-recommended');
  }

  reviewDue(): Locator {
    return this.byTestId('review-due');
  }

  /** An aggregate of FINANCE.md §2, e.g. 'ebitda'. */
  agg(name: string): Locator {
    return this.byTestId(`agg-${name}`);
  }

  /** A ratio of FINANCE.md §3, e.g. 'equity_ratio'. */
  ratio(name: string): Locator {
    return this.byTestId(`ratio-${name}`);
  }

  failureScore(name: FailureScore): Locator {
    return this.byTestId(`score-${name}`);
  }

  /** A grid criterion: data-value is its points (0–100). */
  criterion(name: string): Locator {
    return this.byTestId(`criterion-${name}`);
  }

  // --- Policy (src/ui/pages/policy.rs) --------------------------------------------------------

  get policyPage(): Locator {
    return this.byTestId('policy-page');
  }

  /**
   * A field of the policy editor by its test id without the `policy-` prefix: `weight-gearing`,
   * `band-gearing-0-bound`, `band-gearing-0-points`, `threshold-b`, `limit-a-tnw`, `vat`,
   * `ratio-gearing-good`… Percentages are typed as percentages ("20" for 20 %).
   */
  policyField(name: string): Locator {
    return this.byTestId(`policy-${name}`);
  }

  /** Types a value into a policy field (the field keeps what was typed). */
  async setPolicyField(name: string, value: string) {
    await this.policyField(name).fill(value);
  }

  /** The version of the policy in force (data-value). */
  async policyVersion(): Promise<string | null> {
    return this.value(this.byTestId('policy-version'));
  }

  /** Previews the draft on the portfolio and waits for the list of changes. */
  async previewPolicy() {
    await this.byTestId('policy-preview').click();
    await expect(this.byTestId('policy-preview-list')).toBeAttached();
  }

  /** The files the preview lists: id, old and new class, old and new limit (data attributes). */
  async policyPreviewItems() {
    return this.byTestId('policy-preview-item').evaluateAll((items) =>
      items.map((el) => ({
        id: el.getAttribute('data-id'),
        oldClass: el.getAttribute('data-old-class'),
        newClass: el.getAttribute('data-new-class'),
        oldLimit: el.getAttribute('data-old-limit'),
        newLimit: el.getAttribute('data-new-limit'),
      })),
    );
  }

  /** Saves the previewed draft as a new version, with an optional comment; returns its number. */
  async savePolicy(comment = ''): Promise<string | null> {
    if (comment) await this.byTestId('policy-comment').fill(comment);
    await this.byTestId('policy-save').click();
    await expect(this.byTestId('policy-saved')).toBeVisible();
    return this.value(this.byTestId('policy-saved'));
  }

  /** Downloads the policy in force as JSON. */
  async exportPolicy(): Promise<Download> {
    return this.download(this.byTestId('policy-export'));
  }

  /** Chooses a policy file in the policy screen's import input. */
  async importPolicy(file: string | { name: string; buffer: Buffer }) {
    const input = this.byTestId('policy-import-file');
    if (typeof file === 'string') await input.setInputFiles(file);
    else await input.setInputFiles({ mimeType: 'application/json', ...file });
  }
}
