import { STREAM_IDS, comparisonTable, type BaselineData } from '@kansrijke-start/core';
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
  parseYears,
  required,
} from '../args.js';
import { columnsHelp, statusCodes, withoutResults } from '../help.js';
import { checkStdinOnce } from '../io.js';
import { metadataOf } from '../metadata.js';
import { writeExport } from '../output.js';
import { loadScenario, reportWarnings, warningTexts } from '../scenario-file.js';
import { MUNICIPALITY_HELP, municipalityFilter } from '../municipality-option.js';
import type { Command } from './types.js';

function gebruik(data: () => BaselineData): string {
  const kolommen = comparisonTable(data(), [withoutResults(), withoutResults()], []).kolommen;
  return `Gebruik: ks-budget compare --scenario BESTAND [--against BESTAND] [--years JAAR[-JAAR]]
                         [--stream ID] [--gemeente CODE|NAAM] [--changes-only]
                         [--herindelingen gepland|zonder]
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
  --scenario BESTAND    het scenario (JSON)
  --against BESTAND     vergelijk met dit scenario in plaats van met de basis
${YEARS_HELP}
  --stream ID           alleen deze stroom (${STREAM_IDS.join(', ')})
${MUNICIPALITY_HELP}
  --changes-only        alleen regels waarin iets verschilt
${MERGERS_HELP}
                        (voor beide kanten van de vergelijking)
${FORMAT_HELP}
${METADATA_HELP}
  -h, --help            deze uitleg

Elk jaar staat in de gemeentelijke indeling van dat jaar. JSON heeft ook het veld "metadata":
de versie en stand van de gegevens, de rekenmotor, beide scenario's en de nog te nemen
besluiten. Waarschuwingen over de scenario's komen op stderr.`;
}

export const compareCommand: Command = {
  naam: 'compare',
  kort: 'scenario naast de basis (of een ander scenario), per ontvanger',
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('compare', argv, {
      scenario: { type: 'string' },
      against: { type: 'string' },
      years: { type: 'string' },
      stream: { type: 'string' },
      gemeente: { type: 'string' },
      'changes-only': { type: 'boolean' },
      herindelingen: { type: 'string' },
      ...EXPORT_OPTIONS,
    });
    if (values.help) return ctx.io.out(`${gebruik(ctx.data)}\n`);
    const scenarioFile = required(values.scenario, '--scenario', 'compare');
    checkStdinOnce({ '--scenario': scenarioFile, '--against': values.against });
    const { van, tot } = parseYears(values.years);
    const stroom = values.stream === undefined ? null : parseStream(values.stream);
    const herindelingen = parseMergerChoice(values.herindelingen);
    const out = parseExportFormat(values);
    const data = ctx.data();

    // The reference is the baseline (its name is "Basis") or the --against scenario.
    const reference = loadScenario(values.against, data, herindelingen);
    const scenario = loadScenario(scenarioFile, data, herindelingen);
    const namen = [reference.scenario.naam, scenario.scenario.naam];
    const gemeente = municipalityFilter(data, values.gemeente, { van, tot }, scenario.scenario.herindelingen);
    const table = comparisonTable(data, [reference.allocation, scenario.allocation], namen, {
      van,
      tot,
      stroom,
      alleenVerschillen: values['changes-only'] === true,
      ontvangers: gemeente?.codes ?? null,
    });
    for (const m of gemeente?.meldingen ?? []) ctx.io.err(`let op: ${m}\n`);

    // The same file on both sides gets its warnings once.
    const sides = reference.bestand === scenario.bestand ? [scenario] : [reference, scenario];
    reportWarnings(ctx.io, ...sides);
    writeExport(ctx.io, table, out, metadataOf([reference.allocation, scenario.allocation], namen), (regels) => ({
      basis: namen[0],
      scenario: namen[1],
      afronding: table.eenheid,
      waarschuwingen: sides.flatMap(warningTexts),
      regels,
    }));
  },
};
