import { overviewTable } from '@kansrijke-start/core';
import { FORMAT_HELP, TABLE_OPTIONS, YEARS_HELP, parseCommandArgs, parseFormat, parseYears } from '../args.js';
import { columnsHelp, statusCodes, withoutResults } from '../help.js';
import { writeCoreTable } from '../output.js';
import { loadScenario, reportWarnings } from '../scenario-file.js';
import type { Command } from './types.js';

function gebruik(): string {
  return `Gebruik: ks-budget streams [--scenario BESTAND] [--years JAAR[-JAAR]] [--format csv|json] [--excel]

Het landelijke overzicht: per jaar en stroom het bedrag zoals het in de bron staat
(bronbedrag) met zijn status, de korting en de indexatie, en het bedrag na die bijstellingen
(bedrag, met zijn status): dat bedrag wordt verdeeld, en de bedragen van een jaar tellen op
tot het jaartotaal van het overzicht. Met de bron en een toelichting. Alleen stromen die in
een jaar lopen; een onbekend bedrag is leeg (onbekend is geen 0).

Kolommen:
${columnsHelp(overviewTable(withoutResults()).kolommen)}

Bedragen in euro met een punt als decimaalteken. Statussen: ${statusCodes()}.

Opties:
  --scenario BESTAND    scenario (JSON); zonder deze optie de basis
${YEARS_HELP}
${FORMAT_HELP}
  -h, --help            deze uitleg

Waarschuwingen over het scenario komen op stderr.`;
}

export const streamsCommand: Command = {
  naam: 'streams',
  kort: 'landelijke bedragen per stroom en jaar: bron, bijstellingen, status',
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('streams', argv, { scenario: { type: 'string' }, years: { type: 'string' }, ...TABLE_OPTIONS });
    if (values.help) return ctx.io.out(`${gebruik()}\n`);
    const { van, tot } = parseYears(values.years);
    const out = parseFormat(values.format, values.excel);
    const loaded = loadScenario(values.scenario, ctx.data());
    reportWarnings(ctx.io, loaded);
    writeCoreTable(ctx.io, overviewTable(loaded.allocation, { van, tot }), out);
  },
};
