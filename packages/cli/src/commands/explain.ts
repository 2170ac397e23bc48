import {
  FIRST_YEAR,
  LAST_YEAR,
  STATUS_CODES,
  STATUS_MEANING,
  explain,
  findMunicipality,
  meantMunicipalities,
  formatEuro,
  recipientView,
  renderExplanation,
  successorsOf,
  type BaselineData,
  type Explanation,
  type Herindelingen,
  type MunicipalityMatch,
  type RecipientYearTotal,
  type Status,
  type StreamRef,
  streamsOf,
} from '@kansrijke-start/core';
import { MERGERS_HELP, STREAM_HELP, declaredStream, parseCommandArgs, parseMergerChoice, parseStream, parseYear, required } from '../args.js';
import { InputError } from '../errors.js';
import { metadataOf } from '../metadata.js';
import { toJson } from '../output.js';
import { prose } from '../terminal.js';
import { loadScenario, reportWarnings } from '../scenario-file.js';
import { TODAY_HELP, today } from '../today.js';
import type { Command } from './types.js';

/** Examples for the help text, taken from the data: a code, a CBS spelling, a former municipality. */
function examples(data: BaselineData): {
  code: string;
  naam: string;
  cbs: string | null;
  voormalig: { oud: string; nieuw: string } | null;
  gepland: { oud: string; nieuw: string; jaar: number } | null;
} {
  const first = data.gemeenten[0]!;
  const cbs = data.gemeenten.find((g) => g.naamCbs !== g.naam)?.naamCbs ?? null;
  const names = new Set(data.gemeenten.map((g) => g.naam));
  const merger = data.herindelingen.find((m) => m.oudeCode !== m.nieuweCode && !names.has(m.oudeNaam) && successorsOf(data, m.oudeCode).gemeenten.length === 1);
  const voormalig = merger ? { oud: merger.oudeNaam, nieuw: successorsOf(data, merger.oudeCode).gemeenten[0]!.naam } : null;
  const planned = data.herindelingenGepland.find((m) => m.oudeCode !== m.nieuweCode);
  const gepland = planned ? { oud: planned.oudeNaam, nieuw: planned.nieuweNaam, jaar: planned.jaar } : null;
  return { code: first.code, naam: first.naam, cbs, voormalig, gepland };
}

function gebruik(data: () => BaselineData): string {
  const e = examples(data());
  const byName = [e.naam, e.cbs ? `"${e.cbs}"` : null].filter(Boolean).join(', ');
  return `Gebruik: ks-budget explain --gemeente CODE|NAAM --year JAAR [--stream ID]
                         [--scenario BESTAND] [--herindelingen gepland|zonder]
                         [--format text|json]

Legt uit hoe het bedrag van een gemeente tot stand komt: het landelijke bedrag en de bron,
korting en indexatie, de verdeelsleutel en het aandeel van de gemeente, het exacte quotum en
de afronding, en de status van het bedrag. Zonder --stream voor elke stroom met een bedrag in
dat jaar, met daarna wat de gemeente in dat jaar samen ontvangt. De tekst eindigt met de
betekenis van de statussen die erin voorkomen.

Een gemeente kan worden gezocht op gemeentecode (${e.code}), op naam (${byName}),
of op de naam of code van een voormalige gemeente${e.voormalig ? ` (${e.voormalig.oud} leidt naar ${e.voormalig.nieuw})` : ''}.
De gemeente wordt gezocht in de indeling van het jaar: gaat een gemeente volgens een geplande
herindeling op in een andere, dan leidt ze vanaf dat jaar naar die gemeente, met een zin die
zegt waarom${e.gepland ? ` (${e.gepland.oud} leidt vanaf ${e.gepland.jaar} naar ${e.gepland.nieuw})` : ''}; in de jaren ervoor is ze zichzelf.
Met --herindelingen zonder blijft de indeling zonder geplande herindelingen.

Bij elk bedrag staan de bronnen met hun stand (de datum van het document) en hun adres, en de
besluiten die nog moeten worden genomen.
${TODAY_HELP}

Opties:
  --gemeente CODE|NAAM  de gemeente
  --year JAAR           het jaar (${FIRST_YEAR}-${LAST_YEAR})
${STREAM_HELP}
  --scenario BESTAND    scenario (JSON); zonder deze optie de basis
${MERGERS_HELP}
  --format text|json    uitvoervorm (standaard text, op een terminal afgebroken op de breedte
                        van de terminal); JSON geeft de gestructureerde uitleg
                        (met bronnen en besluiten) en de metadata. Bedragen naar hun vorm:
                        een geheel getal als tekst is centen, een breuk {n, d} is euro's
                        (exact), een decimale tekst is het bedrag zoals de gegevens of het
                        scenario het schrijven, in euro's
  -h, --help            deze uitleg`;
}

/**
 * The municipality (or, for a former municipality that was split, the municipalities) a query
 * means in the division of the year; an ambiguous query is an input error that lists the
 * candidates. A municipality that a planned merger takes in that year leads to its successor.
 */
export function resolveMunicipality(data: BaselineData, query: string, jaar?: number, herindelingen: Herindelingen = 'gepland'): MunicipalityMatch[] {
  const matches = findMunicipality(data, query, { limit: 20, ...(jaar === undefined ? {} : { jaar, herindelingen }) });
  if (matches.length === 0) {
    throw new InputError(`--gemeente: geen gemeente gevonden voor "${query}"; geef een gemeentecode (zoals ${data.gemeenten[0]!.code}) of een naam`);
  }
  const meant = meantMunicipalities(matches);
  if (meant) return meant;
  const list = matches.map((m) => `${m.gemeente.naam} (${m.gemeente.code})`).join(', ');
  throw new InputError(`--gemeente: "${query}" past bij meer dan één gemeente: ${list}; geef de naam volledig of de gemeentecode`);
}

/** A letter, a digit or a hyphen: a status code next to one is part of a longer code or word. */
const WORD_PART = /^[\p{L}\p{N}-]$/u;

/** The code point that ends at `at` in `text` (a surrogate pair as one), or '' at the start. */
function codePointBefore(text: string, at: number): string {
  if (at === 0) return '';
  const low = text.charCodeAt(at - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && at >= 2 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  return String.fromCodePoint(text.codePointAt(pair ? at - 2 : at - 1)!);
}

/** The code point that starts at `at` in `text`, or '' at the end. */
const codePointAt = (text: string, at: number): string => (at < text.length ? String.fromCodePoint(text.codePointAt(at)!) : '');

/**
 * Does `text` name a status code as a word: somewhere not part of a longer code or word (no
 * letter, digit or hyphen right before or after it)? Each place the code occurs is looked at.
 */
export function namesStatus(text: string, s: Status): boolean {
  for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
    if (!WORD_PART.test(codePointBefore(text, at)) && !WORD_PART.test(codePointAt(text, at + s.length))) return true;
  }
  return false;
}

/**
 * The statuses the text speaks of, in the order of the vocabulary: the statuses of the
 * explained amounts and of their steps, as far as the text names them.
 */
function statusesIn(uitleg: readonly Explanation[], text: string): Status[] {
  const named = new Set<Status>();
  for (const e of uitleg) {
    named.add(e.status);
    for (const s of e.stappen) if ('status' in s) named.add(s.status);
  }
  return STATUS_CODES.filter((s) => named.has(s) && namesStatus(text, s));
}

/** The line with what the municipality receives in the year, from the municipality view. */
function totalLine(naam: string, jaar: number, t: RecipientYearTotal): string {
  if (t.onbekend && t.bedrag === 0n) return `Wat ${naam} in ${jaar} uit deze stromen ontvangt, is onbekend.`;
  const notes = [
    t.onbekend ? 'plus bedragen die onbekend zijn' : null,
    t.nietVerdeeld ? 'landelijke bedragen die niet over gemeenten worden verdeeld tellen niet mee' : null,
  ].filter(Boolean);
  return `Samen ontvangt ${naam} in ${jaar} ${formatEuro(t.bedrag, 'auto')} uit deze stromen${notes.length > 0 ? `; ${notes.join('; ')}` : ''}.`;
}

export const explainCommand: Command = {
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('explain', argv, {
      gemeente: { type: 'string' },
      year: { type: 'string' },
      stream: { type: 'string' },
      scenario: { type: 'string' },
      herindelingen: { type: 'string' },
      format: { type: 'string' },
    });
    if (values.help) return ctx.io.out(`${gebruik(ctx.data)}\n`);
    const query = required(values.gemeente, '--gemeente', 'explain');
    const jaar = parseYear(required(values.year, '--year', 'explain'));
    const only = values.stream === undefined ? null : parseStream(values.stream);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new InputError(`--format: "${format}" is geen uitvoervorm; kies text of json`);
    const herindelingen = parseMergerChoice(values.herindelingen);
    const vandaag = today();
    const data = ctx.data();
    // Only the year explained is computed: its figures are those of the whole allocation.
    const loaded = loadScenario(values.scenario, data, herindelingen, [jaar]);
    const { allocation, scenario } = loaded;
    if (only !== null) declaredStream(only, '--stream', loaded.bestand ? [scenario] : []);
    // Without --stream: the streams of the data, then the scenario's own.
    const streams: readonly StreamRef[] = only === null ? streamsOf(scenario).map((s) => s.id) : [only];
    const gemeenten = resolveMunicipality(data, query, jaar, scenario.herindelingen);

    const perGemeente = gemeenten.map((m) => {
      const uitleg: { stroom: StreamRef; tekst: string[]; uitleg: Explanation }[] = [];
      for (const stroom of streams) {
        const r = explain(allocation, { stroom, jaar, ontvanger: m.gemeente.code, vandaag });
        if (r.ok) uitleg.push({ stroom, tekst: renderExplanation(r.uitleg), uitleg: r.uitleg });
        else if (values.stream !== undefined) throw new InputError(r.bericht);
      }
      const totaal = recipientView(data, [allocation], m.gemeente.code).jaren.find((j) => j.jaar === jaar)?.totalen[0] ?? null;
      return { gemeente: m.gemeente, toelichting: m.toelichting, uitleg, totaal };
    });

    reportWarnings(ctx.io, loaded);
    if (format === 'json') {
      ctx.io.out(
        toJson({
          metadata: metadataOf([allocation], [scenario.naam]),
          scenario: scenario.naam,
          jaar,
          gemeenten: perGemeente.map((g) => ({
            code: g.gemeente.code,
            naam: g.gemeente.naam,
            toelichting: g.toelichting,
            stromen: g.uitleg,
            totaal: values.stream === undefined ? g.totaal : null,
          })),
        }),
      );
      return;
    }
    const blocks: string[] = [];
    for (const g of perGemeente) {
      const head = [`${g.gemeente.naam} (${g.gemeente.code}), ${jaar}${loaded.bestand ? `, scenario "${scenario.naam}"` : ', basis'}`];
      if (g.toelichting) head.push(g.toelichting);
      blocks.push(head.join('\n'));
      if (g.uitleg.length === 0) blocks.push(`Er zijn in ${jaar} geen bedragen uit de stromen van Kansrijke Start.`);
      for (const u of g.uitleg) {
        const extra = u.uitleg.meldingen.filter((m) => !u.tekst.some((t) => t.includes(m))).map((m) => `Let op: ${m}`);
        blocks.push([`== ${u.uitleg.stroomNaam} (${u.stroom}) ==`, ...u.tekst, ...extra].join('\n'));
      }
      // The year's total comes from the municipality view: it is never summed here.
      if (values.stream === undefined && g.uitleg.length > 1 && g.totaal?.verdeeld) blocks.push(totalLine(g.gemeente.naam, jaar, g.totaal));
    }
    const statuses = statusesIn(perGemeente.flatMap((g) => g.uitleg.map((u) => u.uitleg)), blocks.join('\n'));
    if (statuses.length > 0) blocks.push(['Statussen in deze uitleg:', ...statuses.map((s) => `${s}: ${STATUS_MEANING[s]}`)].join('\n'));
    ctx.io.out(prose(ctx.io, `${blocks.join('\n\n')}\n`));
  },
};
