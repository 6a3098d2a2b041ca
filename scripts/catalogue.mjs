#!/usr/bin/env node
// The French and English catalogues of the interface, extracted from the source: every string the
// app shows exists in the code as a French/English pair, written in one of these forms:
//   - `lang.pick("fr", "en")`, `tr(lang, "fr", "en")`, and calls of any function or closure with
//     parameters named `fr`/`en` (`label_fr`/`label_en`…) or a `(fr, en)` hint tuple;
//   - struct literals with `fr: "…", en: "…"` fields;
//   - `if fr { … } else { … }` (also `french`, `lang.is_fr()`, `l.get().is_fr()`, negated);
//   - `match` arms on the language: `Lang::Fr =>` / `Lang::En =>`, or tuples ending with the
//     `fr`/`french` flag (`(x, true) =>` / `(x, false) =>`);
//   - the domain's label tables (`lines!`, `aggregates!`, `ratios!`, `criteria!`).
// Strings with `format!` placeholders are kept as templates (`{}`, `{name}`); the e2e test turns
// them into patterns.
//
// Generated when the test runs (tests/e2e/untranslated.spec.ts calls this script), never
// committed: a committed copy would need its own freshness check and would go stale with every
// string edited by anyone.
//
// Usage: node scripts/catalogue.mjs [--unpaired]   → JSON { fr: [...], en: [...] } on stdout;
// with --unpaired, also `unpaired`: prose-like literals of src/ui found in none of the forms above
// (to review by hand: they may be hard-coded text).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function rustFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...rustFiles(p));
    else if (name.endsWith('.rs')) out.push(p);
  }
  return out.sort();
}

// --- A small Rust tokenizer: strings (with escapes decoded), identifiers, punctuation ----------

function decodeEscapes(s) {
  return s.replace(/\\(u\{([0-9a-fA-F]+)\}|x([0-9a-fA-F]{2})|n|t|r|0|\\|"|'|\n\s*)/g, (m, _e, u, x) => {
    if (u) return String.fromCodePoint(parseInt(u, 16));
    if (x) return String.fromCharCode(parseInt(x, 16));
    switch (m[1]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case '0': return '\0';
      case '\\': return '\\';
      case '"': return '"';
      case "'": return "'";
      default: return ''; // line continuation
    }
  });
}

function tokenize(src) {
  const toks = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '/' && src[i + 1] === '/') { while (i < n && src[i] !== '\n') i++; continue; }
    if (c === '/' && src[i + 1] === '*') {
      let depth = 1; i += 2;
      while (i < n && depth > 0) {
        if (src[i] === '/' && src[i + 1] === '*') { depth++; i += 2; }
        else if (src[i] === '*' && src[i + 1] === '/') { depth--; i += 2; }
        else i++;
      }
      continue;
    }
    // Raw strings r"…", r#"…"#, br"…".
    const raw = /^b?r(#*)"/.exec(src.slice(i, i + 10));
    if (raw) {
      const hashes = raw[1];
      const start = i + raw[0].length;
      const end = src.indexOf('"' + hashes, start);
      toks.push({ t: 'str', v: src.slice(start, end) });
      i = end + 1 + hashes.length;
      continue;
    }
    if (c === '"' || (c === 'b' && src[i + 1] === '"')) {
      let j = c === 'b' ? i + 2 : i + 1;
      while (j < n && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      toks.push({ t: 'str', v: decodeEscapes(src.slice(c === 'b' ? i + 2 : i + 1, j)) });
      i = j + 1;
      continue;
    }
    if (c === "'") {
      // A char literal ('a', '\n', '\u{202F}') or a lifetime ('static).
      const ch = /^'(\\u\{[0-9a-fA-F]+\}|\\x[0-9a-fA-F]{2}|\\.|[^\\'])'/u.exec(src.slice(i, i + 12));
      if (ch) { toks.push({ t: 'char', v: ch[1] }); i += ch[0].length; continue; }
      const lt = /^'[A-Za-z_]\w*/.exec(src.slice(i, i + 40));
      toks.push({ t: 'punct', v: lt ? lt[0] : "'" });
      i += lt ? lt[0].length : 1;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 100));
    if (id) { toks.push({ t: 'id', v: id[0] }); i += id[0].length; continue; }
    const num = /^[0-9][0-9a-zA-Z_.]*/.exec(src.slice(i, i + 60));
    if (num) { toks.push({ t: 'num', v: num[0] }); i += num[0].length; continue; }
    const two = src.slice(i, i + 2);
    if (['=>', '::', '->', '==', '!=', '<=', '>=', '&&', '||'].includes(two)) { toks.push({ t: 'punct', v: two }); i += 2; continue; }
    toks.push({ t: 'punct', v: c });
    i++;
  }
  return toks;
}

const OPEN = { '(': ')', '[': ']', '{': '}' };

/** Index of the token closing the bracket opened at `i`. */
function closing(toks, i) {
  let depth = 0;
  for (let j = i; j < toks.length; j++) {
    const v = toks[j].t === 'punct' ? toks[j].v : '';
    if (v in OPEN) depth++;
    else if (v === ')' || v === ']' || v === '}') { depth--; if (depth === 0) return j; }
  }
  return toks.length - 1;
}

/** The top-level comma-separated parts of the bracket opened at `i`: arrays of token indices. */
function args(toks, i) {
  const end = closing(toks, i);
  const parts = [];
  let cur = [];
  let depth = 0;
  for (let j = i + 1; j < end; j++) {
    const v = toks[j].t === 'punct' ? toks[j].v : '';
    if (v in OPEN) depth++;
    else if (v === ')' || v === ']' || v === '}') depth--;
    if (depth === 0 && v === ',') { parts.push(cur); cur = []; continue; }
    cur.push(j);
  }
  if (cur.length) parts.push(cur);
  return parts;
}

const text = (toks, idx) => idx.map((j) => toks[j].v).join(' ');
/** The string of an argument that is one literal (or `"…".to_string()`/`.into()`), else null. */
function literalArg(toks, idx) {
  if (!idx.length || toks[idx[0]].t !== 'str') return null;
  if (idx.length === 1) return toks[idx[0]].v;
  const rest = text(toks, idx.slice(1));
  return /^\. (to_string|into|to_owned) \( \)$/.test(rest) ? toks[idx[0]].v : null;
}
const stringsIn = (toks, from, to) => {
  const out = [];
  for (let j = from; j <= to; j++) if (toks[j].t === 'str') out.push(toks[j].v);
  return out;
};

// Conditions that mean "the language is French" (and their negations).
const FR_COND = /^(fr|french|is_fr|\w+ \. is_fr \( \)|\w+ \. (get|get_untracked) \( \) \. is_fr \( \)|\w+ \. lang \. (get|get_untracked) \( \) \. is_fr \( \))$/;

function extract(file, cat, used) {
  const src = readFileSync(file, 'utf8');
  const toks = tokenize(src);
  const add = (lang, s, j) => { if (s !== null && s !== undefined) { cat[lang].add(s); if (j !== undefined) used.add(j); } };
  const addRange = (lang, from, to) => {
    for (let j = from; j <= to; j++) if (toks[j].t === 'str') add(lang, toks[j].v, j);
  };

  // Functions and closures with French/English parameters: name → [fr index, en index] or a
  // hint-tuple index.
  const sigs = new Map();
  const paramRoles = (names) => {
    const role = { fr: [], en: [] };
    names.forEach((p, k) => {
      if (/^(fr|french)\w*$|^\w+_fr$/.test(p)) role.fr.push(k);
      else if (/^(en|english)\w*$|^\w+_en$/.test(p)) role.en.push(k);
      else if (/^hint$/.test(p)) role.hint = k;
    });
    return role.fr.length && role.fr.length === role.en.length ? role : null;
  };
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].v === 'fn' && toks[i + 1]?.t === 'id') {
      let k = i + 2;
      if (toks[k]?.v === '<') while (k < toks.length && toks[k].v !== '(') k++;
      if (toks[k]?.v !== '(') continue;
      const names = args(toks, k)
        .map((a) => a.map((j) => toks[j]).filter((t) => t.t === 'id' && t.v !== 'mut')[0]?.v)
        .filter((v) => v !== 'self');
      const role = paramRoles(names);
      if (role) sigs.set(toks[i + 1].v, role);
    }
    // let name = move |a: T, fr: &'static str, en: &'static str| …
    if (toks[i].v === 'let' && toks[i + 1]?.t === 'id' && toks[i + 2]?.v === '=') {
      let k = i + 3;
      if (toks[k]?.v === 'move') k++;
      if (toks[k]?.v !== '|') continue;
      let e = k + 1;
      while (e < toks.length && toks[e].v !== '|') e++;
      const names = [];
      let depth = 0;
      let expectName = true;
      for (let j = k + 1; j < e; j++) {
        const v = toks[j].v;
        if (v === '(' || v === '<' || v === '[') depth++;
        else if (v === ')' || v === '>' || v === ']') depth--;
        else if (v === ',' && depth === 0) { expectName = true; continue; }
        if (expectName && toks[j].t === 'id') { names.push(v); expectName = false; }
      }
      const role = paramRoles(names);
      if (role) sigs.set(toks[i + 1].v, role);
    }
  }
  // Declared in other files and used everywhere.
  sigs.set('pick', { fr: [0], en: [1] });
  sigs.set('tr', { fr: [1], en: [2] });
  sigs.set('new', { fr: [0], en: [1], only: 'Bilingual' });
  sigs.set('form_field', { fr: [1], en: [2], hint: 4 });

  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    // Calls of pick / tr / functions with fr, en parameters.
    if (tk.t === 'id' && sigs.has(tk.v) && toks[i + 1]?.v === '(' && toks[i - 1]?.v !== 'fn'
        && (!sigs.get(tk.v).only || (toks[i - 1]?.v === '::' && toks[i - 2]?.v === sigs.get(tk.v).only))) {
      const role = sigs.get(tk.v);
      const a = args(toks, i + 1);
      role.fr.forEach((f, r) => {
        const e = role.en[r];
        if (!a[f] || !a[e]) return;
        // A literal, or a format!("…", …) whose template is the string.
        const lit = (x) => literalArg(toks, x) ?? (text(toks, x.slice(0, 3)) === 'format ! (' ? literalArg(toks, [x[3]]) : null);
        const fr = lit(a[f]);
        const en = lit(a[e]);
        if (fr !== null && en !== null) {
          add('fr', fr, toks[a[f][0]].t === 'str' ? a[f][0] : a[f][3]);
          add('en', en, toks[a[e][0]].t === 'str' ? a[e][0] : a[e][3]);
        }
      });
      if (role.hint !== undefined && a[role.hint]) {
        const h = a[role.hint];
        // Some(("fr", "en"))
        if (text(toks, h).startsWith('Some ( (')) {
          const inner = args(toks, h[2]);
          if (inner.length === 2) {
            add('fr', literalArg(toks, inner[0]), inner[0][0]);
            add('en', literalArg(toks, inner[1]), inner[1][0]);
          }
        }
      }
    }
    // Option and field lists: (key, "fr", "en") tuples.
    if (tk.v === '(') {
      const a = args(toks, i);
      const last = a.length === 3 && a.slice(1).every((x) => x.length === 1 && toks[x[0]].t === 'str');
      if (last && toks[a[0][0]].t !== 'punct') {
        add('fr', toks[a[1][0]].v, a[1][0]);
        add('en', toks[a[2][0]].v, a[2][0]);
      }
    }
    // Struct literal fields fr: "…", en: "…"; component props fr="…" en="…".
    if (tk.t === 'id' && (tk.v === 'fr' || tk.v === 'en') && [':', '='].includes(toks[i + 1]?.v) && toks[i + 2]?.t === 'str'
        && (toks[i + 1].v === '=' || [',', '}'].includes(toks[i + 3]?.v))) {
      add(tk.v, toks[i + 2].v, i + 2);
    }
    // if <french> { … } else { … }
    if (tk.v === 'if' && tk.t === 'id') {
      let k = i + 1;
      let negated = false;
      if (toks[k]?.v === '!') { negated = true; k++; }
      let b = k;
      while (b < toks.length && toks[b].v !== '{' && b - k < 14) b++;
      if (toks[b]?.v !== '{' || !FR_COND.test(text(toks, range(k, b - 1)))) continue;
      const end1 = closing(toks, b);
      if (toks[end1 + 1]?.v !== 'else' || toks[end1 + 2]?.v !== '{') continue;
      const end2 = closing(toks, end1 + 2);
      addRange(negated ? 'en' : 'fr', b, end1);
      addRange(negated ? 'fr' : 'en', end1 + 2, end2);
    }
    // match arms on the language.
    if (tk.v === 'match' && tk.t === 'id') {
      let b = i + 1;
      let depth = 0;
      while (b < toks.length) {
        const v = toks[b].v;
        if (v === '(' || v === '[') depth++;
        else if (v === ')' || v === ']') depth--;
        else if (v === '{' && depth === 0) break;
        b++;
      }
      // The position of the French flag in a tuple scrutinee, e.g. 2 in `match (days, basis, fr)`.
      let flagAt = -1;
      if (toks[i + 1]?.v === '(' && closing(toks, i + 1) === b - 1) {
        args(toks, i + 1).forEach((a, k) => {
          if (/^(fr|french|\w+ \. is_fr \( \))$/.test(text(toks, a))) flagAt = k;
        });
      }
      const end = closing(toks, b);
      let j = b + 1;
      while (j < end) {
        // pattern up to =>
        let p = j;
        let d = 0;
        while (p < end && !(toks[p].v === '=>' && d === 0)) {
          const v = toks[p].v;
          if (v in OPEN) d++;
          else if (v === ')' || v === ']' || v === '}') d--;
          p++;
        }
        if (p >= end) break;
        const pattern = text(toks, range(j, p - 1));
        // body: a block, or an expression up to the next top-level comma
        let q = p + 1;
        let bodyEnd;
        if (toks[q].v === '{') { bodyEnd = closing(toks, q); q = bodyEnd + 1; if (toks[q]?.v === ',') q++; }
        else {
          d = 0;
          while (q < end && !(toks[q].v === ',' && d === 0)) {
            const v = toks[q].v;
            if (v in OPEN) d++;
            else if (v === ')' || v === ']' || v === '}') d--;
            q++;
          }
          bodyEnd = q - 1;
          q++;
        }
        let lang = null;
        if (/^Lang :: Fr$/.test(pattern)) lang = 'fr';
        else if (/^Lang :: En$/.test(pattern)) lang = 'en';
        else if (flagAt >= 0 && toks[j].v === '(' && closing(toks, j) === p - 1) {
          const flag = args(toks, j)[flagAt];
          const v = flag && text(toks, flag);
          lang = v === 'true' ? 'fr' : v === 'false' ? 'en' : null;
        }
        if (lang) addRange(lang, p + 1, bodyEnd);
        j = q;
      }
    }
    // The domain's label tables.
    if (tk.t === 'id' && ['lines', 'aggregates', 'ratios', 'criteria'].includes(tk.v) && toks[i + 1]?.v === '!'
        && toks[i + 2]?.v === '{' && toks[i - 1]?.v !== 'macro_rules') {
      const end = closing(toks, i + 2);
      let row = [];
      for (let j = i + 3; j < end; j++) {
        if (toks[j].v === ';') {
          const strs = row.filter((x) => toks[x].t === 'str');
          if (tk.v === 'ratios' && strs.length >= 5) {
            add('fr', toks[strs[1]].v); add('en', toks[strs[2]].v);
            add('fr', toks[strs[3]].v); add('en', toks[strs[4]].v);
          } else if (strs.length >= 2) {
            add('fr', toks[strs[strs.length - 2]].v); add('en', toks[strs[strs.length - 1]].v);
          }
          row = [];
        } else row.push(j);
      }
    }
  }
  return toks;
}

function range(a, b) {
  const out = [];
  for (let j = a; j <= b; j++) out.push(j);
  return out;
}

export function buildCatalogue({ unpaired = false } = {}) {
  const cat = { fr: new Set(), en: new Set() };
  const loose = new Set();
  for (const dir of ['src/ui', 'src/domain', 'src/store', 'src/workspace', 'src/storage.rs']) {
    const files = dir.endsWith('.rs') ? [path.join(root, dir)] : rustFiles(path.join(root, dir));
    for (const file of files) {
      const used = new Set();
      const toks = extract(file, cat, used);
      if (unpaired && dir === 'src/ui') {
        toks.forEach((tk, j) => {
          // Prose-like: letters and a space, or accented letters; not a CSS class list or a key.
          if (tk.t === 'str' && !used.has(j) && /\p{L}{2}/u.test(tk.v) && (/[ ’'«»:]/.test(tk.v) || /[À-ÿ]/.test(tk.v))
              && !/^[a-z0-9_ -]+$/.test(tk.v) && !cat.fr.has(tk.v) && !cat.en.has(tk.v)) {
            loose.add(`${path.relative(root, file)}: ${tk.v}`);
          }
        });
      }
    }
  }
  const out = { fr: [...cat.fr].sort(), en: [...cat.en].sort() };
  if (unpaired) out.unpaired = [...loose];
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.stdout.write(JSON.stringify(buildCatalogue({ unpaired: process.argv.includes('--unpaired') }), null, 1) + '\n');
}
