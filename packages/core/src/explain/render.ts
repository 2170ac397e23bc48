import type { ResultStatus } from '../allocation/allocate.js';
import { Decimal } from '../money/decimal.js';
import { type Fraction, fraction, mul } from '../money/fraction.js';
import { formatEuro, formatNumber, formatPercent } from '../money/format.js';
import type { Explanation, ExplanationStep, StepOrigin } from './explain.js';

/** Dutch labels of the statuses, for every place that shows one. */
export const STATUS_LABELS: Record<ResultStatus, string> = {
  officieel: 'officieel',
  'officieel-afgerond': 'officieel, afgerond',
  raming: 'raming',
  scenario: 'scenario-aanname',
  onbekend: 'onbekend',
};

const euroFraction = (f: Fraction): string => {
  // An exact euro amount; when it is not whole cents, show 4 decimals and say "afgerond weergegeven".
  const cents = mul(f, fraction(100n));
  if (cents.d === 1n) return formatEuro(cents.n, 'auto');
  return `ongeveer € ${formatNumber(f, 4)} (exact, nog niet afgerond)`;
};
const centsFraction = (f: Fraction): string => euroFraction(fraction(f.n, f.d * 100n));
/** A scenario or data amount (a decimal string in euros, at most cents) in Dutch notation. */
const euroText = (s: string): string => formatEuro(BigInt(new Decimal(s).times(100).toFixed(0)), 'auto');

function origin(o: StepOrigin): string {
  if (o.herkomst === 'basis') return o.bron ? ` Bron: ${o.bron}.` : '';
  const scope = o.geldigheid === 'alleen-dit-jaar' ? `alleen voor ${o.vanafJaar}` : `vanaf ${o.vanafJaar}`;
  return ` Dit komt uit het scenario (wijziging ${o.wijziging + 1}, ${scope})${o.toelichting ? `: ${o.toelichting}` : ''}.`;
}

function step(s: ExplanationStep, e: Explanation): string {
  switch (s.soort) {
    case 'landelijk-bedrag':
      if (s.bedrag === null) return `Het landelijke bedrag voor ${e.stroomNaam} in ${e.jaar} is onbekend. Onbekend is niet hetzelfde als nul: het wordt nergens als 0 meegeteld.${origin(s.oorsprong)}`;
      return `Het landelijke bedrag voor ${e.stroomNaam} in ${e.jaar} is ${euroText(s.bedrag)} (${STATUS_LABELS[s.status]}${s.structureel ? '; het structurele bedrag, voortgezet na het laatste jaar met een eigen bedrag' : ''}).${origin(s.oorsprong)}`;
    case 'korting':
      return `Daarop gaat een korting van ${formatPercent(s.percentage, 6)} af; er blijft ${euroFraction(s.na)} over.${origin(s.oorsprong)}`;
    case 'indexatie':
      return `Indexatie (loon- en prijsbijstelling) van ${s.jaren.map((j) => `${formatPercent(j.percentage, 6)} in ${j.jaar}`).join(', ')}, samengesteld: factor ${formatNumber(s.factor, 8)}. Het bedrag wordt ${euroFraction(s.na)}.${origin(s.oorsprong)}`;
    case 'afronding-totaal':
      return `Het bijgestelde bedrag ${euroFraction(s.exact)} wordt afgerond op ${s.eenheid === 'euro' ? "hele euro's" : 'hele centen'}, half naar boven (de wettelijke standaard): ${formatEuro(s.totaal, 'auto')}. Dit is de enige afronding vóór de verdeling.`;
    case 'niet-verdeeld':
      return `Dit bedrag wordt niet over gemeenten verdeeld. ${s.reden}`;
    case 'reserveringen':
      return `Vooraf gereserveerd (vaste bedragen): ${s.ontvangers.map((r) => `${r.naam} ${euroText(r.bedrag)}`).join(', ')}; samen ${formatEuro(s.totaal, 'auto')}.`;
    case 'vast-bedrag':
      return `${e.naam} krijgt dit vaste bedrag: ${formatEuro(s.bedrag, 'auto')}.`;
    case 'lokaal-regionaal':
      if (s.regionaal.n === 0n) return `Het hele te verdelen bedrag (${centsFraction(s.lokaal)}) gaat naar gemeenten (lokaal)${s.status === 'raming' ? '; dit is een raming, want de verdeling over lokale en regionale doelen is nog niet vastgesteld' : ''}.${origin(s.oorsprong)}`;
      return `${formatPercent(s.lokaalPercentage, 6)} gaat naar gemeenten (lokaal: ${centsFraction(s.lokaal)}), de rest naar de 42 IZA-regio's (regionaal: ${centsFraction(s.regionaal)}), betaald aan de mandaatgemeente.${origin(s.oorsprong)}`;
    case 'deelname':
      if (!s.neemtDeel) return `${e.naam} neemt niet deel en krijgt daarom niets. Het aandeel van gemeenten die niet deelnemen wordt ${s.nietDeelnemers === 'herverdelen' ? 'herverdeeld over de deelnemers' : 'niet uitgegeven (onbenut)'}.`;
      return `${s.deelnemers} gemeenten nemen deel, ${e.naam} is er een van. Het aandeel van gemeenten die niet deelnemen wordt ${s.nietDeelnemers === 'herverdelen' ? 'herverdeeld over de deelnemers' : 'niet uitgegeven (onbenut)'}.`;
    case 'sleutel': {
      const parts = [`Verdeelsleutel: ${s.omschrijving}.`];
      if (s.basisbedrag) parts.push(`Elke gemeente krijgt eerst een basisbedrag van ${euroText(s.basisbedrag)}; de rest gaat naar verhouding.`);
      if (s.aandeel && s.gewicht !== null && s.totaalGewicht !== null)
        parts.push(`Het aandeel van ${e.naam} is ${formatPercent(mul(s.aandeel, fraction(100n)), 6)}.`);
      if (s.minimumbedrag)
        parts.push(
          s.aangevuld
            ? `Het aandeel viel onder het minimumbedrag van ${euroText(s.minimumbedrag)}, dus ${e.naam} krijgt het minimum; het tekort is naar verhouding van de anderen afgetrokken.`
            : `Er geldt een minimumbedrag van ${euroText(s.minimumbedrag)} per gemeente; ${e.naam} zit daarboven.`,
        );
      parts.push(`Bron van de sleutel: ${s.bron}.`);
      return parts.join(' ');
    }
    case 'quotum':
      return `Het exacte aandeel in euro's (het quotum) is ${centsFraction(s.quotum)}.`;
    case 'afronding': {
      const unit = s.eenheid === 'euro' ? "hele euro's" : 'hele centen';
      if (s.rang === null) return `Het quotum is al een rond bedrag: ${formatEuro(s.bedrag, 'auto')}, er valt niets af te ronden.`;
      const base = `Afronding op ${unit} volgens de methode van de grootste overschotten: iedereen krijgt eerst het quotum naar beneden afgerond (${formatEuro(s.ondergrens, 'auto')}). Daarna bleven er ${s.restEenheden} ${s.eenheid === 'euro' ? 'euro' : 'cent'} over; die gaan één voor één naar de ontvangers met de grootste rest achter de komma (bij gelijke rest: de laagste code eerst).`;
      return s.naarBoven
        ? `${base} ${e.naam} staat met zijn rest op plaats ${s.rang} van ${s.kandidaten} en krijgt er dus één bij: ${formatEuro(s.bedrag, 'auto')}.`
        : `${base} ${e.naam} staat met zijn rest op plaats ${s.rang} van ${s.kandidaten} en valt daarbuiten: het blijft ${formatEuro(s.bedrag, 'auto')}.`;
    }
  }
}

/** The explanation as Dutch text, one paragraph per step, ending with the result and its status. */
export function renderExplanation(e: Explanation): string[] {
  const lines = e.stappen.map((s) => step(s, e));
  const result =
    e.bedrag === null
      ? `Uitkomst: onbekend.`
      : `Uitkomst: ${e.naam} ${e.soortOntvanger === 'landelijk' ? '' : 'krijgt '}${formatEuro(e.bedrag, 'auto')} uit ${e.stroomNaam} in ${e.jaar} (status: ${STATUS_LABELS[e.status]}).`;
  return [...lines, result];
}
