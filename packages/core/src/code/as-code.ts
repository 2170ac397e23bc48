import type { Scenario } from '../scenario/schema.js';
import { serializeScenario } from '../scenario/parse.js';
import type { StreamRef } from '../streams/own.js';
import type { RegionKind } from '../views/regions.js';
import { FIRST_YEAR, LAST_YEAR } from '../data/types.js';

/**
 * "Copy as code": a view of the app as the `ks-budget` command and as the TypeScript call of the
 * core that give the same figures. Pure: the app shows the text, the tests run it (the command
 * with the built CLI, the TypeScript with the core) and compare the figures with the view's.
 */

/** What a view shows: which view, and its choices. */
export interface ViewDescription {
  /**
   * `overzicht`: the national overview (of the baseline); `gemeente`: one municipality's rows;
   * `regio`: the municipalities of a GGD region or province; `scenario`: the scenario against the
   * baseline per recipient; `varianten`: up to two variants beside the baseline; `periode`: the
   * sums per municipality over a period.
   */
  view: 'overzicht' | 'gemeente' | 'regio' | 'scenario' | 'varianten' | 'periode';
  /** One stream, or null/absent for all streams. */
  stroom?: StreamRef | null;
  /** One year (gemeente, regio, scenario, varianten); absent: every year. */
  jaar?: number | null;
  /** The period (periode; overzicht: the years shown). */
  periode?: { van: number; tot: number } | null;
  /** The municipality's code (gemeente). */
  gemeente?: string | null;
  /** The region (regio). */
  regio?: { soort: RegionKind; code: string } | null;
  /** Output: CSV (default) or JSON. */
  format?: 'csv' | 'json';
}

/** What "copy as code" gives for a view: the `ks-budget` arguments, the scenario files, a shell script and a TypeScript module that give the same figures. */
export interface ViewCode {
  /** The arguments after `ks-budget`, with the scenario files named as in `bestanden`. */
  argumenten: string[];
  /** The scenario files the command reads: name and JSON text (empty for the baseline alone). */
  bestanden: { naam: string; inhoud: string }[];
  /** A shell script: each scenario file written with a here-document, then the command. */
  shell: string;
  /** A TypeScript module that computes the same table with the core and writes it to stdout. */
  typescript: string;
}

/** The here-document's end marker; a line of a JSON text is never exactly this (a JSON line is quoted or punctuation). */
const EOF = 'KS_SCENARIO_EOF';

/** A shell word: as is when it has only safe characters, else in single quotes. */
const sh = (w: string): string => (/^[A-Za-z0-9_.,:/=@+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
const ts = (v: unknown): string => JSON.stringify(v);
const years = (van: number, tot: number): string => (van === tot ? String(van) : `${van}-${tot}`);

/**
 * The command and the TypeScript for a view. `scenarios`: the compared scenarios after the
 * baseline, as the view compares them: none (the baseline alone), one (the scenario), or two
 * (the variants side by side). The overview always shows the baseline.
 */
export function viewAsCode(view: ViewDescription, scenarios: readonly Scenario[]): ViewCode {
  if (scenarios.length > 2) throw new RangeError('viewAsCode: at most two scenarios beside the baseline');
  const format = view.format ?? 'csv';
  const stroom = view.stroom ?? null;
  const jaar = view.jaar ?? null;
  const shown = view.view === 'overzicht' ? [] : scenarios;
  const bestanden = shown.map((s, i) => ({ naam: shown.length === 1 ? 'scenario.json' : `variant-${'ab'[i]}.json`, inhoud: `${serializeScenario(s)}\n` }));
  const scenarioArgs = bestanden.flatMap((b) => ['--scenario', b.naam]);
  const yearArgs = jaar !== null ? ['--years', String(jaar)] : [];
  const streamArgs = stroom !== null ? ['--stream', stroom] : [];
  const formatArgs = ['--format', format];

  // The core's table for the same question, in TypeScript (as the CLI builds it).
  const imports = new Set(['allocateScenario', 'baselineData', format === 'csv' ? 'tableToCsv' : 'tableToObjects']);
  const filter: string[] = [];
  if (jaar !== null) filter.push(`van: ${jaar}`, `tot: ${jaar}`);
  if (stroom !== null) filter.push(`stroom: ${ts(stroom)}`);
  let argumenten: string[];
  let tabel: string;
  const sides = shown.length === 0 ? ['basis'] : ['basis', ...shown.map((_, i) => (shown.length === 1 ? 'scenario' : `variant${'AB'[i]}`))];
  const namen = `[${sides.map((s) => `${s}.scenario.naam`).join(', ')}]`;
  const allocations = `[${sides.map((s) => `${s}.allocation`).join(', ')}]`;
  switch (view.view) {
    case 'overzicht': {
      const p = view.periode ?? { van: FIRST_YEAR, tot: LAST_YEAR };
      argumenten = ['streams', '--years', years(p.van, p.tot), ...formatArgs];
      imports.add('overviewTable');
      tabel = `overviewTable(basis.allocation, { van: ${p.van}, tot: ${p.tot} })`;
      break;
    }
    case 'gemeente': {
      if (!view.gemeente) throw new RangeError('viewAsCode: the gemeente view needs a municipality');
      const g = view.gemeente;
      if (shown.length === 0) {
        argumenten = ['allocate', '--gemeente', g, ...yearArgs, ...streamArgs, ...formatArgs];
        imports.add('allocationTable');
        tabel = `allocationTable(basis.allocation, { ${[...filter, `ontvangers: [${ts(g)}]`].join(', ')} })`;
      } else {
        argumenten = ['compare', ...scenarioArgs, '--gemeente', g, ...yearArgs, ...streamArgs, ...formatArgs];
        imports.add('comparisonTable');
        tabel = `comparisonTable(data, ${allocations}, ${namen}, { ${[...filter, `ontvangers: [${ts(g)}]`].join(', ')} })`;
      }
      break;
    }
    case 'regio': {
      if (!view.regio) throw new RangeError('viewAsCode: the regio view needs a region');
      const r = view.regio;
      if (shown.length > 1) throw new RangeError('viewAsCode: the regio view compares one scenario at most');
      argumenten = ['regio', '--soort', r.soort, '--regio', r.code, ...yearArgs, ...streamArgs, ...scenarioArgs, ...formatArgs];
      const regio = `regio: { soort: ${ts(r.soort)}, code: ${ts(r.code)} }`;
      if (shown.length === 0) {
        imports.add('allocationTable');
        tabel = `allocationTable(basis.allocation, { ${[...filter, regio].join(', ')} }, data)`;
      } else {
        imports.add('comparisonTable');
        tabel = `comparisonTable(data, ${allocations}, ${namen}, { ${[...filter, regio].join(', ')} })`;
      }
      break;
    }
    case 'scenario':
    case 'varianten': {
      if (shown.length === 0) throw new RangeError(`viewAsCode: the ${view.view} view needs a scenario`);
      argumenten = ['compare', ...scenarioArgs, ...yearArgs, ...streamArgs, ...formatArgs];
      imports.add('comparisonTable');
      tabel = `comparisonTable(data, ${allocations}, ${namen}${filter.length ? `, { ${filter.join(', ')} }` : ''})`;
      break;
    }
    case 'periode': {
      const p = view.periode;
      if (!p) throw new RangeError('viewAsCode: the periode view needs a period');
      argumenten = ['period', ...scenarioArgs, '--years', years(p.van, p.tot), '--by', 'gemeenten', ...formatArgs];
      imports.add('periodTable').add('periodView');
      const unit = `${allocations}.some((a) => a.eenheid === 1n) ? 'cent' : 'euro'`;
      tabel = `periodTable(periodView(data, ${allocations}, { van: ${p.van}, tot: ${p.tot} }), ${namen}, 'gemeenten', ${unit})`;
      break;
    }
  }

  const shell = [
    ...bestanden.flatMap((b) => [`cat > ${b.naam} <<'${EOF}'`, b.inhoud.replace(/\n$/, ''), EOF]),
    ['npx', 'ks-budget', ...argumenten].map(sh).join(' '),
  ].join('\n');

  const lines = [
    `import { ${[...imports].sort().join(', ')} } from '@kansrijke-start/core';`,
    '',
    'const data = baselineData();',
    '/** The front door: a scenario as a value (or JSON text); it never throws on bad input. */',
    'function bereken(scenario: unknown) {',
    '  const out = allocateScenario(data, scenario);',
    "  if (!out.ok) throw new Error(out.fouten.map((f) => f.bericht).join('; '));",
    '  return out;',
    '}',
    "const basis = bereken({ versie: 1, naam: 'Basis', wijzigingen: [] });",
    ...shown.map((s, i) => `const ${sides[i + 1]} = bereken(${serializeScenario(s)});`),
    `const tabel = ${tabel};`,
    format === 'csv' ? 'process.stdout.write(tableToCsv(tabel));' : "process.stdout.write(`${JSON.stringify(tableToObjects(tabel), null, 2)}\\n`);",
    '',
  ];
  return { argumenten, bestanden, shell, typescript: lines.join('\n') };
}
