import { centsOf } from '../money/cents.js';
import { formatEuro, formatPercent } from '../money/format.js';
import type { Sleutel, Wijziging } from './schema.js';

/** The Dutch name of each kind of change, for every place that shows one. */
export const CHANGE_KIND_NAMES: Readonly<Record<Wijziging['soort'], string>> = {
  bedrag: 'Landelijk bedrag',
  korting: 'Korting',
  indexatie: 'Indexatie (loon- en prijsbijstelling)',
  reservering: 'Reservering vooraf',
  'lokaal-regionaal': 'Verdeling lokaal / regionaal',
  sleutel: 'Verdeelsleutel',
  deelname: 'Deelnemende gemeenten',
  verdeling: 'Verdelen of landelijk houden',
};

const euro = (s: string): string => formatEuro(centsOf(s), 'auto');
const pct = (s: string): string => formatPercent(s, 6);

/** What a change sets, in Dutch: "€ 6.000.000", "10%", "60% lokaal", "formule: ...". */
export function describeChange(w: Wijziging): string {
  switch (w.soort) {
    case 'bedrag':
      return euro(w.bedrag);
    case 'korting':
      return `${pct(w.percentage)} korting`;
    case 'indexatie':
      return `${pct(w.percentage)} indexatie`;
    case 'lokaal-regionaal':
      return `${pct(w.lokaalPercentage)} lokaal, de rest regionaal`;
    case 'verdeling':
      return w.verdeling === 'gemeenten' ? 'verdelen over gemeenten' : 'landelijk houden (niet verdelen)';
    case 'sleutel':
      return describeKey(w.sleutel);
    case 'deelname':
      return `${w.gemeenten.length} gemeenten nemen deel; het aandeel van de anderen wordt ${w.nietDeelnemers === 'herverdelen' ? 'herverdeeld' : 'niet uitgegeven (onbenut)'}`;
    case 'reservering':
      return w.ontvangers.length === 0 ? 'geen reserveringen' : w.ontvangers.map((o) => `${o.naam} ${euro(o.bedrag)}`).join('; ');
  }
}

/** A key in Dutch: "Brede SPUK-sleutel", "formule: 1 × geboorten-2022; minimumbedrag € 5.000", "eigen tabel ...". */
export function describeKey(sl: Sleutel): string {
  if (sl.type === 'brede-spuk-2025') return 'Brede SPUK-sleutel';
  if (sl.type === 'tabel') return `eigen tabel "${sl.naam}" (${sl.waarden.length} gemeenten)`;
  const parts = [`formule: ${sl.gewichten.map((g) => `${g.gewicht} × ${g.indicator}`).join(' + ')}`];
  if (sl.basisbedrag) parts.push(`basisbedrag ${euro(sl.basisbedrag)}`);
  if (sl.minimumbedrag) parts.push(`minimumbedrag ${euro(sl.minimumbedrag)}`);
  if (sl.aanvullingen?.length) parts.push(`${sl.aanvullingen.length} ${sl.aanvullingen.length === 1 ? 'aangevulde waarde' : 'aangevulde waarden'}`);
  return parts.join('; ');
}
