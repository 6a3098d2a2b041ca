// First load of the app on a tablet profile (section 4 of scripts/bench-browser.mjs): what a sales
// rep waits for when opening Encours. CPU slowed 4× (Emulation.setCPUThrottlingRate) and the
// network emulated by DevTools (Network.emulateNetworkConditions): 9 Mbit/s down, 3 Mbit/s up,
// 60 ms round trip. Nothing here is a test and no test asserts a time.
//
// - cold: a new browser context (empty HTTP cache, no service worker), navigation to the app;
// - warm: the same context once its service worker has stored every file of the build, a new
//   navigation (the page itself network-first, its hashed files from the worker's cache);
// - the floor, measured in the same run: the same cold navigation to the smallest file of the
//   build (the web app manifest), so that round trips and the throttled link are counted apart
//   from the app's own bytes and start-up.
//
// Both with the plain server of the tests (files as they are) and with one that compresses
// (gzip, as most web servers are set up to).
//
// Each run reads, from `performance.now()` (zero at navigation start): "interactive" — the first
// animation frame after the portfolio screen (`portfolio-page`) is in the DOM, the app mounted
// and its storage read; and the bytes transferred (Resource Timing, `transferSize`).

const NETWORK = {
  offline: false,
  latency: 60,
  downloadThroughput: (9 * 1e6) / 8,
  uploadThroughput: (3 * 1e6) / 8,
};

/** Installed before the app loads: the time of the first frame with the portfolio on screen. */
function loadProbe() {
  const w = window;
  w.__load = new Promise((resolve) => {
    const seen = () => document.querySelector('[data-testid="portfolio-page"]');
    const done = () => requestAnimationFrame(() => resolve(performance.now()));
    if (seen()) return done();
    const obs = new MutationObserver(() => {
      if (seen()) {
        obs.disconnect();
        done();
      }
    });
    obs.observe(document, { childList: true, subtree: true });
  });
}

/** Bytes fetched over the network for the page and its resources (0 for what a cache served). */
function transferred() {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  return [nav, ...res].reduce((sum, e) => sum + (e ? e.transferSize : 0), 0);
}

async function emulate(page, cpu) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return cdp;
}

async function newTabletContext(browser, origin) {
  return browser.newContext({
    baseURL: origin,
    viewport: { width: 1024, height: 768 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    hasTouch: true,
  });
}

/** One cold then one warm load in a fresh context: { cold, warm, coldBytes, warmBytes }. */
async function coldAndWarm(browser, origin, base, cpu) {
  const context = await newTabletContext(browser, origin);
  const page = await context.newPage();
  await page.addInitScript(loadProbe);
  await emulate(page, cpu);
  await page.goto(base);
  const cold = await page.evaluate(() => window.__load);
  const coldBytes = await page.evaluate(transferred);
  // Wait until the worker has stored the build and controls the page.
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
    return reg.active?.state;
  });
  await page.goto(base);
  const warm = await page.evaluate(() => window.__load);
  const warmBytes = await page.evaluate(transferred);
  const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker.controller));
  await context.close();
  return { cold, warm, coldBytes, warmBytes, controlled };
}

/** The floor: a cold navigation to the smallest file of the build, to its response's end. */
async function floor(browser, origin, base, cpu) {
  const context = await newTabletContext(browser, origin);
  const page = await context.newPage();
  await emulate(page, cpu);
  await page.goto(`${base}manifest.webmanifest`);
  const t = await page.evaluate(() => performance.getEntriesByType('navigation')[0].responseEnd);
  await context.close();
  return t;
}

/**
 * Runs `runs` cold/warm pairs and floors at 4× and with no CPU throttling, for each server:
 * `origins` maps a server's name to its origin.
 */
export async function benchFirstLoad(browser, origins, base, runs) {
  const out = [];
  for (const [server, origin] of Object.entries(origins)) {
    for (const cpu of [4, 1]) {
      const pairs = [];
      const floors = [];
      for (let i = 0; i < runs; i++) {
        pairs.push(await coldAndWarm(browser, origin, base, cpu));
        floors.push(await floor(browser, origin, base, cpu));
      }
      out.push({ server, cpu, pairs, floors });
    }
  }
  return { network: NETWORK, results: out };
}
