/**
 * Option parsing for one command with `node:util` parseArgs, strict, with Dutch messages for
 * its errors (its own are English).
 */
import { parseArgs } from 'node:util';
import { FIRST_YEAR, LAST_YEAR, OWN_STREAM_ID, STREAM_IDS, isOwnStream, type Herindelingen, type StreamId, type StreamRef } from '@kansrijke-start/core';
import { InputError } from './errors.js';

/** The options of a command: strings and flags, as parseArgs takes them. */
type Options = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** The parsed values: a string (a list for an option that may be repeated) or a flag per option, absent when not given. */
export type Values<O extends Options> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K] extends { multiple: true } ? string[] : string;
} & { help?: boolean };

function quoted(message: string): string {
  return /'(-[^' ]*)/.exec(message)?.[1] ?? /'([^']*)'/.exec(message)?.[1] ?? '';
}

/**
 * Dutch words people may type for an option that has an English name here (the options of the
 * existing commands are English): the unknown option then gets a hint to the one the command has.
 */
const DUTCH_NAMES: Readonly<Record<string, readonly string[]>> = {
  jaar: ['year', 'years'],
  jaren: ['years'],
  van: ['years'],
  tot: ['years'],
  stroom: ['stream'],
  tegen: ['against'],
  alleen_verschillen: ['changes-only'],
};

/** ` (bedoelt u --year?)` when the unknown option is a Dutch name of one of the command's options. */
function hintFor(flag: string, options: Options): string {
  const name = flag.replace(/^--?/, '').replace(/=.*$/, '').replace(/-/g, '_');
  const known = DUTCH_NAMES[name]?.find((o) => o in options);
  return known ? ` (bedoelt u --${known}?)` : '';
}

/** Parses the arguments after the command name. `--help` is always available. */
export function parseCommandArgs<O extends Options>(
  command: string,
  argv: readonly string[],
  options: O,
  positionals = false,
): { values: Values<O>; positionals: string[] } {
  let r: ReturnType<typeof parseArgs>;
  try {
    r = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: positionals, tokens: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message = e instanceof Error ? e.message : String(e);
    const hint = `zie "ks-budget ${command} --help"`;
    switch (code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new InputError(`onbekende optie ${quoted(message)} bij "ks-budget ${command}"${hintFor(quoted(message), options)}; ${hint}`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
        const flag = quoted(message).split(' ')[0]!;
        if (!message.includes('ambiguous')) throw new InputError(`optie ${flag} heeft een waarde nodig; ${hint}`);
        // The word after the option starts with "-": another option (a value forgotten), or a value such as -5.
        const next = argv[argv.findIndex((a) => a === flag || a === `-${options[flag.replace(/^--/, '')]?.short ?? ''}`) + 1] ?? '';
        const name = next.replace(/^--?/, '').replace(/=.*$/, '');
        const isOption = next.startsWith('--') ? name in options || name === 'help' : Object.values(options).some((o) => o.short === name) || name === 'h';
        throw new InputError(
          isOption
            ? `optie ${flag} heeft een waarde nodig; na ${flag} komt de optie ${next}; ${hint}`
            : `de waarde van ${flag} begint met "-" ("${next}"); schrijf ${flag}=${next} als dat de waarde is`,
        );
      }
      case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
        throw new InputError(`onverwacht argument "${quoted(message)}" bij "ks-budget ${command}"; ${hint}`);
      default:
        throw new InputError(`de opties kloppen niet (${message}); ${hint}`);
    }
  }
  // An option with a value given twice would silently keep the last: say so instead.
  const seen = new Map<string, string | undefined>();
  for (const t of r.tokens ?? []) {
    if (t.kind !== 'option' || options[t.name]?.type !== 'string' || options[t.name]?.multiple) continue;
    if (seen.has(t.name) && seen.get(t.name) !== t.value) {
      throw new InputError(`optie --${t.name} is twee keer gegeven ("${seen.get(t.name)}" en "${t.value}"); geef haar één keer; zie "ks-budget ${command} --help"`);
    }
    seen.set(t.name, t.value);
  }
  return { values: r.values as Values<O>, positionals: r.positionals };
}

/** A required string option. */
export function required(value: string | undefined, flag: string, command: string): string {
  if (value === undefined || value === '') throw new InputError(`optie ${flag} ontbreekt; zie "ks-budget ${command} --help"`);
  return value;
}

/** One year, as given with --year. */
export function parseYear(text: string, flag = '--year'): number {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) throw new InputError(`${flag}: "${text}" is geen jaartal (verwacht een jaar van ${FIRST_YEAR} tot en met ${LAST_YEAR})`);
  const y = Number(t);
  if (y < FIRST_YEAR || y > LAST_YEAR) throw new InputError(`${flag}: ${y} valt buiten de jaren ${FIRST_YEAR}-${LAST_YEAR}`);
  return y;
}

/** One year (`2026`) or an inclusive range of years (`2019-2030`) within the product's years. */
export function parseYears(text: string | undefined, flag = '--years'): { van: number; tot: number } {
  if (text === undefined) return { van: FIRST_YEAR, tot: LAST_YEAR };
  const m = /^\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?$/.exec(text);
  if (!m) throw new InputError(`${flag}: "${text}" is geen jaar of reeks van jaren (verwacht bijvoorbeeld ${LAST_YEAR} of ${FIRST_YEAR}-${LAST_YEAR})`);
  const van = parseYear(m[1]!, flag);
  const tot = m[2] === undefined ? van : parseYear(m[2], flag);
  if (tot < van) throw new InputError(`${flag}: de reeks ${van}-${tot} loopt achteruit; schrijf ${tot}-${van}`);
  return { van, tot };
}

/** What `parseStream` needs of a scenario to check an own stream's id. */
interface WithOwnStreams {
  eigenStromen?: readonly { id: string }[] | undefined;
}

/** The help lines of --stream: the streams of the data, and the scenario's own (`eigen:...`). */
export const STREAM_HELP = `  --stream ID           alleen deze stroom (${STREAM_IDS.join(', ')})
                        of een eigen stroom van het scenario (eigen:NAAM, zie "eigenStromen")`;

/**
 * A stream id, as given with --stream: a stream of the data, or an own stream (`eigen:...`).
 * With `scenarios` (the scenario files the command has loaded, not the baseline), an own stream
 * must be declared by one of them; without, only the form of its id is checked.
 */
export function parseStream(text: string, flag = '--stream', scenarios?: readonly WithOwnStreams[]): StreamRef {
  const t = text.trim();
  if ((STREAM_IDS as readonly string[]).includes(t)) return t as StreamId;
  if (!isOwnStream(t)) throw new InputError(`${flag}: onbekende stroom "${text}"; kies uit ${STREAM_IDS.join(', ')}, of een eigen stroom van het scenario (eigen:NAAM)`);
  if (!OWN_STREAM_ID.test(t)) throw new InputError(`${flag}: "${text}" is geen id van een eigen stroom: na "eigen:" komen 1 tot 40 kleine letters, cijfers of streepjes (zoals eigen:pilot-kraamzorg)`);
  if (scenarios !== undefined) declaredStream(t, flag, scenarios);
  return t;
}

/** Throws when no scenario of `scenarios` declares the own stream `id`, naming the ids they do declare. */
export function declaredStream(id: StreamRef, flag: string, scenarios: readonly WithOwnStreams[]): void {
  if (!isOwnStream(id)) return;
  const ids = [...new Set(scenarios.flatMap((s) => (s.eigenStromen ?? []).map((e) => e.id)))];
  if (ids.includes(id)) return;
  if (scenarios.length === 0) throw new InputError(`${flag}: onbekende eigen stroom "${id}"; zonder --scenario rekent ks-budget met de basis, die geen eigen stromen heeft`);
  const which = scenarios.length === 1 ? 'het scenario declareert' : "de scenario's declareren";
  throw new InputError(
    ids.length === 0
      ? `${flag}: onbekende eigen stroom "${id}"; ${which} geen eigen stromen (het veld "eigenStromen" van een scenario)`
      : `${flag}: onbekende eigen stroom "${id}"; ${which} alleen ${ids.join(', ')}`,
  );
}

export type Format = 'csv' | 'json';

/** --format csv|json and --excel together. */
export function parseFormat(format: string | undefined, excel: boolean | undefined): { format: Format; excel: boolean } {
  const f = format ?? 'csv';
  if (f !== 'csv' && f !== 'json') throw new InputError(`--format: "${f}" is geen uitvoervorm; kies csv of json`);
  if (f === 'json' && excel) throw new InputError('--excel hoort bij CSV-uitvoer; laat --excel weg of kies --format csv');
  return { format: f, excel: excel === true };
}

/** --format, --excel and --metadata of a command that exports a core table. */
export function parseExportFormat(values: { format?: string | undefined; excel?: boolean | undefined; metadata?: string | undefined }): { format: Format; excel: boolean; metadata: string | null } {
  const out = parseFormat(values.format, values.excel);
  const file = values.metadata;
  if (file === undefined) return { ...out, metadata: null };
  if (out.format === 'json') throw new InputError('--metadata hoort bij CSV-uitvoer: JSON-uitvoer heeft de metadata zelf (het veld "metadata"); laat --metadata weg of kies --format csv');
  if (file.trim() === '') throw new InputError('--metadata: geef de naam van het bestand voor de metadata, zoals verdeling.csv-metadata.json');
  if (file === '-') throw new InputError('--metadata: de standaarduitvoer is voor de CSV zelf; geef een bestandsnaam, zoals verdeling.csv-metadata.json');
  return { ...out, metadata: file };
}

/** --herindelingen gepland|zonder; null when not given (the scenario's own choice holds). */
export function parseMergerChoice(text: string | undefined): Herindelingen | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (t === 'gepland' || t === 'zonder') return t;
  throw new InputError(`--herindelingen: "${text}" is geen keuze; kies gepland (met de geplande herindelingen) of zonder (zonder de geplande herindelingen)`);
}

/** The help line of --years, with the product's years. */
export const YEARS_HELP = `  --years JAAR[-JAAR]   alleen deze jaren (standaard ${FIRST_YEAR}-${LAST_YEAR})`;

/** The help lines of --format and --excel. */
export const FORMAT_HELP = `  --format csv|json     uitvoervorm (standaard csv); JSON geeft bedragen als tekst. Zonder
                        --format, --excel en --metadata op een terminal: een uitgelijnde tabel
                        met bedragen als € 1.234,56 (alleen om te lezen)
  --excel               CSV voor Nederlandse Excel: puntkomma, decimale komma, BOM`;

/** The help line of --metadata. */
export const METADATA_HELP = `  --metadata BESTAND    schrijf bij CSV-uitvoer de metadata (CSVW, JSON) naar BESTAND: versie en
                        stand van de gegevens, rekenmotor, scenario's met hun bewijs, nog te
                        nemen besluiten, kolommen. De CSV zelf blijft een gewone tabel; met
                        het metadatabestand ernaast controleert "ks-budget verify" hem. Het
                        metadatabestand beschrijft de CSV met dezelfde naam zonder
                        "-metadata.json" ernaast
                        (verdeling.csv-metadata.json hoort bij verdeling.csv; zonder die
                        uitgang: uitvoer.csv)`;

/** The help line of --herindelingen. */
export const MERGERS_HELP = `  --herindelingen gepland|zonder
                        met (gepland, standaard) of zonder de geplande gemeentelijke
                        herindelingen vanaf hun eerste jaar; gaat voor het veld
                        "herindelingen" van het scenario`;

/** The options every table-producing command takes. */
export const TABLE_OPTIONS = {
  format: { type: 'string' },
  excel: { type: 'boolean' },
} as const;

/** The options of a command that exports a core table: TABLE_OPTIONS and --metadata. */
export const EXPORT_OPTIONS = {
  ...TABLE_OPTIONS,
  metadata: { type: 'string' },
} as const;
