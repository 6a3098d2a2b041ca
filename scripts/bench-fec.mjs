#!/usr/bin/env node
// Browser benchmark of a FEC import (docs/receivables.md): a generated FEC of 100,000 lines
// (examples/fec_sample.rs, 400 customers) picked in the portfolio's ledger input of a release
// build, in Debian's headless Chromium, at 1× and 4× CPU throttling. Nothing here is a test.
//
//   npm run bench:fec [-- DIST] [--lines 100000] [--runs 3]
//
// What is measured, from the moment the file is handed to the input (`setInputFiles` resolved,
// timed in the page with performance.now()):
// - "dialogue": the import dialogue is in the DOM with its customers (read, summarised, matched);
// - the longest task of that interval (PerformanceObserver 'longtask', tasks over 50 ms) and how
//   many there were: the page stays usable when no task is long;
// - the floor: the same pick of a 1-line FEC (one customer), in the same run.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { startServer } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASE = '/intranet/encours/';
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const dist = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? path.join(ROOT, 'dist');
const lines = flag('--lines', 100_000);
const runs = flag('--runs', 3);

const dir = mkdtempSync(path.join(os.tmpdir(), 'encours-fec-'));
const generate = (n, customers) => {
  const file = path.join(dir, `fec-${n}.txt`);
  const text = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'fec_sample', '--', String(n), String(customers)], {
    cwd: ROOT,
    maxBuffer: 1 << 30,
  });
  writeFileSync(file, text);
  return file;
};
const big = generate(lines, 400);
const tiny = generate(1, 1);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function pick(browser, origin, file, rate) {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => window.__tasks.push(...l.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask' });
  });
  await page.goto(BASE);
  await page.getByTestId('app').waitFor();
  await page.getByTestId('load-demo').click();
  await page.getByTestId('client-row').first().waitFor();
  const start = await page.evaluate(() => performance.now());
  await page.getByTestId('ledger-import-file').setInputFiles(file);
  await page.getByTestId('ledger-customer').first().waitFor({ timeout: 120_000 });
  const r = await page.evaluate((start) => {
    const end = performance.now();
    const tasks = window.__tasks.filter(([s]) => s >= start);
    return { ms: end - start, longest: Math.max(0, ...tasks.map(([, d]) => d)), count: tasks.length };
  }, start);
  await context.close();
  return r;
}

const server = await startServer({ dir: dist, base: BASE, port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  console.log(`FEC import benchmark — ${new Date().toISOString().slice(0, 10)}, Chromium ${browser.version()}, ${lines.toLocaleString('en')} lines (${(statSync(big).size / 1e6).toFixed(1)} MB), median of ${runs}`);
  console.log('| CPU | 100,000-line FEC: pick → dialogue | longest task | long tasks | floor: 1-line FEC |');
  console.log('|---|---|---|---|---|');
  for (const rate of [1, 4]) {
    const b = [];
    const f = [];
    for (let i = 0; i < runs; i++) {
      b.push(await pick(browser, origin, big, rate));
      f.push(await pick(browser, origin, tiny, rate));
    }
    const m = (xs, k) => median(xs.map((x) => x[k])).toFixed(0);
    console.log(`| ${rate}× | ${m(b, 'ms')} ms | ${m(b, 'longest')} ms | ${m(b, 'count')} | ${m(f, 'ms')} ms |`);
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
