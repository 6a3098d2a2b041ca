// Page object of Encours: drives the app through the data-testid contract of SPEC.md
// ("Outputs that tests read") and records what a test must check on every page: console errors,
// page errors, failed responses, and every request (none may leave the app's origin).
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The sub-path the app is served under in the tests, as on an intranet server. */
export const BASE_PATH = '/intranet/encours/';

export type View = 'portfolio' | 'client' | 'analysis' | 'policy';
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
    page.context().on('requestfailed', (request) =>
      this.failedResponses.push(`failed (${request.failure()?.errorText}) ${request.url()}`),
    );
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

  // --- Import and export ----------------------------------------------------------------------

  /** Chooses a file in the import input: a path, or a file made in the test. */
  async importFile(file: string | { name: string; mimeType?: string; buffer: Buffer }) {
    const input = this.byTestId('import-file');
    if (typeof file === 'string') await input.setInputFiles(file);
    else await input.setInputFiles({ mimeType: 'application/json', ...file });
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
}
