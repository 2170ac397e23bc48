import { type Fraction, cmp, div, fraction, mul } from '../money/fraction.js';
import { formatEuro, formatNumber, formatPercent } from '../money/format.js';
import { centsOf } from '../money/cents.js';
import { groundOf, ownStreamReason, scenarioReason, type Origin } from '../scenario/parameters.js';
import type { RoundingUnit } from '../allocation/types.js';
import type { Explanation, ExplanationStep } from './explain.js';
import { formatDate } from '../dates/dates.js';

const listNames = (names: readonly string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`);

/**
 * The Dutch text of an explanation, rendered from its steps only: every amount, year, count and
 * source in it comes from the recorded computation, none is written here.
 */

/** An exact euro amount; when it is not whole cents, four decimals, said to be not yet rounded. */
const euroFraction = (f: Fraction): string => {
  const cents = mul(f, fraction(100n));
  if (cents.d === 1n) return formatEuro(cents.n, 'auto');
  return `ongeveer € ${formatNumber(f, 4)} (exact, nog niet afgerond)`;
};
const euroText = (s: string): string => formatEuro(centsOf(s), 'auto');
const unitText = (u: RoundingUnit): string => (u === 'euro' ? "hele euro's" : 'hele centen');
const count = (n: number, een: string, meer: string): string => `${formatNumber(BigInt(n), 0)} ${n === 1 ? een : meer}`;

/** A source as cited in the text: with its stand (the date of its document) where known. */
function cite(tekst: string, e: Explanation): string {
  const stand = e.bronnen.find((b) => b.tekst === tekst)?.stand;
  return stand ? `${tekst} (stand ${formatDate(stand)})` : tekst;
}

function origin(o: Origin, e: Explanation): string {
  if (o.herkomst === 'basis') return o.bron ? ` Bron: ${cite(o.bron, e)}.` : '';
  if (o.herkomst === 'eigen-stroom') {
    const b = o.bedrag;
    const scope = b ? ` (${b.geldigheid === 'alleen-dit-jaar' ? `alleen ${b.vanafJaar}` : `vanaf ${b.vanafJaar}`}, bedrag ${b.index + 1} van de stroom)` : '';
    return ` Dit is een ${ownStreamReason(o)}${scope}; het is geen gepubliceerd bedrag.`;
  }
  return ` Dit ${scenarioReason(o)}.`;
}

function step(s: ExplanationStep, e: Explanation): string {
  switch (s.stap) {
    case 'landelijk-bedrag': {
      if (s.bedrag === null) {
        return `Het landelijke bedrag voor ${e.stroomNaam} in ${e.jaar} is onbekend. Onbekend is niet hetzelfde als nul: het wordt nergens als 0 meegeteld.${origin(s.oorsprong, e)}`;
      }
      const ground = groundOf(s.oorsprong);
      const note = s.oorsprong.herkomst === 'basis' && s.status === 'raming' && ground.reden ? ` Dit is een raming: ${ground.reden}.` : '';
      const structural = s.structureel ? '; het structurele bedrag, voortgezet na het laatste jaar met een eigen bedrag' : '';
      return `Het landelijke bedrag voor ${e.stroomNaam} in ${e.jaar} is ${euroText(s.bedrag)} (${s.status}${structural}).${note}${origin(s.oorsprong, e)}`;
    }
    case 'korting':
      return `Daarop gaat een korting van ${formatPercent(s.percentage, 6)} af (${euroFraction(s.voor)} wordt ${euroFraction(s.na)}).${origin(s.oorsprong, e)}`;
    case 'indexatie': {
      const jaren = s.jaren.map((j) => `${formatPercent(j.percentage, 6)} in ${j.jaar}`).join(', ');
      const last = s.jaren[s.jaren.length - 1]!;
      return `Indexatie (loon- en prijsbijstelling) van ${jaren}, samengesteld: factor ${formatNumber(s.factor, 8)}. ${euroFraction(s.voor)} wordt ${euroFraction(s.na)}.${origin(last.oorsprong, e)}`;
    }
    case 'afronding-totaal':
      return `Het bijgestelde bedrag ${euroFraction(s.exact)} wordt afgerond op ${unitText(s.eenheid)}, half naar boven (de wettelijke standaard): ${formatEuro(s.totaal, 'auto')}. Dit is de enige afronding vóór de verdeling.`;
    case 'niet-verdeeld':
      // Explaining a municipality's unknown amount, the outcome says why it is unknown; explaining the national line, the step says it.
      return `Dit bedrag wordt niet verdeeld. ${s.reden}${s.perGemeenteOnbekend && e.soortOntvanger === 'landelijk' ? ` ${s.perGemeenteOnbekend}.` : ''}${s.oorsprong.herkomst === 'scenario' ? origin(s.oorsprong, e) : ''}`;
    case 'reserveringen':
      return `Vooraf gereserveerd (vaste bedragen): ${s.ontvangers.map((r) => `${r.naam} ${formatEuro(r.bedrag, 'auto')}`).join(', ')}; samen ${formatEuro(s.totaal, 'auto')}.${origin(s.oorsprong, e)}`;
    case 'vast-bedrag':
      return `${e.naam} krijgt dit vaste bedrag: ${formatEuro(s.bedrag, 'auto')}.`;
    case 'lokaal-regionaal': {
      if (s.regionaal.n === 0n) {
        const note = s.status === 'raming' && s.oorsprong.herkomst === 'basis' ? ` Dit is een raming: ${s.oorsprong.toelichting}.` : '';
        return `Het hele te verdelen bedrag (${euroFraction(s.lokaal)}) gaat naar gemeenten (lokaal).${note}${s.oorsprong.herkomst === 'scenario' ? origin(s.oorsprong, e) : ''}`;
      }
      if (s.schaal === 'ggd') {
        return `${formatPercent(s.lokaalPercentage, 6)} gaat naar gemeenten (lokaal: ${euroFraction(s.lokaal)}), de rest naar de ${count(s.regios, 'GGD-regio', "GGD-regio's")} (regionaal: ${euroFraction(s.regionaal)}), in plaats van naar de IZA-regio's.${origin(s.oorsprong, e)}`;
      }
      return `${formatPercent(s.lokaalPercentage, 6)} gaat naar gemeenten (lokaal: ${euroFraction(s.lokaal)}), de rest naar de ${count(s.regios, 'IZA-regio', "IZA-regio's")} (regionaal: ${euroFraction(s.regionaal)}), betaald aan de mandaatgemeente van elke regio.${origin(s.oorsprong, e)}`;
    }
    case 'deelname':
      return `${count(s.deelnemers, 'gemeente neemt', 'gemeenten nemen')} deel, van de ${formatNumber(BigInt(s.gemeenten), 0)}. Het aandeel van gemeenten die niet deelnemen wordt ${s.nietDeelnemers === 'herverdelen' ? 'herverdeeld over de deelnemers' : 'niet uitgegeven (onbenut)'}.${origin(s.oorsprong, e)}`;
    case 'deelname-ontvanger':
      return s.neemtDeel ? `${e.naam} neemt deel.` : `${e.naam} neemt niet deel en krijgt daarom niets.`;
    case 'sleutel': {
      const parts = [`Verdeelsleutel (${s.deel === 'lokaal' ? 'lokaal deel' : 'regionaal deel'}, ${count(s.ontvangers, 'ontvanger', 'ontvangers')}): ${s.omschrijving}.`];
      if (s.basisbedrag !== null) parts.push(`Elke gemeente krijgt eerst een basisbedrag van ${formatEuro(s.basisbedrag, 'auto')}; de rest gaat naar verhouding.`);
      if (s.minimumbedrag !== null) {
        parts.push(
          `Er geldt een minimumbedrag van ${formatEuro(s.minimumbedrag, 'auto')} per gemeente; ${count(s.aangevuld, 'gemeente is', 'gemeenten zijn')} daartoe aangevuld, en dat tekort is naar verhouding van de anderen afgetrokken.`,
        );
      }
      if (s.vasteBedragen) {
        parts.push(
          `${count(s.vasteBedragen.aantal, 'gemeente krijgt', 'gemeenten krijgen')} een vast bedrag in plaats van een aandeel (samen ${formatEuro(s.vasteBedragen.totaal, 'auto')}) en ${s.vasteBedragen.aantal === 1 ? 'deelt' : 'delen'} niet mee in de verdeling naar verhouding; de rest gaat naar verhouding over de andere gemeenten.`,
        );
      }
      if (s.basisbedragen) {
        parts.push(
          `${count(s.basisbedragen.aantal, 'gemeente krijgt', 'gemeenten krijgen')} een basisbedrag bovenop het aandeel (samen ${formatEuro(s.basisbedragen.totaal, 'auto')}); dat gaat eerst van het bedrag af, de rest gaat naar verhouding.`,
        );
      }
      if (s.status === 'raming' && s.reden) parts.push(`Dit is een raming: ${s.reden}.`);
      parts.push(`Bron van de sleutel: ${cite(s.bron, e)}.`);
      if (s.oorsprong.herkomst === 'scenario') parts.push(origin(s.oorsprong, e).trim());
      return parts.join(' ');
    }
    case 'vast-bedrag-sleutel': {
      const note = s.toelichtingen.length > 0 ? ` Toelichting: ${s.toelichtingen.join('; ')}.` : '';
      return `${e.naam} krijgt in deze sleutel een vast bedrag van ${formatEuro(s.bedrag, 'auto')} in plaats van een aandeel naar verhouding, en deelt niet mee in de verdeling van de rest.${note}${origin(s.oorsprong, e)}`;
    }
    case 'basisbedrag-ontvanger': {
      const note = s.toelichtingen.length > 0 ? ` Toelichting: ${s.toelichtingen.join('; ')}.` : '';
      return `${e.naam} krijgt een basisbedrag van ${formatEuro(s.bedrag, 'auto')}, bovenop zijn aandeel naar verhouding in de rest.${note}`;
    }
    case 'ingroeipad': {
      const grens = s.perInwoner !== null ? `${euroText(s.perInwoner)} per inwoner` : `${formatPercent(s.percentage ?? '0', 6)} van het referentiebedrag`;
      return `Ingroeipad vanaf ${s.vanafJaar}: ${e.jaar} is jaar ${s.jaarInPad} van het pad, dus het bedrag van een gemeente mag hoogstens ${s.jaarInPad} × ${grens} afwijken van haar referentiebedrag: wat ze met de basissleutel (Brede SPUK-sleutel) van hetzelfde totaal zou krijgen. ${count(s.begrensd, 'gemeente zit', 'gemeenten zitten')} op een grens; wat dat vrijmaakt of kost (${formatEuro(s.verschoven, 'auto')}) is verevend over de gemeenten die niet op een grens zitten, naar verhouding van hun referentiebedrag, met dezelfde afronding (grootste overschotten; bij gelijke rest de laagste code eerst), zodat het totaal exact gelijk blijft.${origin(s.oorsprong, e)}`;
    }
    case 'ingroeipad-ontvanger': {
      const grens =
        s.perInwoner !== null && s.inwoners !== null
          ? `${s.jaarInPad} × ${euroText(s.perInwoner)} × ${formatNumber(s.inwoners, 0)} inwoners, naar beneden afgerond: ${formatEuro(s.grens, 'auto')}`
          : `${s.jaarInPad} × ${formatPercent(s.percentage ?? '0', 6)} van het referentiebedrag, naar beneden afgerond: ${formatEuro(s.grens, 'auto')}`;
      const parts = [`Zonder ingroeipad zou ${e.naam} ${formatEuro(s.voor, 'auto')} krijgen. Het referentiebedrag is ${formatEuro(s.referentie, 'auto')}; de grens is ${grens}.`];
      if (s.begrensd === 1) parts.push(`Dat is meer dan de bovengrens, dus het bedrag gaat terug naar ${formatEuro(s.referentie + s.grens, 'auto')}.`);
      else if (s.begrensd === -1) parts.push(`Dat is minder dan de ondergrens, dus het bedrag gaat omhoog naar ${formatEuro(s.referentie > s.grens ? s.referentie - s.grens : 0n, 'auto')}.`);
      else parts.push('Dat ligt binnen de grenzen.');
      if (s.verevening > 0n) parts.push(`Bij de verevening krijgt ${e.naam} er ${formatEuro(s.verevening, 'auto')} bij${s.opGrens && s.begrensd === 0 ? ', tot aan de grens' : ''}.`);
      else if (s.verevening < 0n) parts.push(`Bij de verevening gaat er ${formatEuro(-s.verevening, 'auto')} af${s.opGrens && s.begrensd === 0 ? ', tot aan de grens' : ''}.`);
      else if (s.begrensd === 0) parts.push(`De verevening verandert het bedrag van ${e.naam} niet.`);
      parts.push(`Met het ingroeipad: ${formatEuro(s.bedrag, 'auto')}.`);
      return parts.join(' ');
    }
    case 'aandeel':
      if (s.aangevuld) return `Het aandeel van ${e.naam} viel onder het minimumbedrag, dus ${e.naam} krijgt het minimum.`;
      if (s.aandeel === null) return `${e.naam} heeft in deze sleutel geen gewicht.`;
      return `Het aandeel van ${e.naam} in deze sleutel is ${formatPercent(mul(s.aandeel, fraction(100n)), 6)}.${shareBase(s, e)}`;
    case 'quotum':
      return `Het exacte aandeel in euro's (het quotum) is ${euroFraction(s.quotum)}.`;
    case 'afronding-ontvanger': {
      if (s.rang === null) return `Het quotum is al een rond bedrag: ${formatEuro(s.bedrag, 'auto')}, er valt niets af te ronden.`;
      const left = `${formatNumber(s.restEenheden, 0)} ${s.eenheid === 'euro' ? 'euro' : 'cent'}`;
      const base = `Afronding op ${unitText(s.eenheid)} volgens de methode van de grootste overschotten: iedereen krijgt eerst het quotum naar beneden afgerond (hier ${formatEuro(s.ondergrens, 'auto')}). Daarna bleef er ${left} over; die gaan één voor één naar de ontvangers met de grootste rest achter de komma (bij gelijke rest: de laagste code eerst).`;
      const place = `${e.naam} staat met zijn rest op plaats ${formatNumber(BigInt(s.rang), 0)} van ${formatNumber(BigInt(s.kandidaten), 0)}`;
      return s.naarBoven ? `${base} ${place} en krijgt er dus één bij: ${formatEuro(s.bedrag, 'auto')}.` : `${base} ${place} en valt daarbuiten: het blijft ${formatEuro(s.bedrag, 'auto')}.`;
    }
    case 'afronding':
      return '';
    case 'indeling': {
      const parts = s.samenvoegingen.map((m) => {
        const gone = listNames(m.opgeheven.map((g) => `${g.naam} (${g.code})`));
        if (!s.toegepast) {
          return `Dit scenario rekent zonder de geplande samenvoeging van ${gone} met ${m.opvolger.naam} per ${formatDate(m.datum)}: ${m.delen.length === 2 ? 'beide gemeenten krijgen' : 'elke gemeente krijgt'} een eigen bedrag, zoals in de indeling van de jaren ervoor. Stand van de samenvoeging: ${m.status}. Bron: ${cite(m.bron, e)}.`;
        }
        return `Vanaf ${formatDate(m.datum)} hoort ${gone} bij ${m.opvolger.naam} (${m.opvolger.code}). In de sleutel telt ${m.opvolger.naam} daarom voor ${listNames([m.opvolger.naam, ...m.opgeheven.filter((g) => g.code !== m.opvolger.code).map((g) => g.naam)])} samen: hun gewichten zijn opgeteld vóór de afronding, zodat de totalen exact blijven. Dit is een raming: ${m.reden}. Stand: ${m.status}. Bron: ${cite(m.bron, e)}.`;
      });
      return parts.join(' ');
    }
  }
}

/**
 * When the share applies to less than the whole part (the rest after minimum, fixed or base
 * amounts): which amount, derived from the recorded quota (quota / share), so that the share
 * times that amount is the quota the text gives next.
 */
function shareBase(s: Extract<ExplanationStep, { stap: 'aandeel' }>, e: Explanation): string {
  const q = e.stappen.find((x) => x.stap === 'quotum');
  const part = e.stappen.find((x) => x.stap === 'lokaal-regionaal');
  if (!q || q.stap !== 'quotum' || !part || part.stap !== 'lokaal-regionaal' || s.aandeel === null || s.aandeel.n === 0n) return '';
  const whole = s.deel === 'lokaal' ? part.lokaal : part.regionaal;
  const base = div(q.quotum, s.aandeel);
  if (cmp(base, whole) === 0) return '';
  return ` Dat aandeel geldt voor wat van het ${s.deel === 'lokaal' ? 'lokale' : 'regionale'} deel overblijft na de bedragen die vooraf vastliggen (minimumbedragen, vaste bedragen of basisbedragen): ${euroFraction(base)}.`;
}

/** The parts of the Dutch text of an explanation: a paragraph per step, the notice of each decision still to come, and the result with its status and why. */
export interface ExplanationText {
  stappen: string[];
  besluiten: string[];
  uitkomst: string;
}

/** The explanation as Dutch text in its parts (for a shell that shows the notices apart). */
export function renderExplanationParts(e: Explanation): ExplanationText {
  const stappen = e.stappen.map((s) => step(s, e)).filter((t) => t !== '');
  const why = e.redenen.length > 0 ? ` Waarom ${e.status}: ${e.redenen.join('; ')}.` : '';
  const uitkomst =
    e.bedrag === null
      ? `Uitkomst: onbekend (status: ${e.status}).${why}`
      : `Uitkomst: ${e.naam} ${e.soortOntvanger === 'landelijk' ? '' : 'krijgt '}${formatEuro(e.bedrag, 'auto')} uit ${e.stroomNaam} in ${e.jaar} (status: ${e.status}).${why}`;
  return { stappen, besluiten: e.besluiten.map((b) => b.tekst), uitkomst };
}

/** The explanation as Dutch text: one paragraph per step, then the notice of each decision still to come, ending with the result, its status and why. */
export function renderExplanation(e: Explanation): string[] {
  const t = renderExplanationParts(e);
  return [...t.stappen, ...t.besluiten, t.uitkomst];
}
