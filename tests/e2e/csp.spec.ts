// Content-Security-Policy (issue 6): the page allows only its own origin, plus what WebAssembly
// needs. The policy is in the page, the built page has no inline script for it to block, the app
// works under it with no violation, and it is enforced: an injected script, eval, an inline style
// and a request to another origin are all refused.
import { expect, test, type Page } from '@playwright/test';
import { BASE_PATH, DEMO_VERDICTS, Encours } from './encours';

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

type Violation = { directive: string; blocked: string };

/** Records every violation of the policy the page reports, from its very start. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: Violation[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
    );
  });
}

function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);
}

test('the page carries the policy and the app works under it, with no violation', async ({ page, request }) => {
  const app = new Encours(page);
  await recordViolations(page);
  await app.pinDate();
  await app.open();

  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  const directives = (policy ?? '').split(';').map((d) => d.trim());
  for (const d of DIRECTIVES) expect(directives, d).toContain(d);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain("'unsafe-eval'");

  // The built page itself: every script is a file (Trunk's inline start script was moved out).
  const html = await (await request.get(BASE_PATH)).text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, 'a script loaded from a file').toMatch(/\ssrc="[^"]+"/);
  expect(html).not.toMatch(/<style\b|\sstyle="/);

  // A session over every screen, statements tables and charts included.
  await app.loadDemo();
  const d = DEMO_VERDICTS[1];
  await app.openClient(d.id);
  await app.byTestId('entry-mode-complete').click();
  await app.byTestId('entry-mode-quick').click();
  await app.goTo('analysis');
  await app.expectVerdict({ class: d.class, score: d.score, limit: d.limit });
  await app.goTo('policy');
  await app.goTo('settings');
  await app.byTestId('lang-toggle').click();
  await app.goTo('portfolio');
  await app.expectRowCount(DEMO_VERDICTS.length);

  expect(await violations(page)).toEqual([]);
  app.expectClean();
});

test('the policy is enforced: injected script, eval, inline style, other origins are refused', async ({ page }) => {
  const app = new Encours(page);
  await recordViolations(page);
  await app.open();
  // The same server under another name: another origin (localhost instead of 127.0.0.1).
  const foreign = app.origin().replace('127.0.0.1', 'localhost') + BASE_PATH;

  const outcome = await page.evaluate(async (foreignUrl) => {
    const w = window as unknown as Record<string, unknown>;
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.head.append(script);

    const handler = document.createElement('div');
    handler.setAttribute('onclick', 'window.__handler = true');
    document.body.append(handler);
    handler.click();

    // Code from a string, run by the page later (evaluate() itself may eval: DevTools allows it).
    (setTimeout as (code: string, ms: number) => number)('window.__evaluated = true;', 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const evaluated = w.__evaluated === true;

    const styled = document.createElement('div');
    styled.setAttribute('style', 'color: rgb(1, 2, 3)');
    document.body.append(styled);
    const styleApplied = getComputedStyle(styled).color === 'rgb(1, 2, 3)';

    // no-cors: without the policy this would resolve (an opaque response); blocked, it rejects.
    let fetched = false;
    try {
      await fetch(foreignUrl, { mode: 'no-cors' });
      fetched = true;
    } catch {
      fetched = false;
    }
    handler.remove();
    styled.remove();
    return { script: w.__injected === true, handler: w.__handler === true, evaluated, styleApplied, fetched };
  }, foreign);

  expect(outcome).toEqual({ script: false, handler: false, evaluated: false, styleApplied: false, fetched: false });
  const seen = await violations(page);
  const directives = seen.map((v) => v.directive);
  expect(directives).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'script-src', 'style-src-attr', 'connect-src']));
  expect(seen.find((v) => v.directive === 'connect-src')?.blocked).toBe(foreign);

  // The refusals are reported on the console, and the foreign request never got out: those are
  // this test's own doing; apart from them the page is clean, and the app still works.
  expect(app.consoleErrors.length).toBeGreaterThan(0);
  for (const e of app.consoleErrors) expect(e).toMatch(/Content Security Policy/);
  app.consoleErrors.splice(0);
  const isForeign = (u: string) => u.includes(foreign);
  app.failedResponses.splice(0, app.failedResponses.length, ...app.failedResponses.filter((r) => !isForeign(r)));
  app.requests.splice(0, app.requests.length, ...app.requests.filter((u) => !isForeign(u)));
  await app.loadDemo();
  app.expectClean();
});
