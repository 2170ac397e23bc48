import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { baselineData } from '../data/baseline.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import type { Allocation } from '../allocation/types.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import { parseCsv } from '../csv/parse.js';
import { nationalOverview } from '../views/overview.js';
import { compareRecipients } from '../views/comparison.js';
import { recipientCard } from '../views/card.js';
import { periodView } from '../views/period.js';
import { viewAsCode, type ViewDescription } from './as-code.js';

/**
 * The TypeScript that "copy as code" gives type-checks against the core (with the repository's
 * TypeScript and compiler options), and running it gives the figures of the view it describes,
 * computed here with the core's view builders. The CLI side is in packages/cli/test/as-code.test.ts.
 */

const ROOT = resolve(import.meta.dirname, '../../../..');
const data = baselineData();
const calc = (s: unknown): { scenario: Scenario; allocation: Allocation } => {
  const out = allocateScenario(data, s);
  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));
  return out;
};
const basis = calc({ versie: 1, naam: 'Basis', wijzigingen: [] });
const A = calc({
  versie: 1,
  naam: 'Gezinspoli "6 mln"',
  wijzigingen: [
    { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '6000000', toelichting: "met 'aanhalingstekens'\nen een regel\nKS_SCENARIO_EOF" },
    { soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: '70' },
  ],
});
const B = calc({ versie: 1, naam: 'Korting', afronding: 'cent', wijzigingen: [{ soort: 'korting', stroom: 'ks-gala-structureel', jaar: 2028, geldigheid: 'alleen-dit-jaar', percentage: '15' }] });

/** "1234" or "1234.56" (euros) to cents, exactly. */
function cents(text: string): bigint | null {
  if (text === '') return null;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`geen bedrag: "${text}"`);
  const c = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -c : c;
}
function records(csv: string): Record<string, string>[] {
  const p = parseCsv(csv, { bestand: 'uitvoer.csv' });
  if (!p.ok) throw new Error(p.fouten.join('; '));
  return p.rows.map((r) => Object.fromEntries(p.header.map((h, i) => [h, r.cells[i] ?? ''])));
}
/** Sums a money column per key. */
function sums(rows: Record<string, string>[], key: (r: Record<string, string>) => string, column: string): Map<string, bigint | null> {
  const out = new Map<string, bigint | null>();
  for (const r of rows) {
    const k = key(r);
    const v = cents(r[column]!);
    const prev = out.has(k) ? out.get(k)! : 0n;
    out.set(k, prev === null || v === null ? null : prev + v);
  }
  return out;
}

const CASES: { naam: string; view: ViewDescription; scenarios: Scenario[] }[] = [
  { naam: 'overzicht', view: { view: 'overzicht' }, scenarios: [A.scenario] },
  { naam: 'scenario', view: { view: 'scenario', jaar: 2027, stroom: 'nu-niet-zwanger' }, scenarios: [A.scenario] },
  { naam: 'varianten', view: { view: 'varianten', jaar: 2028 }, scenarios: [A.scenario, B.scenario] },
  { naam: 'gemeente', view: { view: 'gemeente', gemeente: 'GM0363' }, scenarios: [A.scenario] },
  { naam: 'gemeente-basis', view: { view: 'gemeente', gemeente: 'GM0014', jaar: 2026 }, scenarios: [] },
  { naam: 'regio', view: { view: 'regio', regio: { soort: 'ggd', code: 'GG3406' }, jaar: 2028, stroom: 'integrale-gezinspoli' }, scenarios: [A.scenario] },
  { naam: 'periode', view: { view: 'periode', periode: { van: 2026, tot: 2030 } }, scenarios: [A.scenario] },
];

let dir: string;
beforeAll(() => {
  // A project of its own that depends on the package, as an application would (the `source`
  // condition: the tests run against the TypeScript source, without a build).
  dir = mkdtempSync(join(tmpdir(), 'als-code-'));
  mkdirSync(join(dir, 'node_modules', '@kansrijke-start'), { recursive: true });
  symlinkSync(join(ROOT, 'packages', 'core'), join(dir, 'node_modules', '@kansrijke-start', 'core'), 'dir');
  symlinkSync(join(ROOT, 'node_modules', '@types'), join(dir, 'node_modules', '@types'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'als-code-test', private: true, type: 'module' }));
  for (const c of CASES) writeFileSync(join(dir, `${c.naam}.ts`), viewAsCode(c.view, c.scenarios).typescript);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, types: ['node'], customConditions: ['source'] },
      files: CASES.map((c) => `${c.naam}.ts`),
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a generated module and returns what it wrote to stdout. */
async function run(naam: string): Promise<string> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  try {
    await import(/* @vite-ignore */ `${pathToFileURL(join(dir, `${naam}.ts`)).href}?t=${Date.now()}`);
  } finally {
    spy.mockRestore();
  }
  return out.join('');
}

describe('viewAsCode: the TypeScript', () => {
  it('type-checks with the repository TypeScript and compiler options', () => {
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);

  it('overzicht: each stream and year is the national overview amount', async () => {
    const rows = records(await run('overzicht'));
    const o = nationalOverview(basis.allocation);
    const cells = o.jaren.flatMap((y) => y.cellen.filter((c) => c.loopt));
    expect(rows.length).toBe(cells.length);
    for (const c of cells) expect(cents(rows.find((r) => r.jaar === String(c.jaar) && r.stroom === c.stroom)!.bedrag!)).toBe(c.bedrag);
  });

  it('scenario and varianten: per recipient the amounts of the view (one stream, or all streams summed)', async () => {
    const one = records(await run('scenario'));
    const view = compareRecipients(data, [basis.allocation, A.allocation], { jaar: 2027, stroom: 'nu-niet-zwanger' });
    const s = sums(one, (r) => r.ontvanger!, 'scenario');
    expect(s.size).toBe(view.length);
    for (const r of view) expect(s.get(r.ontvanger)).toBe(r.zijden[1]!.bedrag);

    const two = records(await run('varianten'));
    const all = compareRecipients(data, [basis.allocation, A.allocation, B.allocation], { jaar: 2028, stroom: 'alle' });
    for (const [k, column] of ['basis', 'scenario_1', 'scenario_2'].entries()) {
      const t = sums(two.filter((r) => r[column] !== '' || r[`status_${column}`] !== ''), (r) => r.ontvanger!, column);
      for (const r of all.filter((x) => x.zijden[k]!.aanwezig)) expect(t.get(r.ontvanger)).toBe(r.zijden[k]!.bedrag);
    }
  });

  it('gemeente: each stream and year is the amount of the municipality card', async () => {
    const rows = records(await run('gemeente'));
    const card = recipientCard(data, [basis.allocation, A.allocation], 'GM0363');
    const own = card.rijen.filter((r) => r.rol === 'eigen' && r.zijden[1]!.verdeeld && r.zijden[1]!.bedrag !== null);
    expect(own.length).toBeGreaterThan(10);
    for (const r of own) expect(cents(rows.find((x) => x.jaar === String(r.jaar) && x.stroom === r.stroom && x.ontvanger === 'GM0363')!.scenario!)).toBe(r.zijden[1]!.bedrag);
    const basisRows = records(await run('gemeente-basis'));
    expect(new Set(basisRows.map((r) => r.jaar))).toEqual(new Set(['2026']));
    const c2 = recipientCard(data, [basis.allocation], 'GM0014', { jaren: [2026] });
    for (const r of c2.rijen.filter((x) => x.rol === 'eigen' && x.zijden[0]!.verdeeld)) expect(cents(basisRows.find((x) => x.stroom === r.stroom)!.bedrag!)).toBe(r.zijden[0]!.bedrag);
  });

  it("regio: per municipality of the region the view's amount", async () => {
    const rows = records(await run('regio'));
    const view = compareRecipients(data, [basis.allocation, A.allocation], { jaar: 2028, stroom: 'integrale-gezinspoli', regio: { soort: 'ggd', code: 'GG3406' } });
    expect(rows.length).toBe(view.length);
    expect(view.length).toBeGreaterThan(3);
    for (const r of view) expect(cents(rows.find((x) => x.ontvanger === r.ontvanger)!.scenario!)).toBe(r.zijden[1]!.bedrag);
  });

  it('periode: per municipality the sum over the period', async () => {
    const rows = records(await run('periode'));
    const view = periodView(data, [basis.allocation, A.allocation], { van: 2026, tot: 2030 });
    expect(rows.length).toBe(view.gemeenten.length);
    for (const g of view.gemeenten) expect(cents(rows.find((x) => x.gemeente === g.code)!.scenario!)).toBe(g.zijden[1]!.bedrag);
  });
});

describe('viewAsCode: the command', () => {
  it('writes each scenario with a here-document that gives back the scenario, then runs ks-budget', () => {
    const c = viewAsCode({ view: 'varianten', jaar: 2028, stroom: 'integrale-gezinspoli' }, [A.scenario, B.scenario]);
    expect(c.argumenten).toEqual(['compare', '--scenario', 'variant-a.json', '--scenario', 'variant-b.json', '--years', '2028', '--stream', 'integrale-gezinspoli', '--format', 'csv']);
    const lines = c.shell.split('\n');
    expect(lines.at(-1)).toBe(`npx ks-budget ${c.argumenten.join(' ')}`);
    for (const [i, b] of c.bestanden.entries()) {
      const start = lines.indexOf(`cat > ${b.naam} <<'KS_SCENARIO_EOF'`);
      expect(start).toBeGreaterThanOrEqual(0);
      const end = lines.indexOf('KS_SCENARIO_EOF', start + 1);
      const body = lines.slice(start + 1, end).join('\n');
      const p = parseScenario(JSON.parse(body));
      expect(p.ok && p.scenario).toEqual([A.scenario, B.scenario][i]);
    }
    // A note that contains the marker cannot end the here-document early: in JSON it is inside a quoted string.
    expect(lines.filter((l) => l === 'KS_SCENARIO_EOF').length).toBe(2);
  });

  it('the baseline alone needs no file; the overview never takes a scenario', () => {
    expect(viewAsCode({ view: 'gemeente', gemeente: 'GM0014', jaar: 2026 }, []).shell).toBe('npx ks-budget allocate --gemeente GM0014 --years 2026 --format csv');
    expect(viewAsCode({ view: 'overzicht' }, [A.scenario]).shell).toBe('npx ks-budget streams --years 2019-2030 --format csv');
  });

  it('refuses a view without what it needs', () => {
    expect(() => viewAsCode({ view: 'gemeente' }, [])).toThrow(RangeError);
    expect(() => viewAsCode({ view: 'scenario' }, [])).toThrow(RangeError);
    expect(() => viewAsCode({ view: 'regio', regio: { soort: 'ggd', code: 'GG3406' } }, [A.scenario, B.scenario])).toThrow(RangeError);
  });
});
