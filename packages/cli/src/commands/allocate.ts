import { STREAM_IDS } from '@kansrijke-start/core';
import { TABLE_OPTIONS, parseCommandArgs, parseFormat, parseStream, parseYears } from '../args.js';
import { euros, writeTable, type Cell } from '../output.js';
import { allocateOrFail, loadScenario } from '../scenario-file.js';
import type { Command } from './types.js';

const gebruik = `Gebruik: ks-budget allocate [--scenario BESTAND] [--years 2019-2030] [--stream ID]
                          [--format csv|json] [--excel]

Berekent de verdeling over jaren, stromen en ontvangers: van de basis, of van een scenario.
Elke regel van de verdeling wordt één regel uitvoer, ook bedragen die landelijk blijven en
onbekende bedragen.

Kolommen: jaar, stroom, ontvanger (gemeentecode zoals GM0363, een regio, "landelijk" voor
een landelijk bedrag dat niet wordt verdeeld, of de code van een reservering), naam, bedrag
(euro, punt als decimaalteken; leeg = onbekend), status (officieel, officieel-afgerond,
raming, scenario, onbekend).

Opties:
  --scenario BESTAND    scenario (JSON); zonder deze optie de basis
  --years JAAR[-JAAR]   alleen deze jaren (standaard 2019-2030)
  --stream ID           alleen deze stroom (${STREAM_IDS.join(', ')})
  --format csv|json     uitvoervorm (standaard csv); JSON geeft bedragen als tekst
  --excel               CSV voor Nederlandse Excel: puntkomma, decimale komma, BOM
  -h, --help            deze uitleg

Waarschuwingen (zoals een overschreden kader) komen op stderr.`;

export const allocateCommand: Command = {
  naam: 'allocate',
  kort: 'verdeling per jaar, stroom en ontvanger (basis of scenario)',
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('allocate', argv, {
      scenario: { type: 'string' },
      years: { type: 'string' },
      stream: { type: 'string' },
      ...TABLE_OPTIONS,
    });
    if (values.help) return ctx.io.out(`${gebruik}\n`);
    const { van, tot } = parseYears(values.years);
    const stroom = values.stream === undefined ? null : parseStream(values.stream);
    const out = parseFormat(values.format, values.excel);
    const data = ctx.data();
    const { scenario, file } = loadScenario(values.scenario, data);
    const allocation = allocateOrFail(data, scenario, file);
    const unit = allocation.eenheid === 100n ? 'euro' : 'cent';

    const results = allocation.resultaten
      .filter((r) => r.jaar >= van && r.jaar <= tot && (stroom === null || r.stroom === stroom))
      .sort((a, b) => a.jaar - b.jaar || STREAM_IDS.indexOf(a.stroom) - STREAM_IDS.indexOf(b.stroom));
    const rows: Cell[][] = results.flatMap((r) => r.regels.map((l) => [l.jaar, l.stroom, l.ontvanger, l.naam, euros(l.bedrag, unit), l.status]));

    for (const w of allocation.waarschuwingen) ctx.io.err(`waarschuwing: ${w}\n`);
    writeTable(ctx.io, ['jaar', 'stroom', 'ontvanger', 'naam', 'bedrag', 'status'], rows, {
      ...out,
      json: (regels) => ({
        scenario: scenario.naam,
        afronding: unit,
        waarschuwingen: allocation.waarschuwingen,
        meldingen: results.flatMap((r) => r.meldingen.filter(Boolean).map((m) => ({ jaar: r.jaar, stroom: r.stroom, melding: m }))),
        regels,
      }),
    });
  },
};
