import {
  REGION_KIND_NAMES,
  allocationTable,
  comparisonTable,
  regionTable,
  findRegions,
  regionsOf,
  type BaselineData,
  type Region,
  type RegionKind,
} from '@kansrijke-start/core';
import {
  EXPORT_OPTIONS,
  MERGERS_HELP,
  METADATA_HELP,
  YEARS_HELP,
  parseCommandArgs,
  parseExportFormat,
  parseMergerChoice,
  parseStream,
  STREAM_HELP,
  declaredStream,
  parseYears,
} from '../args.js';
import { InputError } from '../errors.js';
import { columnsHelp, statusCodes, withoutResults } from '../help.js';
import { checkStdinOnce } from '../io.js';
import { metadataOf } from '../metadata.js';
import { writeExport } from '../output.js';
import { prose, textLayout } from '../terminal.js';
import { regionSummary } from '../region-summary.js';
import { loadScenario, reportWarnings, warningTexts, type Loaded } from '../scenario-file.js';
import { TODAY_HELP, today } from '../today.js';
import type { Command } from './types.js';

const KINDS = Object.keys(REGION_KIND_NAMES) as RegionKind[];

/** --soort ggd|provincie (default ggd). */
function parseKind(text: string | undefined): RegionKind {
  const t = (text ?? 'ggd').trim().toLowerCase();
  if ((KINDS as string[]).includes(t)) return t as RegionKind;
  throw new InputError(`--soort: "${text}" is geen soort regio; kies ${KINDS.map((k) => `${k} (${REGION_KIND_NAMES[k].meer})`).join(' of ')}`);
}

/** Names compared as people type them: no accents, no case, any run of other characters one space. */
const listed = (regions: readonly Region[]): string => regions.map((r) => `${r.code} ${r.naam}`).join(', ');

/**
 * The region a --regio query means: its code (GG3606, PV27), its whole name, or else the one
 * region whose name contains the query (any case, accents optional). No match or more than one
 * is an input error that lists the candidates.
 */
export function resolveRegion(data: BaselineData, soort: RegionKind, query: string): Region {
  const regions = regionsOf(data, soort);
  const kind = REGION_KIND_NAMES[soort];
  if (query.trim() === '') throw new InputError(`--regio: geef de code of de naam van een ${kind.een}; kies uit ${listed(regions)}`);
  const found = findRegions(data, soort, query);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new InputError(`--regio: geen ${kind.een} gevonden voor "${query}"; kies uit ${listed(regions)}`);
  throw new InputError(`--regio: "${query}" past bij meer dan één ${kind.een}: ${listed(found)}; geef de code of meer van de naam`);
}

function gebruik(data: () => BaselineData): string {
  const d = data();
  const ggd = regionsOf(d, 'ggd')[0];
  const regionColumns = columnsHelp(regionTable(d, [withoutResults()], ['Basis'], { soort: 'ggd' }).kolommen);
  const lineColumns = columnsHelp(allocationTable(withoutResults()).kolommen);
  return `Gebruik: ks-budget regio [--soort ggd|provincie] [--regio CODE|NAAM] [--years JAAR[-JAAR]]
                       [--stream ID] [--scenario BESTAND [--against BESTAND]]
                       [--herindelingen gepland|zonder] [--format csv|json|text] [--excel]
                       [--metadata BESTAND]

Wat de gemeenten van een ${REGION_KIND_NAMES.ggd.een} (die onder meer Nu Niet Zwanger uitvoert) of van een
provincie samen krijgen, per jaar en stroom: de som van de bedragen van haar gemeenten in de
gemeentelijke indeling van dat jaar, met de status. Het regionale deel van een stroom gaat naar
de IZA-regio's en telt hier niet mee. Alleen jaren en stromen die over gemeenten worden verdeeld.

Zonder --regio: de totalen van elke regio van de soort. Kolommen:
${regionColumns}

Met --regio: één regel per gemeente van die regio (de kolommen van "ks-budget allocate", met
--scenario die van "ks-budget compare"):
${lineColumns}

Met --regio en --format text: een overzicht in woorden: per jaar en stroom het totaal met zijn
status, de gemeenten met hun bedragen, hoe de indeling van de gemeenten bij de regio is
afgeleid (met de bron, en de gemeenten waar de bronnen het oneens zijn) en de besluiten die nog
moeten worden genomen.
${TODAY_HELP}

Met --scenario staan de basis (of het --against-scenario) en het scenario naast elkaar, met
het verschil. Bedragen in euro met een punt als decimaalteken; leeg = onbekend.
Statussen: ${statusCodes()}.
JSON heeft ook het veld "metadata" (versie en stand van de gegevens, rekenmotor, scenario's).

Opties:
  --soort ggd|provincie
                        ${REGION_KIND_NAMES.ggd.meer} (standaard) of ${REGION_KIND_NAMES.provincie.meer}
  --regio CODE|NAAM     alleen deze regio: de code${ggd ? ` (zoals ${ggd.code})` : ''} of (een deel van) de naam
${YEARS_HELP}
${STREAM_HELP}
  --scenario BESTAND    vergelijk dit scenario (JSON) met de basis
  --against BESTAND     vergelijk met dit scenario in plaats van met de basis
${MERGERS_HELP}
  --format csv|json|text
                        uitvoervorm (standaard csv); JSON geeft bedragen als tekst; text
                        geeft het overzicht in woorden (alleen met --regio)
  --excel               CSV voor Nederlandse Excel: puntkomma, decimale komma, BOM
${METADATA_HELP}
  -h, --help            deze uitleg

Waarschuwingen over de scenario's komen op stderr.`;
}

export const regioCommand: Command = {
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('regio', argv, {
      soort: { type: 'string' },
      regio: { type: 'string' },
      years: { type: 'string' },
      stream: { type: 'string' },
      scenario: { type: 'string' },
      against: { type: 'string' },
      herindelingen: { type: 'string' },
      ...EXPORT_OPTIONS,
    });
    if (values.help) return ctx.io.out(`${gebruik(ctx.data)}\n`);
    const soort = parseKind(values.soort);
    const { van, tot } = parseYears(values.years);
    const stroom = values.stream === undefined ? null : parseStream(values.stream);
    const herindelingen = parseMergerChoice(values.herindelingen);
    const text = values.format === 'text';
    if (values.format !== undefined && !['csv', 'json', 'text'].includes(values.format)) {
      throw new InputError(`--format: "${values.format}" is geen uitvoervorm; kies csv, json of text`);
    }
    if (text) {
      if (values.regio === undefined) throw new InputError("--format text geeft het overzicht van één regio: kies er een met --regio, of kies --format csv of json voor alle regio's");
      if (values.excel) throw new InputError('--excel hoort bij CSV-uitvoer; laat --excel weg of kies --format csv');
      if (values.metadata !== undefined) throw new InputError('--metadata hoort bij CSV-uitvoer; laat --metadata weg of kies --format csv');
    }
    const out = text ? null : { ...parseExportFormat(values), tekst: textLayout(ctx.io, values) };
    if (values.against !== undefined && values.scenario === undefined) throw new InputError('--against hoort bij --scenario: geef ook het scenario dat u wilt vergelijken');
    checkStdinOnce({ '--scenario': values.scenario, '--against': values.against });
    const vandaag = today();
    const data = ctx.data();
    const region = values.regio === undefined ? null : resolveRegion(data, soort, values.regio);

    const reference = loadScenario(values.against, data, herindelingen);
    const scenario: Loaded | null = values.scenario === undefined ? null : loadScenario(values.scenario, data, herindelingen);
    const loaded = scenario ? [reference, scenario] : [reference];
    if (stroom !== null) declaredStream(stroom, '--stream', loaded.filter((l, i) => l.bestand && loaded.findIndex((x) => x.bestand === l.bestand) === i).map((l) => l.scenario));
    const allocations = loaded.map((l) => l.allocation);
    const namen = loaded.map((l) => l.scenario.naam);
    const sides = scenario && reference.bestand === scenario.bestand ? [scenario] : loaded;
    reportWarnings(ctx.io, ...sides);

    if (out === null) {
      const wat = scenario
        ? `scenario "${namen[1]}" tegen ${reference.bestand ? `scenario "${namen[0]}"` : 'basis'}`
        : reference.bestand
          ? `scenario "${namen[0]}"`
          : 'basis';
      ctx.io.out(prose(ctx.io, regionSummary(data, { region: region!, van, tot, stroom, allocations, namen, wat, vandaag })));
      return;
    }
    const filter = { van, tot, stroom };
    const table = !region
      ? regionTable(data, allocations, namen, { soort, ...filter })
      : scenario
        ? comparisonTable(data, allocations, namen, { ...filter, regio: { soort, code: region.code } })
        : allocationTable(reference.allocation, { ...filter, regio: { soort, code: region.code } }, data);
    writeExport(ctx.io, table, out, metadataOf(allocations, namen), (regels) => ({
      soort,
      regio: region ? { code: region.code, naam: region.naam } : null,
      ...(scenario ? { basis: namen[0], scenario: namen[1] } : { scenario: namen[0] }),
      afronding: table.eenheid,
      waarschuwingen: sides.flatMap(warningTexts),
      regels,
    }));
  },
};
