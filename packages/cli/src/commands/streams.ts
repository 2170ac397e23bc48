import { STREAMS, nationalRow } from '@kansrijke-start/core';
import { TABLE_OPTIONS, parseCommandArgs, parseFormat, parseYears } from '../args.js';
import { writeTable, type Cell } from '../output.js';
import type { Command } from './types.js';

const gebruik = `Gebruik: ks-budget streams [--years 2019-2030] [--format csv|json] [--excel]

Toont de landelijke bedragen per financieringsstroom en jaar, met status en bron, zoals ze in
de brondata staan (vóór een generieke korting; die staat in de kolom korting, in procenten).

Kolommen: jaar, stroom, naam, bedrag (euro, punt als decimaalteken; leeg = onbekend), status
(officieel, officieel-afgerond, raming, onbekend), korting, verdeling (gemeenten of landelijk),
bron, toelichting.

Opties:
  --years JAAR[-JAAR]   alleen deze jaren (standaard 2019-2030)
  --format csv|json     uitvoervorm (standaard csv)
  --excel               CSV voor Nederlandse Excel: puntkomma, decimale komma, BOM
  -h, --help            deze uitleg`;

export const streamsCommand: Command = {
  naam: 'streams',
  kort: 'landelijke bedragen per stroom en jaar, met status en bron',
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('streams', argv, { years: { type: 'string' }, ...TABLE_OPTIONS });
    if (values.help) return ctx.io.out(`${gebruik}\n`);
    const { van, tot } = parseYears(values.years);
    const out = parseFormat(values.format, values.excel);
    const data = ctx.data();
    const rows: Cell[][] = [];
    for (let jaar = van; jaar <= tot; jaar++) {
      for (const s of STREAMS) {
        const row = nationalRow(data, s.id, jaar);
        if (!row) continue; // the stream does not run this year
        const cut = s.regeling ? data.kortingen.find((k) => k.regeling === s.regeling && k.jaren.includes(jaar)) : undefined;
        const toelichting = [row.jaar === 'structureel' ? 'structureel bedrag, voortgezet na het laatste jaar met een eigen bedrag' : '', row.toelichting]
          .filter(Boolean)
          .join('; ');
        rows.push([
          jaar,
          s.id,
          s.naam,
          row.bedrag === null ? null : row.bedrag.toFixed(),
          row.status,
          cut ? cut.percentage.toFixed() : null,
          s.baseline.verdeling,
          row.bron,
          toelichting,
        ]);
      }
    }
    writeTable(ctx.io, ['jaar', 'stroom', 'naam', 'bedrag', 'status', 'korting', 'verdeling', 'bron', 'toelichting'], rows, out);
  },
};
