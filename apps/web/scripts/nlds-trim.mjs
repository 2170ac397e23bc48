// Build step for the NL Design System CSS (src/ui/nlds.css, imported by styles.css): the Rijkshuisstijl community tokens file
// defines some 1400 custom properties for every component of the design system, and each Utrecht
// component's CSS carries every variant and state class (--hover, --disabled, --busy ...). This keeps
// what the app uses, computed from the package files and the app's source, so nothing is copied by hand:
//  1. a selector that names an NLDS class (utrecht-*, nl-*, rhc-*) that occurs nowhere in the app's
//     source (src/**, index.html) is dropped; a rule without selectors left goes with it;
//  2. a token defined once, in the theme rule on <html>, whose value needs no other custom property, is
//     written where it is used; an NLDS property defined nowhere gives its fallback;
//  3. an NLDS custom property (--rhc-*, --utrecht-*, --nl-* ...) is kept only when something still
//     reaches it: a declaration that is not itself a custom property, the app's other CSS, its source.
// It runs on the compiled styles.css (which imports nlds.css; @imports inlined) before vite hashes and
// minifies it. The app's
// own classes and properties are left alone. Write NLDS class names in full in the source: a class built
// from pieces (`utrecht-button--${x}`) is not seen and would lose its CSS. The dev server serves it whole.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';

const NLDS_CLASS = /^(?:utrecht|nl|rhc)-/;
const NLDS_PROPERTY = /^--_?(?:utrecht|nl|rhc|ams|basis|todo|figma)-/;
const WORD = /[A-Za-z0-9_-]+/g;
const VAR = /var\(\s*(--[A-Za-z0-9_-]+)/g;
const CLASS = /\.((?:\\.|[A-Za-z0-9_-])+)/g;

/** The words of the bundle's code and markup that may be class names or custom properties. */
function wordsOf(texts) {
  const words = new Set();
  for (const t of texts) for (const m of t.matchAll(WORD)) words.add(m[0]);
  return words;
}

/**
 * Trims one stylesheet (text) to what `words` (the class names and custom properties that occur in
 * the app's JavaScript and HTML) use. Exported for the test.
 */
export function trimNlds(css, words, others = []) {
  const root = postcss.parse(css);
  const elsewhere = others.map((c) => postcss.parse(c));
  // 1. selectors naming NLDS classes that never occur
  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test(rule.parent.name)) return;
    const kept = rule.selectors.filter((sel) => {
      for (const m of sel.matchAll(CLASS)) if (NLDS_CLASS.test(m[1]) && !words.has(m[1])) return false;
      return true;
    });
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  // 2. tokens resolved where they are used (see resolve)
  resolve(root, words, elsewhere);
  // 3. custom properties that nothing reaches
  const defs = new Map(); // name -> its declarations
  const reached = new Set();
  const todo = [];
  const reach = (name) => {
    if (!reached.has(name)) {
      reached.add(name);
      todo.push(name);
    }
  };
  root.walkDecls((d) => {
    if (d.prop.startsWith('--')) {
      if (!defs.has(d.prop)) defs.set(d.prop, []);
      defs.get(d.prop).push(d);
      if (!NLDS_PROPERTY.test(d.prop) || words.has(d.prop)) reach(d.prop);
    } else for (const m of d.value.matchAll(VAR)) reach(m[1]);
  });
  root.walkAtRules((a) => {
    for (const m of a.params.matchAll(VAR)) reach(m[1]);
  });
  for (const r of elsewhere) r.walkDecls((d) => {
    for (const m of d.value.matchAll(VAR)) reach(m[1]);
  });
  while (todo.length > 0) {
    const name = todo.pop();
    for (const d of defs.get(name) ?? []) for (const m of d.value.matchAll(VAR)) reach(m[1]);
  }
  for (const [name, ds] of defs) if (!reached.has(name)) for (const d of ds) d.remove();
  // 4. what is left empty
  let removed = true;
  while (removed) {
    removed = false;
    root.walk((n) => {
      if ((n.type === 'rule' || (n.type === 'atrule' && n.nodes)) && n.nodes.length === 0) {
        n.remove();
        removed = true;
      }
    });
  }
  root.walkComments((c) => {
    c.remove();
  });
  return root.toString();
}

/** The end of the var() that starts at `i` (at its `v`), and its name and fallback. */
function readVar(value, i) {
  let depth = 0;
  let comma = -1;
  for (let j = i + 3; j < value.length; j++) {
    const c = value[j];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      const inner = value.slice(i + 4, j);
      const at = comma < 0 ? -1 : comma - (i + 4);
      return { end: j + 1, name: (at < 0 ? inner : inner.slice(0, at)).trim(), fallback: at < 0 ? null : inner.slice(at + 1).trim() };
    } else if (c === ',' && depth === 1 && comma < 0) comma = j;
  }
  return null;
}

/**
 * Custom property substitution is textual, so a token that is defined exactly once, in the theme rule
 * on the root element (`.rhc-theme`, which is on <html>), can be written where it is used: every element
 * inherits that one value. An NLDS property that is defined nowhere (and not named in the JavaScript)
 * gives its fallback. What is left of the token layers is then unreferenced and removed. Properties
 * defined more than once (the components' own `--_utrecht-*` switches, `--utrecht-space-around`) stay.
 */
function resolve(root, words, elsewhere) {
  const count = new Map();
  const theme = new Map();
  for (const r of [root, ...elsewhere])
    r.walkDecls((d) => {
      if (!d.prop.startsWith('--')) return;
      count.set(d.prop, (count.get(d.prop) ?? 0) + 1);
      if (r === root && d.parent.type === 'rule' && d.parent.selector === '.rhc-theme' && d.parent.parent.type === 'root') theme.set(d.prop, d.value);
    });
  const fixed = (name) => NLDS_PROPERTY.test(name) && !words.has(name) && count.get(name) === 1 && theme.has(name);
  const absent = (name) => NLDS_PROPERTY.test(name) && !words.has(name) && !count.has(name);
  const sub = (value, depth) => {
    if (depth > 20 || !value.includes('var(')) return value;
    let out = '';
    let i = 0;
    for (;;) {
      const k = value.indexOf('var(', i);
      if (k < 0) return out + value.slice(i);
      const v = /[A-Za-z0-9_-]/.test(value[k - 1] ?? ' ') ? null : readVar(value, k);
      if (!v) {
        out += value.slice(i, k + 4);
        i = k + 4;
        continue;
      }
      out += value.slice(i, k);
      const inlined = fixed(v.name) ? sub(theme.get(v.name), depth + 1) : null;
      // a value that still needs a property could differ where that property is set again: kept as var()
      if (inlined !== null && !inlined.includes('var(')) out += inlined;
      else if (absent(v.name) && v.fallback !== null) out += sub(v.fallback, depth + 1);
      else out += v.fallback === null ? `var(${v.name})` : `var(${v.name},${sub(v.fallback, depth + 1)})`;
      i = v.end;
    }
  };
  root.walkDecls((d) => {
    d.value = sub(d.value, 0);
  });
}

/** The files of a folder, recursively. */
function filesOf(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesOf(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The vite plugin (build only): trims `entry` (the path of nlds.css) by the source under `src` and `html`. */
export function nldsTrim({ entry, src, html = [] }) {
  let words;
  let others;
  return {
    name: 'kansrijke-start:nlds-trim',
    apply: 'build',
    buildStart() {
      const files = filesOf(src).filter((f) => /\.(tsx?|css)$/.test(f) && f !== entry);
      words = wordsOf([...files.filter((f) => !f.endsWith('.css')), ...html].map((f) => readFileSync(f, 'utf8')));
      others = files.filter((f) => f.endsWith('.css')).map((f) => readFileSync(f, 'utf8'));
    },
    transform(code, id) {
      if (id.split('?')[0] !== entry) return null;
      return { code: trimNlds(code, words, others), map: null };
    },
  };
}
