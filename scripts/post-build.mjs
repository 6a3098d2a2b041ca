#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml [[hooks]] stage = "post_build"), run on the staging folder
// ($TRUNK_STAGING_DIR) once index.html is written, before Trunk moves it to dist/:
//
// 1. Content-Security-Policy: the page's policy (index.html) allows no inline script, but Trunk
//    writes its start script inline. Every inline <script> becomes a file named after its content
//    (start-<hash>.js) loaded by `src`, with the same attributes: a module stays a module, and its
//    relative imports resolve as before since the file sits beside index.html. Then the page is
//    checked: an inline script, <style> element, style="" or on…="" attribute left in it fails the
//    build (the policy would block it in the browser).
// 2. Offline: writes sw.js, the service worker (from scripts/sw.template.js), with the list of every
//    file of the build and a version computed from their content. The same version goes into the
//    page (<meta name="encours-build">) so that a page can tell it runs another build than the
//    worker in charge (src/ui/offline.rs offers to reload).
//
// Also runs on a built folder by hand (the e2e tests simulate a new build with it):
//   node scripts/post-build.mjs DIR
// It is idempotent: run again, it only refreshes the version and sw.js.

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node scripts/post-build.mjs DIR (or run by Trunk, which sets TRUNK_STAGING_DIR)');
  process.exit(2);
}
// Trunk's public URL ("./" in Trunk.toml): how the page names the files it loads.
const publicUrl = process.env.TRUNK_PUBLIC_URL || './';
const INDEX = 'index.html';
const WORKER = 'sw.js';
const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sw.template.js');

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const fail = (message) => {
  console.error(`post-build: ${message}`);
  process.exit(1);
};

/** Every file under `root`, as '/'-separated relative paths, sorted; dot files are left out
 *  (many servers refuse them, and one refused file would make the whole offline cache fail). */
async function listFiles(root, sub = '') {
  const out = [];
  for (const entry of await readdir(path.join(root, sub), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

// --- 1. No inline script: each one to a file --------------------------------------------------
let html = await readFile(path.join(dir, INDEX), 'utf8');
const inline = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const scripts = new Map(); // file name -> content, written once the page passed the checks
html = html.replace(inline, (tag, attrs, body) => {
  if (/\ssrc\s*=/i.test(attrs)) return tag;
  const name = `start-${sha256(body).slice(0, 16)}.js`;
  scripts.set(name, `${body.trim()}\n`);
  return `<script${attrs} src="${publicUrl}${name}"></script>`;
});
// What the policy would block in the browser (comments aside).
const markup = html.replace(/<!--[\s\S]*?-->/g, '');
const blocked = [
  [/<script\b(?![^>]*\ssrc\s*=)[^>]*>/i, 'an inline <script>'],
  [/<style\b/i, 'a <style> element'],
  [/<[a-z][^>]*\sstyle\s*=/i, 'a style="" attribute'],
  [/<[a-z][^>]*\son[a-z]+\s*=/i, 'an on…="" event attribute'],
];
for (const [pattern, what] of blocked) {
  if (pattern.test(markup)) fail(`${INDEX} has ${what}, which its Content-Security-Policy blocks`);
}
if (!/http-equiv=["']?Content-Security-Policy/i.test(markup)) fail(`${INDEX} has no Content-Security-Policy`);
for (const [name, content] of scripts) await writeFile(path.join(dir, name), content);

// --- 1b. Release builds: the wasm-bindgen glue minified ----------------------------------------
// Trunk minifies the HTML and CSS but not wasm-bindgen's JavaScript (49 KB, 8.6 KB gzip; 6.5 KB
// minified). The page loads it with a Subresource Integrity hash, recomputed here.
if (process.env.TRUNK_PROFILE === 'release') {
  const { minify } = await import('terser');
  for (const file of (await readdir(dir)).filter((f) => /^encours-[0-9a-f]+\.js$/.test(f))) {
    const { code } = await minify(await readFile(path.join(dir, file), 'utf8'), {
      module: true,
      ecma: 2020,
      compress: { passes: 2 },
    });
    if (!code) fail(`terser wrote nothing for ${file}`);
    await writeFile(path.join(dir, file), code);
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    let found = 0;
    html = html.replace(/<link\b[^>]*>/gi, (tag) => {
      if (!tag.includes(file)) return tag;
      found += 1;
      return tag.replace(/integrity=(["']?)sha384-[A-Za-z0-9+/=]+\1/, `integrity="${integrity}"`);
    });
    if (!found) fail(`${INDEX} does not link ${file}`);
  }
}

// --- 2. The version of the build and the service worker -----------------------------------------
// The page's own version marker is left out of what is hashed (so a second run gives the same
// version), and so is the worker itself (it is written from the result).
const VERSION_META = /\s*<meta name="encours-build" content="[^"]*"\s*\/?>/g;
html = html.replace(VERSION_META, '');
const files = (await listFiles(dir)).filter((f) => f !== WORKER);
const lines = [];
for (const file of files) {
  const content = file === INDEX ? html : await readFile(path.join(dir, file));
  lines.push(`${sha256(content)}  ${file}`);
}
const version = sha256(lines.join('\n')).slice(0, 16);

if (!/<\/head>/i.test(html)) fail(`${INDEX} has no </head>`);
html = html.replace(/<\/head>/i, `<meta name="encours-build" content="${version}" /></head>`);
await writeFile(path.join(dir, INDEX), html);

const template = await readFile(TEMPLATE, 'utf8');
const marker = /\/\*BUILD\*\/[^\n]*/;
if (!marker.test(template)) fail(`${TEMPLATE} has no /*BUILD*/ line`);
const build = JSON.stringify({ version, assets: files });
await writeFile(path.join(dir, WORKER), template.replace(marker, () => `/*BUILD*/ const BUILD = ${build};`));

const moved = scripts.size ? `, ${[...scripts.keys()].join(', ')} out of ${INDEX}` : '';
console.log(`post-build: ${WORKER} caches ${files.length} files, build ${version}${moved}`);
