import { describeScenario, descriptionTable, formatEuro, isOwnStream, type OwnStreamDescription, type ScenarioDescription } from '@kansrijke-start/core';
import { EXPORT_OPTIONS, MERGERS_HELP, METADATA_HELP, parseCommandArgs, parseExportFormat, parseMergerChoice, required } from '../args.js';
import { InputError } from '../errors.js';
import { columnsHelp } from '../help.js';
import { metadataOf } from '../metadata.js';
import { writeExport } from '../output.js';
import { prose } from '../terminal.js';
import { baseline, loadScenario, reportWarnings, warningTexts } from '../scenario-file.js';
import type { Command } from './types.js';

function gebruik(): string {
  // The columns only: the table of a description without changes.
  const d: ScenarioDescription = { naam: '', eenheid: 'euro', wijzigingen: [], eigenStromen: [] };
  return `Gebruik: ks-budget describe --scenario BESTAND [--format text|csv|json] [--excel]
                          [--herindelingen gepland|zonder] [--metadata BESTAND]

Beschrijft een scenario in woorden: elke wijziging, met voor elk jaar waarin ze geldt de waarde
in de basis en die in het scenario (die van deze wijziging, of van een latere die haar
overschrijft), het bedrag dat in dat jaar wordt verdeeld in beide, en de toelichting.

Kolommen (csv en json):
${columnsHelp(descriptionTable(d).kolommen)}

Opties:
  --scenario BESTAND    het scenario (JSON)
  --format text|csv|json  uitvoervorm (standaard text; op een terminal afgebroken op de
                        breedte van de terminal)
  --excel               CSV voor Nederlandse Excel: puntkomma, decimale komma, BOM
${MERGERS_HELP}
${METADATA_HELP}
  -h, --help            deze uitleg`;
}

const amount = (c: bigint | null): string => (c === null ? 'onbekend' : formatEuro(c, 'auto'));

/** The amount divided on one side of a year: "loopt niet" when the stream has no result there (neither 0 nor unknown). */
const divided = (c: bigint | null, loopt: boolean, side: string): string => (loopt ? `${amount(c)} in ${side}` : `loopt niet in ${side}`);

/** An own stream of the scenario: what it is, its key, and a line per year with an amount. */
function ownStreamText(e: OwnStreamDescription): string {
  const lines = [`${e.naam} (${e.id}): eigen stroom van het scenario, status ${e.status}; ${e.reden}`, `   Sleutel: ${e.sleutel}`];
  if (e.jaren.length === 0) lines.push('   De stroom heeft in geen jaar een bedrag.');
  for (const j of e.jaren) lines.push(`   ${j.jaar}: ${j.bedrag}. Te verdelen: ${amount(j.verdeeld)} in het scenario; loopt niet in de basis.`);
  return lines.join('\n');
}

/** The description as Dutch text: the scenario's own streams, then a paragraph per change, a line per year. */
export function descriptionText(d: ScenarioDescription): string {
  const n = d.wijzigingen.length;
  const head = `Scenario "${d.naam}": ${n === 0 ? 'geen wijzigingen (dit is de basis)' : `${n} ${n === 1 ? 'wijziging' : 'wijzigingen'}`}`;
  const m = d.eigenStromen.length;
  const own = m === 0 ? [] : [`${m === 1 ? 'Eigen stroom' : `${m} eigen stromen`} van het scenario (niet in de basis):`, ...d.eigenStromen.map(ownStreamText)];
  const parts = d.wijzigingen.map((w) => {
    const lines = [`${w.nummer}. ${w.soort}, ${w.stroomNaam}, ${w.geldigheid}: ${w.waarde}`];
    if (w.toelichting) lines.push(`   Toelichting: ${w.toelichting}`);
    if (w.jaren.length === 0) lines.push('   De stroom loopt in geen van deze jaren: deze wijziging heeft geen effect.');
    // An own stream is not in the baseline: its value before the changes is the one the scenario declares.
    const before = isOwnStream(w.stroom) ? 'zonder wijzigingen' : 'basis';
    for (const j of w.jaren) {
      const later = j.geldt ? '' : ' (hier geldt een latere wijziging)';
      lines.push(`   ${j.jaar}: ${before} ${j.basis}; scenario ${j.scenario}${later}. Te verdelen: ${divided(j.bedragBasis, j.loopt.basis, 'de basis')}, ${divided(j.bedragScenario, j.loopt.scenario, 'het scenario')}.`);
    }
    return lines.join('\n');
  });
  return `${[head, ...own, ...parts].join('\n\n')}\n`;
}

export const describeCommand: Command = {
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('describe', argv, { scenario: { type: 'string' }, herindelingen: { type: 'string' }, ...EXPORT_OPTIONS });
    if (values.help) return ctx.io.out(`${gebruik()}\n`);
    const file = required(values.scenario, '--scenario', 'describe');
    const text = values.format === undefined || values.format === 'text';
    if (!text && !['csv', 'json'].includes(values.format!)) throw new InputError(`--format: "${values.format}" is geen uitvoervorm; kies text, csv of json`);
    if (text && values.excel) throw new InputError('--excel hoort bij CSV-uitvoer; kies --format csv');
    if (text && values.metadata !== undefined) throw new InputError('--metadata hoort bij CSV-uitvoer; kies --format csv');
    const out = text ? null : parseExportFormat(values);
    const herindelingen = parseMergerChoice(values.herindelingen);
    const data = ctx.data();
    const scenario = loadScenario(file, data, herindelingen);
    const basis = baseline(data, scenario.scenario.herindelingen);
    reportWarnings(ctx.io, scenario);
    const d = describeScenario(data, basis.allocation, scenario.allocation);
    if (out === null) return ctx.io.out(prose(ctx.io, descriptionText(d)));
    writeExport(ctx.io, descriptionTable(d), out, metadataOf([basis.allocation, scenario.allocation], [basis.scenario.naam, scenario.scenario.naam]), (regels) => ({
      scenario: d.naam,
      waarschuwingen: warningTexts(scenario),
      regels,
    }));
  },
};
