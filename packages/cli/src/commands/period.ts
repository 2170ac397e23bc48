import { DEFAULT_PERIOD, formatEuro, streamNameIn, formatSignedEuro, type Allocation, periodTable, periodView, winnersAndLosers, type BaselineData, type PeriodStreamRow, type PeriodView, type Side } from '@kansrijke-start/core';
import { EXPORT_OPTIONS, MERGERS_HELP, METADATA_HELP, parseCommandArgs, parseExportFormat, parseMergerChoice, parseYears } from '../args.js';
import { InputError } from '../errors.js';
import { columnsHelp, withoutResults } from '../help.js';
import { checkStdinOnce } from '../io.js';
import { metadataOf } from '../metadata.js';
import { writeExport } from '../output.js';
import { prose } from '../terminal.js';
import { loadScenario, reportWarnings, warningTexts } from '../scenario-file.js';
import type { Command } from './types.js';

const KINDS = ['stromen', 'gemeenten', 'klassen'] as const;
type Kind = (typeof KINDS)[number];

function gebruik(data: () => BaselineData): string {
  // The columns only: the period view of two allocations without results.
  const empty = periodView(data(), [withoutResults(), withoutResults()]);
  return `Gebruik: ks-budget period [--scenario BESTAND [--scenario BESTAND]] [--against BESTAND]
                        [--years JAAR-JAAR] [--by stromen|gemeenten|klassen]
                        [--herindelingen gepland|zonder] [--format text|csv|json] [--excel]
                        [--metadata BESTAND]

De verdeling over een periode (standaard ${DEFAULT_PERIOD.van}-${DEFAULT_PERIOD.tot}): per stroom het bedrag van elk jaar en
de som; per gemeente de som over de periode, met het verschil met de basis in euro en per
inwoner; of per gemeentegrootteklasse (CBS). Een gemeente die in de periode opgaat in een
andere (geplande herindeling) telt mee bij die andere, de gemeente van het laatste jaar, zodat
elke euro één keer telt. Zonder --format: een overzicht in woorden met de grootste stijgers en
dalers.

Kolommen van --by gemeenten (csv en json):
${columnsHelp(periodTable(empty, ['Basis', 'Scenario'], 'gemeenten').kolommen)}

Opties:
  --scenario BESTAND    een scenario (JSON), tweemaal voor twee varianten; zonder: de basis
  --against BESTAND     vergelijk met dit scenario in plaats van met de basis
  --years JAAR-JAAR     de periode (standaard ${DEFAULT_PERIOD.van}-${DEFAULT_PERIOD.tot})
  --by stromen|gemeenten|klassen  welke tabel (csv en json; standaard gemeenten)
${MERGERS_HELP}
  --format text|csv|json  uitvoervorm (standaard text; op een terminal afgebroken op de
                        breedte van de terminal)
  --excel               CSV voor Nederlandse Excel: puntkomma, decimale komma, BOM
${METADATA_HELP}
  -h, --help            deze uitleg`;
}

const amount = (c: bigint | null): string => (c === null ? 'onbekend' : formatEuro(c, 'auto'));
/** A side's sum: "loopt niet" when the stream does not run there (an own stream in the baseline), which is neither 0 nor unknown. */
const sideText = (z: Side): string => (z.aanwezig ? amount(z.bedrag) : 'loopt niet');

function differenceText(s: PeriodStreamRow, k: number): string {
  const v = s.verschillen[k]!;
  if (v.verschil !== null) return formatSignedEuro(v.verschil);
  // Running on neither side: there is nothing to differ.
  return !s.som[0]!.aanwezig && !s.som[k + 1]!.aanwezig ? '–' : 'verschil onbekend';
}

function summary(view: PeriodView, namen: readonly string[], allocations: readonly Allocation[]): string {
  const lines = [`${view.van === view.tot ? `Jaar ${view.van}` : `Periode ${view.van}-${view.tot}`}: ${namen.join(' naast ')}`, '', 'Per stroom, som over de periode:'];
  for (const s of view.stromen) {
    const d = s.verschillen.map((_, k) => ` (${namen[k + 1]}: ${differenceText(s, k)})`).join('');
    lines.push(`  ${streamNameIn(s.stroom, allocations)}: ${sideText(s.som[0]!)}${s.som.length > 1 ? ` → ${s.som.slice(1).map(sideText).join(', ')}` : ''}${d}`);
  }
  for (let k = 1; k < namen.length; k++) {
    const { stijgers, dalers } = winnersAndLosers(view, k, 'euro', 5);
    lines.push('', `Grootste stijgers, ${namen[k]} tegen ${namen[0]}:`);
    for (const r of stijgers) lines.push(`  ${r.naam} (${r.code}): ${formatSignedEuro(r.verschillen[k - 1]!.verschil!)}`);
    if (stijgers.length === 0) lines.push('  geen');
    lines.push(`Grootste dalers, ${namen[k]} tegen ${namen[0]}:`);
    for (const r of dalers) lines.push(`  ${r.naam} (${r.code}): ${formatSignedEuro(r.verschillen[k - 1]!.verschil!)}`);
    if (dalers.length === 0) lines.push('  geen');
  }
  return `${lines.join('\n')}\n`;
}

export const periodCommand: Command = {
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('period', argv, {
      scenario: { type: 'string', multiple: true },
      against: { type: 'string' },
      years: { type: 'string' },
      by: { type: 'string' },
      herindelingen: { type: 'string' },
      ...EXPORT_OPTIONS,
    });
    if (values.help) return ctx.io.out(`${gebruik(ctx.data)}\n`);
    const files = values.scenario ?? [];
    if (files.length > 2) throw new InputError(`--scenario: hoogstens 2 scenario's naast de basis; u gaf er ${files.length}`);
    const { van, tot } = values.years === undefined ? DEFAULT_PERIOD : parseYears(values.years);
    const by = (values.by ?? 'gemeenten') as Kind;
    if (!KINDS.includes(by)) throw new InputError(`--by: "${values.by}" is geen tabel; kies ${KINDS.join(', ')}`);
    const text = values.format === undefined || values.format === 'text';
    if (!text && !['csv', 'json'].includes(values.format!)) throw new InputError(`--format: "${values.format}" is geen uitvoervorm; kies text, csv of json`);
    if (text && (values.excel || values.metadata !== undefined)) throw new InputError('--excel en --metadata horen bij CSV-uitvoer; kies --format csv');
    const out = text ? null : parseExportFormat(values);
    checkStdinOnce({ ...Object.fromEntries(files.map((f, i) => [`--scenario (${i + 1}e)`, f])), '--against': values.against });
    const herindelingen = parseMergerChoice(values.herindelingen);
    const data = ctx.data();
    const all = [loadScenario(values.against, data, herindelingen), ...files.map((f) => loadScenario(f, data, herindelingen))];
    reportWarnings(ctx.io, ...all.filter((l, i) => all.findIndex((x) => x.bestand === l.bestand) === i));
    const allocations = all.map((l) => l.allocation);
    const namen = all.map((l) => l.scenario.naam);
    const view = periodView(data, allocations, { van, tot });
    if (out === null) return ctx.io.out(prose(ctx.io, summary(view, namen, allocations)));
    const table = periodTable(view, namen, by, allocations.some((a) => a.eenheid === 1n) ? 'cent' : 'euro');
    writeExport(ctx.io, table, out, metadataOf(allocations, namen), (regels) => ({ periode: { van, tot }, waarschuwingen: all.flatMap(warningTexts), regels }));
  },
};
