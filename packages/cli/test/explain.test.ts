import { beforeAll, describe, expect, it } from 'vitest';
import {
  STATUS_CODES,
  STATUS_MEANING,
  STREAM_IDS,
  baselineData,
  explain,
  formatEuro,
  recipientView,
  renderExplanation,
  type Allocation,
  type BaselineData,
  type Explanation,
} from '@kansrijke-start/core';
import { STACK, VANDAAG, baselineAllocation, calculate, files, ksBudget } from './run.js';
import { SPLIT } from './fixtures.js';

/** The core's explanations of every stream for a municipality in a year. */
function explanations(a: Allocation, code: string, jaar: number): Explanation[] {
  return STREAM_IDS.flatMap((stroom) => {
    const r = explain(a, { stroom, jaar, ontvanger: code, vandaag: VANDAAG });
    return r.ok ? [r.uitleg] : [];
  });
}

const word = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}-])${s}(?![\\p{L}\\p{N}-])`, 'u');

/**
 * Checks the text of `explain` for a municipality in a year against the core: every stream's
 * text is the core's rendering, the total is the municipality view's, the legend lists the
 * statuses of the text with their meaning, and no other line says anything of its own.
 */
function checkText(data: BaselineData, a: Allocation, stdout: string, code: string, naam: string, jaar: number, head: string): void {
  const blocks = stdout.replace(/\n$/, '').split('\n\n');
  expect(blocks[0]).toBe(head);
  const es = explanations(a, code, jaar);
  expect(es.length).toBeGreaterThan(1);
  es.forEach((e, i) => {
    const lines = blocks[1 + i]!.split('\n');
    const rendered = renderExplanation(e);
    expect(lines[0]).toBe(`== ${e.stroomNaam} (${e.stroom}) ==`);
    expect(lines.slice(1, 1 + rendered.length)).toEqual(rendered);
    // Anything after the rendering is a note of the core, said once.
    for (const extra of lines.slice(1 + rendered.length)) expect(e.meldingen.map((m) => `Let op: ${m}`)).toContain(extra);
  });
  // The total line: the municipality view's year total, not a sum made by the CLI.
  const total = recipientView(data, [a], code).jaren.find((j) => j.jaar === jaar)!.totalen[0]!;
  const totalLine = blocks[1 + es.length]!;
  expect(totalLine.startsWith(`Samen ontvangt ${naam} in ${jaar} ${formatEuro(total.bedrag, 'auto')} uit deze stromen`)).toBe(true);
  expect(totalLine.split('\n').length).toBe(1);
  // It ends with a legend of the statuses in the text, with their meaning.
  expect(blocks.length).toBe(es.length + 3);
  const legend = blocks.at(-1)!.split('\n');
  expect(legend[0]).toBe('Statussen in deze uitleg:');
  const listed = legend.slice(1).map((l) => l.slice(0, l.indexOf(':')));
  expect(legend.slice(1)).toEqual(listed.map((s) => `${s}: ${STATUS_MEANING[s as keyof typeof STATUS_MEANING]}`));
  expect(listed).toEqual(STATUS_CODES.filter((s) => listed.includes(s)));
  const body = blocks.slice(0, -1).join('\n\n');
  for (const e of es) expect(listed).toContain(e.status);
  for (const s of listed) expect(body).toMatch(word(s));
  // No count or amount of the CLI's own: besides the core's text, its lines are the heading and
  // the stream headings (checked above) and the total line, whose only numbers are the year and the view's total.
  expect(totalLine.replace(String(jaar), '').replace(formatEuro(total.bedrag, 'auto'), '')).not.toMatch(/\d/);
}

describe('ks-budget explain', () => {
  let data: BaselineData;
  let basis: Allocation;
  beforeAll(() => {
    data = baselineData();
    basis = baselineAllocation(data);
  });

  it('explains every amount of a municipality in a year with the core text, the view total and a status legend', () => {
    for (const jaar of [2023, 2026, 2027]) {
      const r = ksBudget(['explain', '--gemeente', 'GM0014', '--year', String(jaar)]);
      expect(r.status, r.stderr).toBe(0);
      checkText(data, basis, r.stdout, 'GM0014', 'Groningen', jaar, `Groningen (GM0014), ${jaar}, basis`);
    }
  });

  it('explains a 2019-2022 amount as unknown: the impuls went to the municipalities, each amount unknown, never 0', () => {
    const r = ksBudget(['explain', '--gemeente', 'GM0014', '--year', '2022']);
    expect(r.status, r.stderr).toBe(0);
    const e = explain(basis, { stroom: 'ks-impuls', jaar: 2022, ontvanger: 'GM0014', vandaag: VANDAAG });
    if (!e.ok) throw new Error(e.bericht);
    expect(e.uitleg).toMatchObject({ ontvanger: 'GM0014', naam: 'Groningen', soortOntvanger: 'gemeente', bedrag: null, status: 'onbekend' });
    const blocks = r.stdout.replace(/\n$/, '').split('\n\n');
    expect(blocks[1]!.split('\n').slice(1, 1 + renderExplanation(e.uitleg).length)).toEqual(renderExplanation(e.uitleg));
    expect(renderExplanation(e.uitleg).at(-1)).toMatch(/^Uitkomst: onbekend \(status: onbekend\)\. Waarom onbekend: Het geld ging wel naar gemeenten/);
    expect(r.stdout).not.toMatch(/Samen ontvangt|€ 0\b/);
  });

  it('JSON speaks one unit per form: a fraction is euros, an integer text cents (the cut, the split and the quota agree)', () => {
    const r = ksBudget(['explain', '--gemeente', 'Utrecht', '--year', '2026', '--stream', 'ks-brede-spuk', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    type F = { n: string; d: string };
    const u = JSON.parse(r.stdout).gemeenten[0].stromen[0].uitleg as { bedrag: string; stappen: ({ stap: string } & Record<string, unknown>)[] };
    const step = (stap: string) => u.stappen.find((x) => x.stap === stap)!;
    const euros = (f: F) => Number(BigInt(f.n) * 1000n / BigInt(f.d)) / 1000;
    // The whole amount after the cut goes local: the same fraction in both steps, in euros.
    expect(step('lokaal-regionaal')['lokaal']).toEqual(step('korting')['na']);
    expect(euros(step('lokaal-regionaal')['lokaal'] as F)).toBe(18_000_000);
    // The quota is in euros, the amount (rounded to whole euros) in cents: less than a euro apart.
    const q = step('quotum')['quotum'] as F;
    const apart = BigInt(u.bedrag) - (BigInt(q.n) * 100n) / BigInt(q.d);
    expect(apart > -100n && apart < 100n).toBe(true);
    expect(euros(q)).toBeGreaterThan(200_000);
  });

  it('explains a scenario in which part of the money goes to the regions', () => {
    const f = files({ 'split.json': SPLIT });
    const a = calculate(data, SPLIT);
    const r = ksBudget(['explain', '--gemeente', 'Enschede', '--year', '2028', '--scenario', f['split.json']!]);
    expect(r.status, r.stderr).toBe(0);
    const code = data.gemeenten.find((g) => g.naam === 'Enschede')!.code;
    checkText(data, a, r.stdout, code, 'Enschede', 2028, `Enschede (${code}), 2028, scenario "${a.scenario.naam}"`);
    expect(r.stdout).toContain('(status: scenario)');
  });

  it('explains one stream: the core text, then the legend', () => {
    const r = ksBudget(['explain', '--gemeente', 'GM0363', '--year', '2026', '--stream', 'ks-brede-spuk']);
    expect(r.status).toBe(0);
    const e = explain(basis, { stroom: 'ks-brede-spuk', jaar: 2026, ontvanger: 'GM0363', vandaag: VANDAAG });
    if (!e.ok) throw new Error(e.bericht);
    const blocks = r.stdout.replace(/\n$/, '').split('\n\n');
    expect(blocks[0]).toBe('Amsterdam (GM0363), 2026, basis');
    expect(blocks[1]!.split('\n').slice(1, 1 + renderExplanation(e.uitleg).length)).toEqual(renderExplanation(e.uitleg));
    expect(r.stdout).toContain('korting van 10%');
    expect(r.stdout).not.toContain('Samen ontvangt');
    expect(blocks.at(-1)!.split('\n')).toContain(`${e.uitleg.status}: ${STATUS_MEANING[e.uitleg.status]}`);
  });

  it('leads a former municipality to its successor', () => {
    const r = ksBudget(['explain', '--gemeente', 'Haren', '--year', '2025', '--stream', 'ks-brede-spuk']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Groningen \(GM0014\), 2025, basis\nHaren \(GM0017\) is per .* opgegaan in Groningen/);
  });

  it('gives JSON with the text, the structured explanation (bigints as strings) and the view total', () => {
    const r = ksBudget(['explain', '--gemeente', 'amsterdam', '--year', '2027', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      gemeenten: { code: string; stromen: { stroom: string; tekst: string[]; uitleg: { bedrag: unknown; status: string } }[]; totaal: { bedrag: string } }[];
    };
    expect(doc.gemeenten[0]!.code).toBe('GM0363');
    const gala = doc.gemeenten[0]!.stromen.find((s) => s.stroom === 'ks-gala-structureel')!;
    const e = explain(basis, { stroom: 'ks-gala-structureel', jaar: 2027, ontvanger: 'GM0363', vandaag: VANDAAG });
    if (!e.ok) throw new Error(e.bericht);
    expect(gala.uitleg.bedrag).toBe(String(e.uitleg.bedrag));
    expect(gala.uitleg.status).toBe(e.uitleg.status);
    expect(gala.tekst).toEqual(renderExplanation(e.uitleg));
    const total = recipientView(data, [basis], 'GM0363').jaren.find((j) => j.jaar === 2027)!.totalen[0]!;
    expect(doc.gemeenten[0]!.totaal.bedrag).toBe(String(total.bedrag));
  });

  it('input errors: unknown or ambiguous municipality, bad year, unknown stream', () => {
    for (const [args, message] of [
      [['--gemeente', 'Atlantis', '--year', '2026'], '--gemeente: geen gemeente gevonden voor "Atlantis"'],
      [['--gemeente', 'berg', '--year', '2026'], '--gemeente: "berg" past bij meer dan één gemeente'],
      [['--gemeente', 'GM0363', '--year', '2031'], '--year: 2031 valt buiten de jaren 2019-2030'],
      [['--gemeente', 'GM0363', '--year', 'twintig'], '--year: "twintig" is geen jaartal'],
      [['--gemeente', 'GM0363'], 'optie --year ontbreekt'],
      [['--gemeente', 'GM0363', '--year', '2026', '--stream', 'x'], '--stream: onbekende stroom "x"'],
    ] as const) {
      const r = ksBudget(['explain', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});
