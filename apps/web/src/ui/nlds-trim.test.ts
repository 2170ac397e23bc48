import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { trimNlds } from '../../scripts/nlds-trim.mjs';

const require = createRequire(import.meta.url);
/** The words of the app's source; the theme class is on <html> (index.html). */
const words = (...w: string[]) => new Set(['rhc-theme', ...w]);
const squash = (css: string) => css.replace(/\s+/g, ' ').trim();

describe('trimNlds: the NLDS rules the app does not use', () => {
  test('a selector naming an NLDS class that occurs nowhere is dropped, the others of its list stay', () => {
    const css = '.utrecht-button:hover, .utrecht-button--hover { color: red } .utrecht-alert { color: blue } .eigen .utrecht-x { color: green } .eigen { color: black }';
    const out = trimNlds(css, words('utrecht-button'));
    expect(out).toContain('.utrecht-button:hover');
    expect(out).not.toContain('utrecht-button--hover');
    expect(out).not.toContain('utrecht-alert');
    expect(out).not.toContain('utrecht-x');
    expect(out).toContain('.eigen { color: black }');
  });

  test('an at-rule left empty goes too', () => {
    const out = trimNlds('@media print { .utrecht-alert { color: red } } .a { color: red }', words());
    expect(out).not.toContain('@media');
    expect(out).toContain('.a');
  });
});

describe('trimNlds: tokens', () => {
  test('a token defined once on the theme is written where it is used, and then removed', () => {
    const css = '.rhc-theme { --rhc-color-x: #154273; --utrecht-button-bg: var(--rhc-color-x); --rhc-card-bg: red } .utrecht-button { background: var(--utrecht-button-bg, white) }';
    const out = squash(trimNlds(css, words('utrecht-button')));
    expect(out).toContain('background: #154273');
    expect(out).not.toContain('--rhc-color-x');
    expect(out).not.toContain('--rhc-card-bg');
  });

  test('a token the app sets again stays a var(), and so does a token that needs it', () => {
    const css = '.rhc-theme { --rhc-size: 20px; --utrecht-size: var(--rhc-size) } .utrecht-button { font-size: var(--utrecht-size) }';
    const app = '.rhc-theme { --rhc-size: 1rem }';
    const out = squash(trimNlds(css, words('utrecht-button'), [app]));
    expect(out).toContain('font-size: var(--utrecht-size)');
    expect(out).toContain('--utrecht-size: var(--rhc-size)');
    expect(out).toContain('--rhc-size: 20px');
  });

  test("a component's own switch (defined more than once) stays", () => {
    const css = '.utrecht-alert { color: var(--_utrecht-alert-color) } .utrecht-alert--ok { --_utrecht-alert-color: green } .utrecht-alert--error { --_utrecht-alert-color: red }';
    const out = squash(trimNlds(css, words('utrecht-alert', 'utrecht-alert--ok', 'utrecht-alert--error')));
    expect(out).toContain('color: var(--_utrecht-alert-color)');
    expect(out).toContain('--_utrecht-alert-color: green');
    expect(out).toContain('--_utrecht-alert-color: red');
  });

  test('an NLDS property defined nowhere gives its fallback; one without a fallback stays as it is', () => {
    const css = '.utrecht-a { margin: var(--utrecht-a-margin, var(--utrecht-b, 0)) 1px; color: var(--utrecht-a-color) }';
    const out = squash(trimNlds(css, words('utrecht-a')));
    expect(out).toContain('margin: 0 1px');
    expect(out).toContain('color: var(--utrecht-a-color)');
  });

  test('a property named in the source (set from JavaScript) is neither inlined nor removed', () => {
    const css = '.rhc-theme { --utrecht-kleur: red; --utrecht-weg: blue } .utrecht-a { color: var(--utrecht-kleur) }';
    const out = squash(trimNlds(css, words('utrecht-a', '--utrecht-kleur')));
    expect(out).toContain('color: var(--utrecht-kleur)');
    expect(out).toContain('--utrecht-kleur: red');
    expect(out).not.toContain('--utrecht-weg');
  });

  test("the app's own properties are kept, and what they use is reached", () => {
    const css = '.rhc-theme { --rhc-kleur: navy; --lint: var(--rhc-kleur) }';
    const out = squash(trimNlds(css, words(), ['.kop { background: var(--lint) }']));
    expect(out).toContain('--lint: navy');
  });

  test('a token used by the other stylesheets of the app is kept', () => {
    const css = '.rhc-theme { --rhc-color-wit: #fff }';
    const out = squash(trimNlds(css, words(), ['.brief { background: var(--rhc-color-wit) }']));
    expect(out).toContain('--rhc-color-wit: #fff');
  });

  test('"-var(" is not a var() and is left alone', () => {
    const css = '.rhc-theme { --rhc-space: 1rem; --utrecht-m: -var(--rhc-space) } .utrecht-a { margin: var(--utrecht-m) }';
    const out = squash(trimNlds(css, words('utrecht-a')));
    expect(out).not.toContain('-1rem');
    expect(out).toContain('--utrecht-m: -var(--rhc-space)');
  });
});

describe('trimNlds on the published packages', () => {
  const tokens = readFileSync(require.resolve('@rijkshuisstijl-community/design-tokens/dist/index.css'), 'utf8');
  const button = readFileSync(require.resolve('@utrecht/button-css/dist/index.css'), 'utf8');
  const used = words('utrecht-button', 'utrecht-button--primary-action');
  const out = trimNlds(tokens + button, used);

  test('the primary button keeps the Rijkshuisstijl colours, written out', () => {
    const primary = squash(out.slice(out.indexOf('.utrecht-button--primary-action')));
    expect(primary).toMatch(/background-color: var\(--_utrecht-button-hover-background-color, #154273\)|background-color: #154273/);
    expect(out).not.toContain('utrecht-button--secondary-action');
    expect(out).not.toContain('utrecht-button--hover');
  });

  test('most of the 1400 tokens are gone, and every var() left names a property defined in the result or has a fallback', () => {
    const defined = new Set([...out.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));
    expect(defined.size).toBeLessThan(150);
    const full = new Set([...tokens.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));
    // a reference to a token of the package that was removed would be a colour or size lost
    for (const m of out.matchAll(/var\((--[\w-]+)\s*([,)])/g)) if (full.has(m[1]!) && m[2] === ')') expect(defined, m[1]).toContain(m[1]);
  });
});
