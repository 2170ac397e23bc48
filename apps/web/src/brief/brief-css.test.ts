import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LETTER_CSS } from '@kansrijke-start/core';

/**
 * The app shows the letter with its own copy of the letter's CSS (scoped to `.brief`, with the
 * app's screen layout); `ks-budget brief` writes the core's `LETTER_CSS`. What decides how the
 * letter is cut into pages must be the same in both: every break rule of the core's is in the
 * app's, for the same elements within `.brief`, under the same media.
 */

interface Rule {
  media: string;
  selectors: string[];
  declarations: string[];
}

/** The style rules of a flat stylesheet (rules, and rules in @media blocks), with their media. */
function rules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out: Rule[] = [];
  let media = '';
  const re = /([^{}]*)\{|\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0] === '}') {
      media = '';
      continue;
    }
    const prelude = m[1]!.trim();
    if (prelude.startsWith('@media')) {
      media = prelude.replace(/\s+/g, ' ');
      continue;
    }
    const close = text.indexOf('}', re.lastIndex);
    const body = text.slice(re.lastIndex, close);
    out.push({ media, selectors: prelude.split(',').map((s) => s.trim().replace(/\s+/g, ' ')), declarations: body.split(';').map((d) => d.trim().replace(/\s*:\s*/, ': ')).filter(Boolean) });
    re.lastIndex = close + 1;
  }
  return out;
}

const isBreak = (d: string) => /^break-(before|after|inside):/.test(d);

describe('the letter\'s CSS in the app', () => {
  const app = rules(readFileSync(new URL('./brief.css', import.meta.url), 'utf8'));
  const core = rules(LETTER_CSS);

  test('has every break rule of the core\'s letter, for the same elements and media', () => {
    const wanted = core.flatMap((r) => r.declarations.filter(isBreak).flatMap((d) => r.selectors.map((s) => ({ media: r.media, selector: `.brief ${s}`, d }))));
    expect(wanted.length).toBeGreaterThan(8);
    const missing = wanted.filter((w) => !app.some((r) => r.media === w.media && r.selectors.includes(w.selector) && r.declarations.includes(w.d)));
    expect(missing).toEqual([]);
  });

  test('has no break rule that the core\'s letter does not have', () => {
    expect(app.filter((r) => r.declarations.some(isBreak)).length).toBeGreaterThan(5);
    const extra = app.flatMap((r) =>
      r.declarations.filter(isBreak).flatMap((d) => r.selectors.filter((s) => !core.some((c) => c.media === r.media && c.declarations.includes(d) && c.selectors.some((cs) => `.brief ${cs}` === s))).map((s) => `${r.media} ${s} { ${d} }`)),
    );
    expect(extra).toEqual([]);
  });
});
