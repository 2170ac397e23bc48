import { centsToPlain } from '../money/format.js';
import type { Cell, Column, Table } from './table.js';
import { sideIds } from './tables.js';
import { mapClassLabel, mapValue, MAP_MEASURE_NAMES, type MapMeasure, type MapView } from '../views/map.js';
import type { ClassScheme } from '../views/classes.js';

/**
 * The map of the municipalities as a table: what the map shows, for people who cannot see it and
 * as a download. Per municipality its inhabitants, per allocation the amount and euro per
 * inhabitant, the difference with the first (in euro and per inhabitant), the status of the
 * allocation the map shows (`k`), and the legend class it is coloured by.
 */
export function mapTable(view: MapView, namen: readonly string[], opts: { maat: MapMeasure; k: number; klassen: ClassScheme }): Table {
  const n = view.rijen[0]?.zijden.length ?? namen.length;
  const ids = sideIds(n);
  const suffix = (j: number) => (n === 2 ? '' : `_${j}`);
  const periode = view.van === view.tot ? `${view.van}` : `${view.van}-${view.tot}`;
  const kolommen: Column[] = [
    { id: 'gemeente', kop: 'Gemeente (code)', soort: 'code' },
    { id: 'naam', kop: 'Gemeente', soort: 'tekst', breedte: 30 },
    { id: 'inwoners', kop: 'Inwoners', soort: 'aantal' },
    ...ids.flatMap((id, k): Column[] => [
      { id, kop: `${namen[k] ?? id}, ${periode} (euro)`, soort: 'euro' },
      { id: `per_inwoner_${id}`, kop: `${namen[k] ?? id}, per inwoner (euro)`, soort: 'getal', euroCent: true },
    ]),
    ...ids.slice(1).flatMap((_, j): Column[] => [
      { id: `verschil${suffix(j + 1)}`, kop: `Verschil ${namen[j + 1] ?? ''} (euro)`.replace('  ', ' '), soort: 'euro' },
      { id: `verschil_per_inwoner${suffix(j + 1)}`, kop: `Verschil per inwoner ${namen[j + 1] ?? ''} (euro)`.replace('  ', ' '), soort: 'getal', euroCent: true },
    ]),
    { id: 'status', kop: `Status ${namen[opts.k] ?? ''}`.trim(), soort: 'code' },
    { id: 'klasse', kop: `Klasse op de kaart (${MAP_MEASURE_NAMES[opts.maat]})`, soort: 'tekst', breedte: 40 },
  ];
  const plain = (c: bigint | null): string | null => (c === null ? null : centsToPlain(c, 'cent'));
  const rijen = view.rijen.map((r): Cell[] => [
    r.code,
    r.naam,
    r.inwoners,
    ...r.zijden.flatMap((z, k) => [z.aanwezig ? z.bedrag : null, plain(r.perInwoner[k] ?? null)]),
    ...r.verschillen.flatMap((d, j) => [d.verschil, plain(r.verschilPerInwoner[j] ?? null)]),
    r.zijden[opts.k]?.aanwezig ? r.zijden[opts.k]!.status : null,
    mapClassLabel(opts.klassen, opts.maat, mapValue(r, opts.maat, opts.k)),
  ]);
  return { naam: `Kaart ${periode}`, kolommen, rijen, eenheid: view.eenheid };
}
