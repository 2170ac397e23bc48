import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  baselineData,
  compareRecipients,
  nationalOverview,
  periodView,
  recipientCard,
  viewAsCode,
  type Allocation,
  type Scenario,
  type ViewDescription,
} from '@kansrijke-start/core';
import { BIN, VANDAAG, calculate, cents, csvObjects } from './run.js';

/**
 * "Copy as code" against the real CLI: every generated shell script (here-documents that write
 * the scenario files, then `npx ks-budget ...`) runs with the built CLI, and its figures are
 * those of the view it describes (computed here with the core's view builders). The generated
 * TypeScript, compiled with the repository's TypeScript against the built package (no `source`
 * condition, as an application gets it) and run with Node, writes the same bytes.
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const data = baselineData();
const scenarioOf = (s: unknown): { scenario: Scenario; allocation: Allocation } => {
  const allocation = calculate(data, s);
  return { scenario: allocation.scenario, allocation };
};
const basis = scenarioOf({ versie: 1, naam: 'Basis', wijzigingen: [] });
const A = scenarioOf({
  versie: 1,
  naam: "Gezinspoli 6 mln (VWS' voorstel)",
  wijzigingen: [
    { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '6000000' },
    { soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: '70' },
  ],
});
const B = scenarioOf({ versie: 1, naam: 'Korting', wijzigingen: [{ soort: 'korting', stroom: 'ks-gala-structureel', jaar: 2028, geldigheid: 'alleen-dit-jaar', percentage: '15' }] });

type Rows = Record<string, string>[];
const sumBy = (rows: Rows, column: string): Map<string, bigint> => {
  const out = new Map<string, bigint>();
  for (const r of rows) if (r[column] !== '') out.set(r.ontvanger!, (out.get(r.ontvanger!) ?? 0n) + cents(r[column]!));
  return out;
};

/** Each view, and how its figures are checked against the core's view builders. */
const CASES: { naam: string; view: ViewDescription; scenarios: Scenario[]; check: (rows: Rows) => void }[] = [
  {
    naam: 'overzicht',
    view: { view: 'overzicht' },
    scenarios: [],
    check: (rows) => {
      const cells = nationalOverview(basis.allocation).jaren.flatMap((y) => y.cellen.filter((c) => c.loopt));
      expect(rows.length).toBe(cells.length);
      for (const c of cells) {
        const r = rows.find((x) => x.jaar === String(c.jaar) && x.stroom === c.stroom)!;
        expect(r.bedrag === '' ? null : cents(r.bedrag!)).toBe(c.bedrag);
      }
    },
  },
  {
    naam: 'scenario',
    view: { view: 'scenario', jaar: 2027, stroom: 'nu-niet-zwanger' },
    scenarios: [A.scenario],
    check: (rows) => {
      const view = compareRecipients(data, [basis.allocation, A.allocation], { jaar: 2027, stroom: 'nu-niet-zwanger' });
      const s = sumBy(rows, 'scenario');
      expect(view.length).toBeGreaterThan(300);
      for (const r of view) expect(s.get(r.ontvanger) ?? null).toBe(r.zijden[1]!.bedrag);
    },
  },
  {
    naam: 'varianten',
    view: { view: 'varianten', jaar: 2028 },
    scenarios: [A.scenario, B.scenario],
    check: (rows) => {
      const view = compareRecipients(data, [basis.allocation, A.allocation, B.allocation], { jaar: 2028, stroom: 'alle' });
      for (const [k, column] of ['basis', 'scenario_1', 'scenario_2'].entries()) {
        const s = sumBy(rows, column);
        for (const r of view.filter((x) => x.zijden[k]!.aanwezig && x.zijden[k]!.bedrag !== null)) expect(s.get(r.ontvanger)).toBe(r.zijden[k]!.bedrag);
      }
    },
  },
  {
    naam: 'gemeente',
    view: { view: 'gemeente', gemeente: 'GM0363', jaar: 2028 },
    scenarios: [A.scenario],
    check: (rows) => {
      const card = recipientCard(data, [basis.allocation, A.allocation], 'GM0363', { jaren: [2028] });
      const own = card.rijen.filter((r) => r.rol === 'eigen' && r.zijden[1]!.verdeeld);
      expect(own.length).toBeGreaterThan(2);
      for (const r of own) expect(cents(rows.find((x) => x.stroom === r.stroom && x.ontvanger === 'GM0363')!.scenario!)).toBe(r.zijden[1]!.bedrag);
    },
  },
  {
    naam: 'gemeente-basis',
    view: { view: 'gemeente', gemeente: 'GM0014' },
    scenarios: [],
    check: (rows) => {
      const card = recipientCard(data, [basis.allocation], 'GM0014');
      // Amounts that are known (each municipality's 2019-2022 impuls is unknown and has no line).
      const own = card.rijen.filter((r) => r.rol === 'eigen' && r.zijden[0]!.verdeeld && r.zijden[0]!.bedrag !== null);
      for (const r of own) expect(cents(rows.find((x) => x.jaar === String(r.jaar) && x.stroom === r.stroom && x.ontvanger === 'GM0014')!.bedrag!)).toBe(r.zijden[0]!.bedrag);
    },
  },
  {
    naam: 'regio',
    view: { view: 'regio', regio: { soort: 'provincie', code: 'PV27' }, jaar: 2028, stroom: 'integrale-gezinspoli' },
    scenarios: [A.scenario],
    check: (rows) => {
      const view = compareRecipients(data, [basis.allocation, A.allocation], { jaar: 2028, stroom: 'integrale-gezinspoli', regio: { soort: 'provincie', code: 'PV27' } });
      expect(view.length).toBeGreaterThan(10);
      expect(rows.map((r) => r.ontvanger)).toEqual(view.map((r) => r.ontvanger));
      for (const r of view) expect(cents(rows.find((x) => x.ontvanger === r.ontvanger)!.scenario!)).toBe(r.zijden[1]!.bedrag);
    },
  },
  {
    naam: 'periode',
    view: { view: 'periode', periode: { van: 2026, tot: 2030 } },
    scenarios: [A.scenario],
    check: (rows) => {
      const view = periodView(data, [basis.allocation, A.allocation], { van: 2026, tot: 2030 });
      expect(rows.length).toBe(view.gemeenten.length);
      for (const g of view.gemeenten) expect(cents(rows.find((x) => x.gemeente === g.code)!.scenario!)).toBe(g.zijden[1]!.bedrag!);
    },
  },
];

let dir: string;
/** The shell command a user pastes starts with this; the test runs the built launcher instead. */
const NPX = 'npx ks-budget ';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'als-code-cli-'));
  // An application's project: the built package through node_modules (no `source` condition).
  mkdirSync(path.join(dir, 'node_modules', '@kansrijke-start'), { recursive: true });
  symlinkSync(path.join(ROOT, 'packages', 'core'), path.join(dir, 'node_modules', '@kansrijke-start', 'core'), 'dir');
  symlinkSync(path.join(ROOT, 'node_modules', '@types'), path.join(dir, 'node_modules', '@types'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'als-code-cli-test', private: true, type: 'module' }));
  for (const c of CASES) writeFileSync(path.join(dir, `${c.naam}.ts`), viewAsCode(c.view, c.scenarios).typescript);
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: path.join(ROOT, 'tsconfig.base.json'), compilerOptions: { types: ['node'], outDir: 'js', declaration: false, noEmitOnError: true }, files: CASES.map((c) => `${c.naam}.ts`) }),
  );
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`tsc: ${tsc.stdout}${tsc.stderr}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('copy as code: the command runs with the real CLI and gives the figures of the view', () => {
  for (const c of CASES) {
    it(c.naam, () => {
      const code = viewAsCode(c.view, c.scenarios);
      const work = mkdtempSync(path.join(dir, `${c.naam}-`));
      expect(code.shell.split('\n').at(-1)!.startsWith(NPX)).toBe(true);
      const script = code.shell.replace(NPX, `"${process.execPath}" "${BIN}" `);
      const run = spawnSync('sh', ['-e', '-c', script], { cwd: work, encoding: 'utf8', env: { ...process.env, KS_DEBUG: '', KS_BUDGET_VANDAAG: VANDAAG, KS_BUDGET_TTY: '0' }, maxBuffer: 64 * 1024 * 1024 });
      // Warnings about a scenario (a cut that replaces another) and the core's notes (amounts that are unknown) are fine; nothing else on stderr.
      expect(run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('waarschuwing: ') && !l.startsWith('let op: '))).toEqual([]);
      expect(run.status).toBe(0);
      c.check(csvObjects(run.stdout).rows);
      // The TypeScript, compiled and run as an application would, writes the same file.
      const ts = spawnSync(process.execPath, [path.join(dir, 'js', `${c.naam}.js`)], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(ts.stderr).toBe('');
      expect(ts.stdout).toBe(run.stdout);
    });
  }
});
