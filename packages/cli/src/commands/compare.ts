import { compareAllocations, comparisonSummary, comparisonTable, plainSummary, streamNameIn, type BaselineData } from '@kansrijke-start/core';
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
  STREAM_HELP,
  declaredStream,
  parseYears,
  required,
} from '../args.js';
import { columnsHelp, statusCodes, withoutResults } from '../help.js';
import { checkStdinOnce } from '../io.js';
import { metadataOf } from '../metadata.js';
import { writeExport } from '../output.js';
import { summaryText } from '../compare-summary.js';
import { prose, textLayout } from '../terminal.js';
import { receiptFooter } from '../receipt-footer.js';
import { loadScenario, reportWarnings, warningTexts } from '../scenario-file.js';
import { MUNICIPALITY_HELP, municipalityFilter } from '../municipality-option.js';
import type { Command } from './types.js';
import { InputError } from '../errors.js';

/** At most this many scenarios beside the reference (the baseline or --against). */
const MAX_VARIANTS = 2;

/** How many of the largest increases and decreases the summary shows. */
const SUMMARY_COUNT = 5;

function gebruik(data: () => BaselineData): string {
  const kolommen = comparisonTable(data(), [withoutResults(), withoutResults()], []).kolommen;
  return `Gebruik: ks-budget compare --scenario BESTAND [--scenario BESTAND] [--against BESTAND]
                         [--years JAAR[-JAAR]]
                         [--stream ID] [--gemeente CODE|NAAM] [--changes-only]
                         [--herindelingen gepland|zonder] [--summary]
                         [--format csv|json] [--excel] [--metadata BESTAND]

Vergelijkt een scenario met de basis (of met een ander scenario) per ontvanger, stroom en
jaar: beide bedragen, het verschil (scenario min basis) in euro, in procenten van de basis
(leeg bij een basis van 0) en in euro per inwoner, en de status van elk bedrag. Gemeenten,
IZA-regio's en andere ontvangers staan er allemaal in.

Kolommen:
${columnsHelp(kolommen)}

Bedragen in euro met een punt als decimaalteken; leeg = onbekend of niet van toepassing.
Statussen: ${statusCodes()}.

Opties:
  --scenario BESTAND    het scenario (JSON); tweemaal voor twee varianten naast elkaar (kolommen
                        scenario_1 en scenario_2, elk met zijn verschil met de basis)
  --against BESTAND     vergelijk met dit scenario in plaats van met de basis
${YEARS_HELP}
${STREAM_HELP}
${MUNICIPALITY_HELP}
  --changes-only        alleen regels waarin iets verschilt
  --summary             JSON krijgt ook het veld "samenvatting": de totalen per stroom en jaar
                        van elke kant en het verschil, en de ${SUMMARY_COUNT} gemeenten met de grootste
                        stijging en daling in euro (opgeteld over de stromen en jaren van de
                        vergelijking). Op een terminal staat die samenvatting altijd onder de tabel
${MERGERS_HELP}
                        (voor beide kanten van de vergelijking)
${FORMAT_HELP}
${METADATA_HELP}
  -h, --help            deze uitleg

Op een terminal (zonder --format) een uitgelijnde tabel met bedragen als € 1.234,56 en daaronder
de samenvatting; naar een bestand of pijp, of met --format, CSV of JSON.

Elk jaar staat in de gemeentelijke indeling van dat jaar. JSON heeft ook het veld "metadata":
de versie en stand van de gegevens, de rekenmotor, beide scenario's met hun bewijs (de SHA-256
van het scenario en van de uitkomst) en de nog te nemen besluiten; "ks-budget verify" rekent
zo'n bestand na. Waarschuwingen over de scenario's komen op stderr.`;
}

export const compareCommand: Command = {
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('compare', argv, {
      scenario: { type: 'string', multiple: true },
      against: { type: 'string' },
      years: { type: 'string' },
      stream: { type: 'string' },
      gemeente: { type: 'string' },
      'changes-only': { type: 'boolean' },
      herindelingen: { type: 'string' },
      summary: { type: 'boolean' },
      ...EXPORT_OPTIONS,
    });
    if (values.help) return ctx.io.out(`${gebruik(ctx.data)}\n`);
    const scenarioFiles = values.scenario ?? [];
    if (scenarioFiles.length === 0) required(undefined, '--scenario', 'compare'); // throws: the option is missing
    if (scenarioFiles.length > MAX_VARIANTS) throw new InputError(`--scenario: hoogstens ${MAX_VARIANTS} scenario's naast de basis; u gaf er ${scenarioFiles.length}`);
    const label = (i: number) => (scenarioFiles.length === 1 ? '--scenario' : `--scenario (${i + 1}e)`);
    checkStdinOnce({ ...Object.fromEntries(scenarioFiles.map((f, i) => [label(i), f])), '--against': values.against });
    const { van, tot } = parseYears(values.years);
    const stroom = values.stream === undefined ? null : parseStream(values.stream);
    const herindelingen = parseMergerChoice(values.herindelingen);
    const out = { ...parseExportFormat(values), tekst: textLayout(ctx.io, values) };
    if (values.summary && out.format === 'csv' && !out.tekst) {
      throw new InputError('--summary hoort bij JSON-uitvoer (het veld "samenvatting"); kies --format json. Op een terminal staat de samenvatting altijd onder de tabel');
    }
    const data = ctx.data();

    // The reference is the baseline (its name is "Basis") or the --against scenario.
    const reference = loadScenario(values.against, data, herindelingen);
    const variants = scenarioFiles.map((f) => loadScenario(f, data, herindelingen));
    const all = [reference, ...variants];
    if (stroom !== null) declaredStream(stroom, '--stream', all.filter((l, i) => l.bestand && all.findIndex((x) => x.bestand === l.bestand) === i).map((l) => l.scenario));
    const namen = all.map((l) => l.scenario.naam);
    const gemeente = municipalityFilter(data, values.gemeente, { van, tot }, variants[0]!.scenario.herindelingen);
    const filter = { van, tot, stroom, alleenVerschillen: values['changes-only'] === true, ontvangers: gemeente?.codes ?? null };
    const table = comparisonTable(
      data,
      all.map((l) => l.allocation),
      namen,
      filter,
    );
    const summary = () => comparisonSummary(compareAllocations(data, all.map((l) => l.allocation), filter), { aantal: SUMMARY_COUNT });
    for (const m of gemeente?.meldingen ?? []) ctx.io.err(`let op: ${m}\n`);

    // The same file on two sides gets its warnings once.
    const sides = all.filter((l, i) => all.findIndex((x) => x.bestand === l.bestand) === i);
    reportWarnings(ctx.io, ...sides);
    writeExport(ctx.io, table, out, metadataOf(all.map((l) => l.allocation), namen, { id: 'vergelijking', naam: table.naam, filter }), (regels) => ({
      basis: namen[0],
      ...(variants.length === 1 ? { scenario: namen[1] } : { scenarios: namen.slice(1) }),
      afronding: table.eenheid,
      waarschuwingen: sides.flatMap(warningTexts),
      ...(values.summary ? { samenvatting: plainSummary(summary(), table.eenheid) } : {}),
      regels,
    }));
    // Laid out for the width already (its prose wrapped, its tables fitted).
    if (out.tekst) {
      ctx.io.out(summaryText(summary(), namen, table.eenheid, out.tekst.columns, SUMMARY_COUNT, (id) => streamNameIn(id, all.map((l) => l.allocation))));
      ctx.io.out(`\n${prose(ctx.io, receiptFooter(all.map((l) => l.allocation), namen))}`);
    }
  },
};
