#!/usr/bin/env node
// Size ratchet of the release bundle: every .wasm, .js and .css file of the build folder,
// compressed with gzip -9 and brotli (quality 11). Prints a table and fails when the gzip total
// is above MEASURED_GZIP + 8 KB.
//
//   node scripts/size.mjs [DIST_DIR]      (default: dist)
//
// There is no fixed budget (the 300 KB one was withdrawn): what users feel is load time, which
// the browser benchmark measures. The ratchet only keeps the bundle from growing unnoticed: when a
// change makes it smaller, or a feature makes it larger on purpose, set MEASURED_GZIP to the new
// total printed here, in the same commit, and say why in its message. The README lists what each
// part costs (scripts/size-without.sh).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The gzip total last measured (bytes). 435.7 KB with the import's space check and progress;
 * 463.0 KB once the policy is read by serde's derive again (+20.3 KB) with the place of a refusal
 * (serde_path_to_error, +7.2 KB), the hand-written reader gone.
 * 569.7 KB with the receivables (2026-12-04, +106.7 KB against the build before them): the FEC
 * and open-items readers (with the `csv` crate), the ledger figures and monitoring, the ledger
 * import dialogue and the ledger and monitoring screens.
 * 622.6 KB with penalties, dunning and letters (2026-12-04, +52.9 KB): the dated rate table and
 * the plan by class in the policy (with their serde derive and checks), the penalties, the plan,
 * the letters' wording in both languages, today's actions and the letter dialogue.
 * 630.7 KB with the editors of the rate table and the plan and the litigation summary (+8.1 KB);
 * 634.9 KB with letters in either language, the clipboard and the portfolio's costs (+4.2 KB).
 */
const MEASURED_GZIP = 635_000;
const SLACK_GZIP = 8_000;
const CEILING_GZIP = MEASURED_GZIP + SLACK_GZIP;
const dir = process.argv[2] ?? 'dist';

function* bundleFiles(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) yield* bundleFiles(full); // skip trunk's .stage
    } else if (/\.(wasm|js|css)$/.test(entry.name)) {
      yield full;
    }
  }
}

let files;
try {
  files = [...bundleFiles(dir)].sort();
} catch (error) {
  console.error(`size: cannot read ${dir}: ${error.message} (build first: npm run build)`);
  process.exit(1);
}
if (!files.some((f) => f.endsWith('.wasm'))) {
  console.error(`size: no .wasm file in ${dir}: build first (npm run build)`);
  process.exit(1);
}

const rows = files.map((file) => {
  const data = readFileSync(file);
  return {
    name: path.relative(dir, file),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
  };
});
const total = rows.reduce(
  (sum, row) => ({ name: 'total', raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const width = Math.max(5, ...rows.map((row) => row.name.length));
const line = (row) =>
  `${row.name.padEnd(width)}  ${kb(row.raw).padStart(10)}  ${kb(row.gzip).padStart(10)}  ${kb(row.brotli).padStart(10)}`;
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip -9'.padStart(10)}  ${'brotli'.padStart(10)}`);
rows.forEach((row) => console.log(line(row)));
console.log('-'.repeat(width + 36));
console.log(line(total));

const verdict = total.gzip <= CEILING_GZIP ? 'within' : 'OVER';
console.log(
  `bundle size: ${kb(total.gzip)} gzip -9, ${kb(total.brotli)} brotli ` +
    `(${total.gzip} / ${total.brotli} bytes): ${verdict} the ratchet of ${kb(CEILING_GZIP)} gzip ` +
    `(measured ${kb(MEASURED_GZIP)} + ${kb(SLACK_GZIP)})`,
);
process.exit(total.gzip <= CEILING_GZIP ? 0 : 1);
