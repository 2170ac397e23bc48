import { overviewTable } from '@kansrijke-start/core';
import { EXPORT_OPTIONS, FORMAT_HELP, METADATA_HELP, YEARS_HELP, parseCommandArgs, parseExportFormat, parseYears } from '../args.js';
import { columnsHelp, statusCodes, withoutResults } from '../help.js';
import { metadataOf } from '../metadata.js';
import { writeExport } from '../output.js';
import { textLayout } from '../terminal.js';
import { loadScenario, reportWarnings } from '../scenario-file.js';
import type { Command } from './types.js';

function gebruik(): string {
  return `Gebruik: ks-budget streams [--scenario BESTAND] [--years JAAR[-JAAR]] [--format csv|json] [--excel]
                         [--metadata BESTAND]

Het landelijke overzicht: per jaar en stroom het bedrag zoals het in de bron staat
(bronbedrag) met zijn status, de korting en de indexatie, en het bedrag na die bijstellingen
(bedrag, met zijn status): dat bedrag wordt verdeeld, en de bedragen van een jaar tellen op
tot het jaartotaal van het overzicht. Met de bron, de stand (de datum van het document), het
adres van de bron en een toelichting. Alleen stromen die in een jaar lopen; een onbekend
bedrag is leeg (onbekend is geen 0).

Kolommen:
${columnsHelp(overviewTable(withoutResults()).kolommen)}

Bedragen in euro met een punt als decimaalteken. Statussen: ${statusCodes()}.

Opties:
  --scenario BESTAND    scenario (JSON); zonder deze optie de basis
${YEARS_HELP}
${FORMAT_HELP}
${METADATA_HELP}
  -h, --help            deze uitleg

JSON is een document met "metadata" (versie en stand van de gegevens, rekenmotor, scenario,
nog te nemen besluiten) en "regels". Waarschuwingen over het scenario komen op stderr.`;
}

export const streamsCommand: Command = {
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('streams', argv, { scenario: { type: 'string' }, years: { type: 'string' }, ...EXPORT_OPTIONS });
    if (values.help) return ctx.io.out(`${gebruik()}\n`);
    const { van, tot } = parseYears(values.years);
    const out = { ...parseExportFormat(values), tekst: textLayout(ctx.io, values) };
    const loaded = loadScenario(values.scenario, ctx.data());
    reportWarnings(ctx.io, loaded);
    const table = overviewTable(loaded.allocation, { van, tot });
    writeExport(ctx.io, table, out, metadataOf([loaded.allocation], [loaded.scenario.naam], { id: 'landelijk', naam: table.naam, filter: { van, tot } }));
  },
};
