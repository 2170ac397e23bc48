import { closeSync, openSync, writeSync } from 'node:fs';
import { writeReason } from '../write-errors.js';
import { availableParallelism } from 'node:os';
import {
  CHANGE_KIND_NAMES,
  FIRST_YEAR,
  LAST_YEAR,
  STREAM_IDS,
  allocateScenario,
  emptyScenario,
  formatNumber,
  formatProblem,
  readNumber,
  resolveParameters,
  streamById,
  sweepTable,
  type BaselineData,
  type SweepResult,
  type StreamId,
  isOwnStream,
} from '@kansrijke-start/core';
import {
  EXPORT_OPTIONS,
  FORMAT_HELP,
  MERGERS_HELP,
  METADATA_HELP,
  YEARS_HELP,
  parseCommandArgs,
  parseExportFormat,
  parseMergerChoice,
  parseStream,
  parseYear,
  parseYears,
  required,
} from '../args.js';
import { InputError } from '../errors.js';
import { columnsHelp } from '../help.js';
import { checkStdinOnce, fileName, readTextFile } from '../io.js';
import { metadataOf } from '../metadata.js';
import { writeExport, type Io } from '../output.js';
import { textLayout } from '../terminal.js';
import { runSweep } from '../sweep/pool.js';
import type { SweepSetup, SweepTask } from '../sweep/compute.js';
import type { Command } from './types.js';

/** At most this many scenarios in one sweep. */
export const MAX_SCENARIOS = 100_000;
/** How many of the largest increases and decreases each scenario's summary keeps (the table shows the largest). */
const SUMMARY_COUNT = 1;

/**
 * The changes a range can vary (`--parameter`): each a change of the scenario format with one
 * number, and the field that holds it. They are the numeric parameters of a stream-year
 * (`resolveParameters`): the national amount, the cut, the indexation and the local share.
 */
const PARAMETERS = {
  bedrag: { veld: 'bedrag', eenheid: ' euro' },
  korting: { veld: 'percentage', eenheid: '%' },
  indexatie: { veld: 'percentage', eenheid: '%' },
  'lokaal-regionaal': { veld: 'lokaalPercentage', eenheid: '% lokaal' },
} as const;
type Parameter = keyof typeof PARAMETERS;
const PARAMETER_NAMES = Object.keys(PARAMETERS) as Parameter[];

function gebruik(): string {
  const kolommen = sweepTable([], 'euro').kolommen;
  return `Gebruik: ks-budget sweep --scenarios BESTAND
       ks-budget sweep --parameter SOORT --stream ID --year JAAR --from GETAL --to GETAL --step GETAL
                       [--geldigheid alleen-dit-jaar|vanaf-dit-jaar]
                 en verder [--against BESTAND] [--years JAAR[-JAAR]] [--herindelingen gepland|zonder]
                       [--workers N] [--detail BESTAND] [--format csv|json] [--excel]
                       [--metadata BESTAND]

Rekent veel scenario's in één keer door en vergelijkt elk met de basis (of met --against): één
regel per scenario, in de volgorde van de invoer, met per stroom het totaal van het scenario
over de jaren en het verschil met de basis, hoeveel gemeenten erop vooruit en achteruit gaan,
en de grootste stijging en daling (opgeteld over de stromen en jaren). De scenario's komen uit
een JSON Lines-bestand (één scenario per regel), of uit één parameter over een reeks waarden.
Bij veel scenario's gebeurt het rekenen verdeeld over de processorkernen (worker threads, zie
--workers); de volgorde van de uitvoer hangt daar niet van af.

Kolommen:
${columnsHelp(kolommen)}

Een scenario dat niet kan worden berekend geeft een melding op stderr met het regelnummer
("scenarios.jsonl, regel 3, kolom 40 (wijzigingen[0].jaar): ..."), een regel met alleen nummer,
naam en fout, en de rest wordt gewoon doorgerekend; de afsluitcode is dan 2.

Opties:
  --scenarios BESTAND   JSON Lines: één scenario (JSON-object, zoals bij --scenario) per regel;
                        lege regels tellen mee voor het regelnummer maar zijn geen scenario.
                        Nummer = regelnummer
  --parameter SOORT     één getal van één stroom en jaar over een reeks: ${PARAMETER_NAMES.join(', ')}
                        (het landelijke bedrag in euro, het kortings- of indexatiepercentage,
                        het lokale deel in procenten). Elk scenario is de basis met één
                        wijziging; nummer = de stap (1, 2, ...)
  --stream ID           de stroom van --parameter (${STREAM_IDS.join(', ')})
  --year JAAR           het jaar van --parameter (${FIRST_YEAR}-${LAST_YEAR})
  --from GETAL          de eerste waarde (met een punt als decimaalteken, zoals 12.5)
  --to GETAL            de laatste waarde (de reeks stopt bij de laatste stap die niet voorbij
                        --to gaat)
  --step GETAL          de stap (groter dan 0); hoogstens ${formatNumber(BigInt(MAX_SCENARIOS), 0)} scenario's
  --geldigheid alleen-dit-jaar|vanaf-dit-jaar
                        geldt de wijziging alleen in --year of ook daarna (standaard
                        vanaf-dit-jaar)
  --against BESTAND     vergelijk met dit scenario in plaats van met de basis
${YEARS_HELP}
${MERGERS_HELP}
                        (voor elk scenario en de basis)
  --workers N           het aantal rekenthreads; 1 rekent alles in één thread. Standaard één
                        per ${formatNumber(BigInt(SCENARIOS_PER_THREAD), 0)} scenario's en hoogstens één per processorkern: een
                        extra thread kost zelf ook rekentijd (de code laden en opnieuw
                        optimaliseren) en wint die pas bij zoveel scenario's terug
  --detail BESTAND      schrijf ook de vergelijking per ontvanger, stroom en jaar van elk
                        scenario naar BESTAND (de kolommen van "ks-budget compare", met het
                        nummer van het scenario ervoor): CSV, of bij --format json JSON Lines
                        (per scenario één regel met nummer, naam en regels)
${FORMAT_HELP}
${METADATA_HELP}
  -h, --help            deze uitleg

Op een terminal (zonder --format) een uitgelijnde tabel, met op stderr een voortgangsregel.
JSON is een document met "metadata" (de gegevens en de referentie), "basis", "jaren",
"mislukt" (het aantal scenario's met een fout) en "regels". De uitkomst hangt niet af van
--workers: elke thread rekent met dezelfde gegevens en de regels staan in de volgorde van de
invoer.`;
}

/** A decimal option of a range (`--from 12.5`): exact, machine notation. */
function rangeNumber(text: string, flag: string): ReturnType<typeof readNumber> & { ok: true } {
  const r = readNumber(text, 'machine');
  if (!r.ok) throw new InputError(`${flag}: ${r.message}`);
  return r;
}

/** The scenarios of `--parameter ... --from ... --to ... --step ...`: the baseline with one change each. */
function rangeTasks(values: Record<string, string | undefined>, data: BaselineData): SweepTask[] {
  const soort = values['parameter']!.trim() as Parameter;
  if (!PARAMETER_NAMES.includes(soort)) throw new InputError(`--parameter: "${values['parameter']}" is geen parameter; kies uit ${PARAMETER_NAMES.join(', ')}`);
  const ref = parseStream(required(values['stream'], '--stream', 'sweep'));
  // The range changes the baseline, which has no own streams.
  if (isOwnStream(ref)) throw new InputError(`--stream: --parameter varieert een stroom van de basis, en de basis heeft geen eigen stromen; kies uit ${STREAM_IDS.join(', ')}`);
  const stroom: StreamId = ref;
  const jaar = parseYear(required(values['year'], '--year', 'sweep'));
  const geldigheid = values['geldigheid'] ?? 'vanaf-dit-jaar';
  if (geldigheid !== 'alleen-dit-jaar' && geldigheid !== 'vanaf-dit-jaar') {
    throw new InputError(`--geldigheid: "${geldigheid}" is geen keuze; kies alleen-dit-jaar of vanaf-dit-jaar`);
  }
  const from = rangeNumber(required(values['from'], '--from', 'sweep'), '--from').value;
  const to = rangeNumber(required(values['to'], '--to', 'sweep'), '--to').value;
  const step = rangeNumber(required(values['step'], '--step', 'sweep'), '--step').value;
  if (!step.gt(0)) throw new InputError(`--step: de stap moet groter dan 0 zijn (u gaf ${values['step']})`);
  if (to.lt(from)) throw new InputError(`--from ${values['from']} --to ${values['to']}: de reeks loopt achteruit; --to moet minstens --from zijn`);
  const count = to.minus(from).div(step).floor().plus(1);
  if (count.gt(MAX_SCENARIOS)) {
    throw new InputError(`--step: de reeks van ${values['from']} tot ${values['to']} in stappen van ${values['step']} geeft ${count.toFixed()} scenario's, meer dan ${formatNumber(BigInt(MAX_SCENARIOS), 0)}; kies een grotere stap`);
  }
  // The stream must run in that year: its parameters there say so (an absent amount).
  const basis = resolveParameters(data, emptyScenario(), stroom, jaar);
  if (basis.bedrag === null) throw new InputError(`--year: de stroom ${streamById(stroom).naam} (${stroom}) loopt niet in ${jaar}; kies een jaar waarin ze loopt`);
  const { veld, eenheid } = PARAMETERS[soort];
  const tasks: SweepTask[] = [];
  for (let i = 0; count.gt(i); i++) {
    const waarde = from.plus(step.times(i)).toFixed();
    const naam = `${CHANGE_KIND_NAMES[soort]}, ${streamById(stroom).naam}, ${geldigheid === 'vanaf-dit-jaar' ? 'vanaf' : 'alleen'} ${jaar}: ${waarde}${eenheid}`;
    const scenario = { ...emptyScenario(naam), wijzigingen: [{ soort, stroom, jaar, geldigheid, [veld]: waarde }] };
    tasks.push({ nummer: i + 1, tekst: JSON.stringify(scenario), bron: { tekst: `stap ${i + 1} (${waarde})` } });
  }
  return tasks;
}

/** The scenarios of a JSON Lines file: one per line that is not empty, numbered by line. */
function fileTasks(file: string): SweepTask[] {
  const bestand = fileName(file);
  const lines = readTextFile(file, 'reeks').split(/\r?\n/);
  const tasks: SweepTask[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    tasks.push({ nummer: i + 1, tekst: line, bron: { bestand, regel: i + 1 } });
  });
  if (tasks.length === 0) throw new InputError(`${bestand}: het bestand bevat geen scenario's (één scenario, een JSON-object, per regel)`);
  if (tasks.length > MAX_SCENARIOS) throw new InputError(`${bestand}: ${formatNumber(BigInt(tasks.length), 0)} scenario's, meer dan ${formatNumber(BigInt(MAX_SCENARIOS), 0)} in één keer; splits het bestand`);
  return tasks;
}

/**
 * How many scenarios a computing thread should have before another one is started. A thread
 * costs more than its share of the scenarios: it loads the code and the data, and V8 optimizes
 * the hot code again for it, on a core of its own (measured on a 2-core machine: one thread
 * used 2.2 s of CPU for its 1,000 scenarios and V8's background threads 1.8 s more). Two
 * threads were slower than one at 1,000 scenarios (0.83-0.95x) and faster from about 2,000
 * (3,000: 1.05-1.15x).
 */
export const SCENARIOS_PER_THREAD = 2000;

/** The default of --workers: one thread per SCENARIOS_PER_THREAD scenarios, at most one per core. */
export function defaultWorkers(scenarios: number, cores: number): number {
  return Math.max(1, Math.min(cores, Math.ceil(scenarios / SCENARIOS_PER_THREAD)));
}

/** --workers N: a whole number from 1; null when not given (then `defaultWorkers`). */
function parseWorkers(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 1024) throw new InputError(`--workers: "${text}" is geen aantal threads; geef een geheel getal van 1 tot en met 1024`);
  return Number(t);
}

/** The detail file, opened before any computing so that a file that cannot be written stops at once. */
function openDetail(file: string): number {
  if (file.trim() === '' || file === '-') throw new InputError('--detail: geef de naam van een bestand, zoals details.csv (de standaarduitvoer is voor de samenvatting)');
  try {
    return openSync(file, 'w');
  } catch (e) {
    throw new InputError(`--detail ${file}: het bestand kan niet worden geschreven (${writeReason(e)})`);
  }
}

/** Writes a part of the detail file; a full disk is said as such, with the file. */
function writeDetail(fd: number, file: string, text: string): void {
  try {
    writeSync(fd, text);
  } catch (e) {
    throw new InputError(`--detail ${file}: het bestand kan niet verder worden geschreven (${writeReason(e)}); wat erin staat is niet compleet`);
  }
}

/** A progress line on a terminal's stderr, at most ten times a second, with the number of threads. */
function progress(io: Io, total: number, workers: number): { update(done: number): void; end(): void } {
  if (!io.errTerminal || !io.status) return { update: () => {}, end: () => {} };
  const threads = workers === 1 ? '1 rekenthread' : `${workers} rekenthreads`;
  let last = 0;
  return {
    update(done) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      io.status!(`sweep: ${done} van ${total} scenario's doorgerekend (${threads})`);
    },
    end: () => io.status!(null),
  };
}

export const sweepCommand: Command = {
  gebruik,
  async run(argv, ctx) {
    const { values } = parseCommandArgs('sweep', argv, {
      scenarios: { type: 'string' },
      parameter: { type: 'string' },
      stream: { type: 'string' },
      year: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      step: { type: 'string' },
      geldigheid: { type: 'string' },
      against: { type: 'string' },
      years: { type: 'string' },
      herindelingen: { type: 'string' },
      workers: { type: 'string' },
      detail: { type: 'string' },
      ...EXPORT_OPTIONS,
    });
    if (values.help) return ctx.io.out(`${gebruik()}\n`);
    if ((values.scenarios === undefined) === (values.parameter === undefined)) {
      throw new InputError('geef --scenarios BESTAND (JSON Lines) of --parameter met --stream, --year, --from, --to en --step, niet allebei of geen van beide; zie "ks-budget sweep --help"');
    }
    if (values.scenarios !== undefined) {
      const stray = (['stream', 'year', 'from', 'to', 'step', 'geldigheid'] as const).filter((k) => values[k] !== undefined);
      if (stray.length > 0) throw new InputError(`${stray.map((k) => `--${k}`).join(', ')} ${stray.length === 1 ? 'hoort' : 'horen'} bij --parameter, niet bij --scenarios`);
    }
    checkStdinOnce({ '--scenarios': values.scenarios, '--against': values.against });
    const { van, tot } = parseYears(values.years);
    const herindelingen = parseMergerChoice(values.herindelingen);
    const chosen = parseWorkers(values.workers);
    const out = { ...parseExportFormat(values), tekst: textLayout(ctx.io, values) };
    const data = ctx.data();

    // The reference, checked here so that a bad one is an input error before anything runs.
    const referentie = values.against === undefined ? null : readTextFile(values.against, 'scenario');
    const ref = allocateScenario(data, referentie ?? emptyScenario(), herindelingen === null ? {} : { herindelingen });
    if (!ref.ok) {
      const bestand = fileName(values.against!);
      throw new InputError([...ref.fouten.map((p) => formatProblem(p, bestand)), ...ref.waarschuwingen.map((w) => `waarschuwing: ${formatProblem(w, bestand)}`)]);
    }
    for (const w of ref.waarschuwingen) ctx.io.err(`waarschuwing: ${formatProblem(w, fileName(values.against!))}\n`);
    const tasks = values.scenarios !== undefined ? fileTasks(values.scenarios) : rangeTasks({ parameter: values.parameter, stream: values.stream, year: values.year, from: values.from, to: values.to, step: values.step, geldigheid: values.geldigheid }, data);

    const workers = chosen ?? defaultWorkers(tasks.length, availableParallelism());
    const detailFormat = out.format;
    const detailFd = values.detail === undefined ? null : openDetail(values.detail);
    const setup: SweepSetup = {
      referentie,
      referentieBestand: values.against === undefined ? null : fileName(values.against),
      herindelingen,
      van,
      tot,
      aantal: SUMMARY_COUNT,
      detail: detailFd === null ? null : { format: detailFormat, excel: out.excel },
    };
    const results: SweepResult[] = [];
    let cent = ref.allocation.eenheid === 1n;
    let header: string | null = null;
    const bar = progress(ctx.io, tasks.length, Math.min(workers, tasks.length));
    try {
      await runSweep(
        tasks,
        setup,
        workers,
        (o) => {
          results.push(o.resultaat);
          cent ||= o.cent;
          if (o.resultaat.fout !== null) {
            bar.end();
            ctx.io.err(`fout: ${o.resultaat.fout}\n`);
          }
          for (const w of o.waarschuwingen) ctx.io.err(`waarschuwing: ${w}\n`);
          if (detailFd !== null && o.detail !== null) {
            let text = o.detail;
            if (detailFormat === 'csv') {
              // Every detail has the same header: it is written once.
              const head = text.slice(0, text.indexOf('\n') + 1);
              if (header === null) header = head;
              else text = text.slice(head.length);
            }
            writeDetail(detailFd, values.detail!, text);
          }
        },
        (done) => bar.update(done),
      );
    } finally {
      bar.end();
      if (detailFd !== null) closeSync(detailFd);
    }
    const mislukt = results.filter((r) => r.fout !== null).length;
    const table = sweepTable(results, cent ? 'cent' : 'euro');
    writeExport(ctx.io, table, out, metadataOf([ref.allocation], [ref.scenario.naam]), (regels) => ({
      basis: ref.scenario.naam,
      jaren: { van, tot },
      mislukt,
      regels,
    }));
    if (mislukt > 0) {
      throw new InputError(`${mislukt} van de ${results.length} scenario's ${mislukt === 1 ? 'kon' : 'konden'} niet worden berekend (zie de meldingen hierboven); de andere staan in de uitvoer`);
    }
  },
};
