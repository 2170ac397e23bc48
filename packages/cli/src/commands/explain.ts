import {
  STREAM_IDS,
  explain,
  findMunicipality,
  formatEuro,
  renderExplanation,
  type BaselineData,
  type Explanation,
  type MunicipalityMatch,
  type StreamId,
} from '@kansrijke-start/core';
import { parseCommandArgs, parseStream, parseYear, required } from '../args.js';
import { InputError } from '../errors.js';
import { toJson } from '../output.js';
import { allocateOrFail, loadScenario } from '../scenario-file.js';
import type { Command } from './types.js';

const gebruik = `Gebruik: ks-budget explain --gemeente CODE|NAAM --year JAAR [--stream ID]
                         [--scenario BESTAND] [--format text|json]

Legt uit hoe het bedrag van een gemeente tot stand komt: het landelijke bedrag en de bron,
korting en indexatie, de verdeelsleutel en het aandeel van de gemeente, het exacte quotum en
de afronding. Zonder --stream voor elke stroom met een bedrag in dat jaar.

Een gemeente kan worden gezocht op gemeentecode (GM0363), op naam (Amsterdam, "Beek (L.)"),
of op de naam of code van een voormalige gemeente (Haren leidt naar Groningen).

Opties:
  --gemeente CODE|NAAM  de gemeente
  --year JAAR           het jaar (2019-2030)
  --stream ID           alleen deze stroom (${STREAM_IDS.join(', ')})
  --scenario BESTAND    scenario (JSON); zonder deze optie de basis
  --format text|json    uitvoervorm (standaard text); in JSON staan de bedragen van de
                        gestructureerde uitleg in centen, als tekst, en breuken als {n, d}
  -h, --help            deze uitleg`;

/**
 * The municipality (or, for a former municipality that was split, the municipalities) a query
 * means; an ambiguous query is an input error that lists the candidates.
 */
export function resolveMunicipality(data: BaselineData, query: string): MunicipalityMatch[] {
  const matches = findMunicipality(data, query, 20);
  if (matches.length === 0) {
    throw new InputError(`--gemeente: geen gemeente gevonden voor "${query}"; geef een gemeentecode (zoals GM0363) of een naam`);
  }
  if (matches[0]!.via === 'code') return [matches[0]!];
  const exact = matches.filter((m) => m.via === 'naam' && m.exact);
  if (exact.length === 1) return exact;
  const former = matches.filter((m) => m.via === 'voormalige-gemeente');
  if (exact.length === 0 && former.length > 0 && former.length === matches.length) return former;
  if (matches.length === 1) return matches;
  const list = matches.map((m) => `${m.gemeente.naam} (${m.gemeente.code})`).join(', ');
  throw new InputError(`--gemeente: "${query}" past bij meer dan één gemeente: ${list}; geef de naam volledig of de gemeentecode`);
}

export const explainCommand: Command = {
  naam: 'explain',
  kort: 'uitleg van het bedrag van een gemeente in een jaar',
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('explain', argv, {
      gemeente: { type: 'string' },
      year: { type: 'string' },
      stream: { type: 'string' },
      scenario: { type: 'string' },
      format: { type: 'string' },
    });
    if (values.help) return ctx.io.out(`${gebruik}\n`);
    const query = required(values.gemeente, '--gemeente', 'explain');
    const jaar = parseYear(required(values.year, '--year', 'explain'));
    const streams: readonly StreamId[] = values.stream === undefined ? STREAM_IDS : [parseStream(values.stream)];
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new InputError(`--format: "${format}" is geen uitvoervorm; kies text of json`);
    const data = ctx.data();
    const gemeenten = resolveMunicipality(data, query);
    const { scenario, file } = loadScenario(values.scenario, data);
    const allocation = allocateOrFail(data, scenario, file);

    const perGemeente = gemeenten.map((m) => {
      const uitleg: { stroom: StreamId; tekst: string[]; uitleg: Explanation }[] = [];
      for (const stroom of streams) {
        const r = explain(allocation, { stroom, jaar, ontvanger: m.gemeente.code });
        if (r.ok) uitleg.push({ stroom, tekst: renderExplanation(r.uitleg), uitleg: r.uitleg });
        else if (values.stream !== undefined) throw new InputError(`${r.bericht}`);
      }
      return { gemeente: m.gemeente, toelichting: m.toelichting, uitleg };
    });

    if (format === 'json') {
      ctx.io.out(
        toJson({
          scenario: scenario.naam,
          jaar,
          gemeenten: perGemeente.map((g) => ({ code: g.gemeente.code, naam: g.gemeente.naam, toelichting: g.toelichting, stromen: g.uitleg })),
        }),
      );
      return;
    }
    const blocks: string[] = [];
    for (const g of perGemeente) {
      const head = [`${g.gemeente.naam} (${g.gemeente.code}), ${jaar}${file ? `, scenario "${scenario.naam}"` : ', basis'}`];
      if (g.toelichting) head.push(g.toelichting);
      blocks.push(head.join('\n'));
      if (g.uitleg.length === 0) blocks.push(`Er zijn in ${jaar} geen bedragen uit de stromen van Kansrijke Start.`);
      let total = 0n;
      let unknown = false;
      for (const u of g.uitleg) {
        const extra = u.uitleg.meldingen.filter((m) => !u.tekst.some((t) => t.includes(m))).map((m) => `Let op: ${m}`);
        blocks.push([`== ${u.uitleg.stroomNaam} (${u.stroom}) ==`, ...u.tekst, ...extra].join('\n'));
        if (u.uitleg.ontvanger === g.gemeente.code) {
          if (u.uitleg.bedrag === null) unknown = true;
          else total += u.uitleg.bedrag;
        }
      }
      if (g.uitleg.length > 1) {
        blocks.push(
          `Samen ontvangt ${g.gemeente.naam} in ${jaar} ${formatEuro(total, 'auto')} uit deze stromen${unknown ? ', plus bedragen die onbekend zijn' : ''}.`,
        );
      }
    }
    ctx.io.out(`${blocks.join('\n\n')}\n`);
  },
};
