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
  ingroeipad: 'Ingroeipad',
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
      return `${pct(w.lokaalPercentage)} lokaal, de rest regionaal${w.regio === 'ggd' ? " over de GGD-regio's" : ''}`;
    case 'verdeling':
      return w.verdeling === 'gemeenten' ? 'verdelen over gemeenten' : 'landelijk houden (niet verdelen)';
    case 'sleutel':
      return describeKey(w.sleutel);
    case 'deelname':
      return `${w.gemeenten.length} gemeenten nemen deel; het aandeel van de anderen wordt ${w.nietDeelnemers === 'herverdelen' ? 'herverdeeld' : 'niet uitgegeven (onbenut)'}`;
    case 'ingroeipad':
      return describePath(w.perInwoner ?? null, w.percentage ?? null);
    case 'reservering':
      return w.ontvangers.length === 0 ? 'geen reserveringen' : w.ontvangers.map((o) => `${o.naam} ${euro(o.bedrag)}`).join('; ');
  }
}

/** A transition path in Dutch: "ingroeipad: per jaar hoogstens € 2,50 per inwoner meer of minder dan de referentie". */
export function describePath(perInwoner: string | null, percentage: string | null): string {
  const grens = perInwoner !== null ? `${euro(perInwoner)} per inwoner` : `${pct(percentage ?? '0')} van het referentiebedrag`;
  return `ingroeipad: de verandering tegenover de basissleutel is per gemeente hoogstens ${grens} in het eerste jaar, twee keer zoveel in het tweede, enzovoort; wat de grenzen vrijmaken of kosten wordt verevend over de andere gemeenten`;
}

/** A key in Dutch: "Brede SPUK-sleutel", "formule: 1 × geboorten-2022; minimumbedrag € 5.000", "eigen tabel ...". */
export function describeKey(sl: Sleutel): string {
  const parts =
    sl.type === 'brede-spuk-2025' ? ['Brede SPUK-sleutel'] : sl.type === 'tabel' ? [`eigen tabel "${sl.naam}" (${sl.waarden.length} gemeenten)`] : [`formule: ${sl.gewichten.map((g) => `${g.gewicht} × ${g.indicator}`).join(' + ')}`];
  if (sl.type === 'formule' && sl.basisbedrag) parts.push(`basisbedrag ${euro(sl.basisbedrag)}`);
  if (sl.type === 'formule' && sl.minimumbedrag) parts.push(`minimumbedrag ${euro(sl.minimumbedrag)}`);
  if (sl.vasteBedragen?.length) parts.push(`${sl.vasteBedragen.length} ${sl.vasteBedragen.length === 1 ? 'gemeente krijgt een vast bedrag' : 'gemeenten krijgen een vast bedrag'} in plaats van een aandeel`);
  if (sl.basisbedragen?.length) parts.push(`${sl.basisbedragen.length} ${sl.basisbedragen.length === 1 ? 'gemeente krijgt een basisbedrag' : 'gemeenten krijgen een basisbedrag'} bovenop het aandeel`);
  if (sl.type === 'formule' && sl.aanvullingen?.length) parts.push(`${sl.aanvullingen.length} ${sl.aanvullingen.length === 1 ? 'aangevulde waarde' : 'aangevulde waarden'}`);
  return parts.join('; ');
}
