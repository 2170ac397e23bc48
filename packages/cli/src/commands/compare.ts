import { STREAM_IDS, compare, perInhabitant } from '@kansrijke-start/core';
import { TABLE_OPTIONS, parseCommandArgs, parseFormat, parseStream, parseYears, required } from '../args.js';
import { euros, fixed, writeTable, type Cell } from '../output.js';
import { allocateOrFail, loadScenario } from '../scenario-file.js';
import type { Command } from './types.js';

const gebruik = `Gebruik: ks-budget compare --scenario BESTAND [--against BESTAND] [--years 2019-2030]
                         [--stream ID] [--changes-only] [--format csv|json] [--excel]

Vergelijkt een scenario met de basis (of met een ander scenario) per ontvanger, stroom en
jaar: het verschil in euro, in procenten en in euro per inwoner.

Kolommen: jaar, stroom, ontvanger, naam, basis, scenario, verschil (scenario min basis),
verschil_pct (ten opzichte van de basis; leeg bij een basis van 0), inwoners (1 januari
2024, alleen gemeenten), verschil_per_inwoner, status_basis, status_scenario. Bedragen in
euro met een punt als decimaalteken; leeg = onbekend of niet van toepassing.

Opties:
  --scenario BESTAND    het scenario (JSON)
  --against BESTAND     vergelijk met dit scenario in plaats van met de basis
  --years JAAR[-JAAR]   alleen deze jaren (standaard 2019-2030)
  --stream ID           alleen deze stroom
  --changes-only        alleen regels waarin iets verschilt
  --format csv|json     uitvoervorm (standaard csv)
  --excel               CSV voor Nederlandse Excel: puntkomma, decimale komma, BOM
  -h, --help            deze uitleg`;

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
      'changes-only': { type: 'boolean' },
      ...TABLE_OPTIONS,
    });
    if (values.help) return ctx.io.out(`${gebruik}\n`);
    const scenarioFile = required(values.scenario, '--scenario', 'compare');
    const { van, tot } = parseYears(values.years);
    const stroom = values.stream === undefined ? null : parseStream(values.stream);
    const out = parseFormat(values.format, values.excel);
    const data = ctx.data();

    const a = loadScenario(values.against, data);
    const b = loadScenario(scenarioFile, data);
    const basis = allocateOrFail(data, a.scenario, a.file);
    const scenario = allocateOrFail(data, b.scenario, b.file);
    const unit = basis.eenheid === 1n || scenario.eenheid === 1n ? 'cent' : 'euro';

    const rows: Cell[][] = compare(data, basis, scenario)
      .filter((r) => r.jaar >= van && r.jaar <= tot && (stroom === null || r.stroom === stroom))
      .filter((r) => !values['changes-only'] || (r.verschil === null ? r.basis !== r.scenario : r.verschil !== 0n))
      .sort((x, y) => x.jaar - y.jaar || STREAM_IDS.indexOf(x.stroom) - STREAM_IDS.indexOf(y.stroom))
      .map((r) => [
        r.jaar,
        r.stroom,
        r.ontvanger,
        r.naam,
        euros(r.basis, unit),
        euros(r.scenario, unit),
        euros(r.verschil, unit),
        fixed(r.verschilFractie && { n: r.verschilFractie.n * 100n, d: r.verschilFractie.d }, 2),
        r.inwoners === null ? null : r.inwoners.toString(),
        fixed(perInhabitant(r.verschil, r.inwoners), 2),
        r.statusBasis,
        r.statusScenario,
      ]);

    for (const w of scenario.waarschuwingen) ctx.io.err(`waarschuwing: ${w}\n`);
    const header = ['jaar', 'stroom', 'ontvanger', 'naam', 'basis', 'scenario', 'verschil', 'verschil_pct', 'inwoners', 'verschil_per_inwoner', 'status_basis', 'status_scenario'];
    writeTable(ctx.io, header, rows, {
      ...out,
      json: (regels) => ({ basis: a.scenario.naam, scenario: b.scenario.naam, afronding: unit, regels }),
    });
  },
};
