import { allocationTable, streamRank, unknownShareNotes } from '@kansrijke-start/core';
import {
  EXPORT_OPTIONS,
  FORMAT_HELP,
  MERGERS_HELP,
  METADATA_HELP,
  STREAM_HELP,
  YEARS_HELP,
  declaredStream,
  parseCommandArgs,
  parseExportFormat,
  parseMergerChoice,
  parseStream,
  parseYears,
} from '../args.js';
import { columnsHelp, statusCodes, withoutResults } from '../help.js';
import { metadataOf } from '../metadata.js';
import { writeExport } from '../output.js';
import { prose, textLayout } from '../terminal.js';
import { receiptFooter } from '../receipt-footer.js';
import { loadScenario, reportWarnings, warningTexts } from '../scenario-file.js';
import { MUNICIPALITY_HELP, municipalityFilter } from '../municipality-option.js';
import type { Command } from './types.js';

function gebruik(): string {
  return `Gebruik: ks-budget allocate [--scenario BESTAND] [--years JAAR[-JAAR]] [--stream ID]
                          [--gemeente CODE|NAAM] [--herindelingen gepland|zonder]
                          [--format csv|json] [--excel]
                          [--metadata BESTAND]

Berekent de verdeling over jaren, stromen en ontvangers: van de basis, of van een scenario.
Elke regel van de verdeling wordt één regel uitvoer, ook bedragen die landelijk blijven en
onbekende bedragen. Elk jaar wordt verdeeld over de gemeenten van de indeling van dat jaar:
vanaf het eerste jaar van een geplande herindeling staat het bedrag bij de nieuwe gemeente,
tenzij --herindelingen zonder.

Kolommen:
${columnsHelp(allocationTable(withoutResults()).kolommen)}

De ontvanger is een gemeentecode (zoals GM0363), een IZA-regio, "landelijk" voor een landelijk
bedrag dat niet wordt verdeeld, "onbenut", of de code van een reservering. Bedragen in euro met
een punt als decimaalteken; leeg = onbekend. Statussen: ${statusCodes()}.

Opties:
  --scenario BESTAND    scenario (JSON); zonder deze optie de basis
${YEARS_HELP}
${STREAM_HELP}
${MUNICIPALITY_HELP}
${MERGERS_HELP}
${FORMAT_HELP}
${METADATA_HELP}
  -h, --help            deze uitleg

Waarschuwingen (zoals een overschreden kader) komen op stderr; in JSON staan ze ook in het
document. JSON heeft ook het veld "metadata": de versie en stand van de gegevens, de
rekenmotor, het scenario met zijn bewijs (de SHA-256 van het scenario en van de uitkomst) en
de nog te nemen besluiten; "ks-budget verify" rekent zo'n bestand na. Op een terminal staat
het bewijs onder de tabel.`;
}

export const allocateCommand: Command = {
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('allocate', argv, {
      scenario: { type: 'string' },
      years: { type: 'string' },
      stream: { type: 'string' },
      gemeente: { type: 'string' },
      herindelingen: { type: 'string' },
      ...EXPORT_OPTIONS,
    });
    if (values.help) return ctx.io.out(`${gebruik()}\n`);
    const { van, tot } = parseYears(values.years);
    const stroom = values.stream === undefined ? null : parseStream(values.stream);
    const herindelingen = parseMergerChoice(values.herindelingen);
    const out = { ...parseExportFormat(values), tekst: textLayout(ctx.io, values) };
    const loaded = loadScenario(values.scenario, ctx.data(), herindelingen);
    if (stroom !== null) declaredStream(stroom, '--stream', loaded.bestand ? [loaded.scenario] : []);
    const gemeente = municipalityFilter(ctx.data(), values.gemeente, { van, tot }, loaded.scenario.herindelingen);
    const filter = { van, tot, stroom, ontvangers: gemeente?.codes ?? null };
    const table = allocationTable(loaded.allocation, filter);
    for (const m of gemeente?.meldingen ?? []) ctx.io.err(`let op: ${m}\n`);
    // A municipality has no line in a stream-year whose amounts per municipality are unknown: say so, it is not 0.
    for (const m of gemeente ? unknownShareNotes(loaded.allocation, filter) : []) ctx.io.err(`let op: ${m}\n`);

    reportWarnings(ctx.io, loaded);
    writeExport(ctx.io, table, out, metadataOf([loaded.allocation], [loaded.scenario.naam], { id: 'verdeling', naam: table.naam, filter }), (regels) => ({
      scenario: loaded.scenario.naam,
      afronding: table.eenheid,
      waarschuwingen: warningTexts(loaded),
      meldingen: loaded.allocation.resultaten
        .filter((r) => r.jaar >= van && r.jaar <= tot && (stroom === null || r.stroom === stroom))
        .sort((a, b) => a.jaar - b.jaar || streamRank(a.stroom) - streamRank(b.stroom))
        .flatMap((r) => r.meldingen.filter(Boolean).map((melding) => ({ jaar: r.jaar, stroom: r.stroom, melding }))),
      regels,
    }));
    if (out.tekst) ctx.io.out(`\n${prose(ctx.io, receiptFooter([loaded.allocation], [loaded.scenario.naam]))}`);
  },
};
