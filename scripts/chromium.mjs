// Debian's Chromium as the tests and the browser benchmark launch it (never a browser downloaded
// by Playwright). Without the background-networking flags, Chromium tries to reach Google's hosts,
// which this machine's closed network refuses.
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
