// Converts the reference CSVs in ../shared/data (beside the repository root) into TypeScript
// modules in packages/core/src/data/raw/, so that the core package ships its own copy.
// Every cell is kept as the exact original string; validation and conversion happen in
// packages/core/src/data/schema.ts and baseline.ts. Plain Node ESM, no dependencies.
//
// It also writes raw/meta.ts: the version of the embedded data (a SHA-256 of the embedded content
// and the date of the newest document it cites; see `contentHash` and `dataDate`).
//
// It then validates the embedded copy with the core's own checks (`parseBaselineData`, loaded
// from TypeScript source through vite) and writes the resulting baseline to raw/prebuilt.ts, so
// that the product decodes it on start instead of validating it again (see data/prebuilt.ts).
// Invalid data stops the import with the core's Dutch messages (file, line, column).
//
// It also copies the boundary maps of ../shared/data/geo (TopoJSON) byte for byte to
// apps/web/src/landkaart/geo/, for the app's map view.
//
// Usage: node scripts/import-data.mjs

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '..');
export const SOURCE_DIR = resolve(REPO_ROOT, '../shared/data');
const SOURCE_LABEL = '../shared/data';
const TARGET_DIR = join(REPO_ROOT, 'packages/core/src/data/raw');

/** The CSV files the product embeds, in the order of `rawData`. */
export const FILES = [
  'gemeenten-2023-2026.csv',
  'gemeenten-2021.csv',
  'herindelingen-2019-2026.csv',
  'bevolking-2023-2024.csv',
  'kerncijfers-2022.csv',
  'inkomen-2020.csv',
  'brede-spuk-totaal-2025.csv',
  'spuk-iza-per-regio-2025-2026.csv',
  'landelijke-budgetten.csv',
  'generieke-kortingen.csv',
  'herindelingen-2027.csv',
  'bevolking-2026.csv',
  'ggd-regio-2023.csv',
  'bronnen.csv',
];

/** The boundary maps the app's map view ships, copied byte for byte from ../shared/data/geo. */
export const GEO_FILES = ['gemeente-2023.topojson', 'ggdregio-2023.topojson'];
export const GEO_SOURCE_DIR = join(SOURCE_DIR, 'geo');
export const GEO_TARGET_DIR = join(REPO_ROOT, 'apps/web/src/landkaart/geo');

/** The file whose `datum` column dates the data set (see `dataDate`). */
const SOURCES_FILE = 'bronnen.csv';

/**
 * Parses CSV text according to RFC 4180: fields separated by commas, records by CRLF or LF;
 * a field in double quotes may contain commas, line breaks and doubled quotes (`""`).
 * A leading UTF-8 byte order mark is dropped, and so is the line break after the last record.
 * Throws on malformed input (a quote inside an unquoted field, text after a closing quote,
 * an unterminated quoted field).
 * @param {string} text
 * @returns {string[][]}
 */
export function parseCsv(text) {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  /** @type {string[][]} */
  const records = [];
  /** @type {string[]} */
  let record = [];
  let field = '';
  let i = 0;
  let line = 1;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' && field === '') {
      // Quoted field: read up to the closing quote.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`CSV: aanhalingsteken van regel ${startLine} wordt niet gesloten`);
        const c = src[i];
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      const next = src[i];
      if (next === undefined) {
        endRecord();
        return records;
      }
      const endsField = next === ',' || next === '\n' || (next === '\r' && src[i + 1] === '\n');
      if (!endsField) throw new Error(`CSV: tekst na het sluitende aanhalingsteken op regel ${line}`);
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' && src[i + 1] === '\n') {
      endRecord();
      i += 2;
      line++;
    } else if (ch === '\n') {
      endRecord();
      i++;
      line++;
    } else if (ch === '"') {
      throw new Error(`CSV: aanhalingsteken midden in een veld zonder aanhalingstekens op regel ${line}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/** 'spuk-iza-per-regio-2025-2026.csv' -> 'spukIzaPerRegio20252026' */
export function camelName(file) {
  return file.replace(/\.csv$/, '').replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

function header(file) {
  return `// Generated by scripts/import-data.mjs from ${SOURCE_LABEL}/${file}; do not edit.\n`;
}

function moduleText(file, records) {
  const [columns, ...rows] = records;
  if (columns === undefined) throw new Error(`${file}: leeg bestand`);
  const lines = [
    header(file),
    `export const file = '${file}';`,
    '',
    `export const columns = ${JSON.stringify(columns)} as const;`,
    '',
    'export const rows: readonly (readonly string[])[] = [',
    ...rows.map((row) => `  ${JSON.stringify(row)},`),
    '];',
    '',
  ];
  return lines.join('\n');
}

function indexText() {
  const names = FILES.map((file) => ({ file, name: camelName(file), module: file.replace(/\.csv$/, '') }));
  return [
    `// Generated by scripts/import-data.mjs from ${SOURCE_LABEL}/*.csv; do not edit.`,
    '',
    ...names.map(({ name, module }) => `import * as ${name} from './${module}.js';`),
    '',
    '/** One embedded CSV file: its name, header row and data rows, every cell as the original string. */',
    'export interface RawFile {',
    '  readonly file: string;',
    '  readonly columns: readonly string[];',
    '  readonly rows: readonly (readonly string[])[];',
    '}',
    '',
    '/** All embedded CSV files, keyed by a camelCase form of the file name. */',
    'export const rawData = {',
    ...names.map(({ name }) => `  ${name},`),
    '} as const satisfies Record<string, RawFile>;',
    '',
    '/** The shape `parseBaselineData` accepts: the same files, with any content. */',
    'export type RawData = { readonly [K in keyof typeof rawData]: RawFile };',
    '',
  ].join('\n');
}

/**
 * The SHA-256 (lower-case hex) of the embedded content. The byte stream is the UTF-8 encoding of,
 * for every file in the order of `FILES` (= the order of `rawData`):
 *
 *   the file name, a line feed (U+000A),
 *   JSON.stringify([columns, ...rows]) (the header and the data rows, every cell the string as
 *   embedded in raw/; JSON.stringify writes no spaces between the elements),
 *   a line feed.
 *
 * So it covers exactly what raw/ holds, and can be recomputed from raw/ alone (the test in
 * packages/core/src/data does that). The JSON text of a file is one line (a line break inside a
 * cell is written as \n), so the stream cannot be read in two ways. How the source file was
 * written (line endings CRLF or LF, which fields were quoted, a byte order mark) does not count:
 * two files with the same cells have the same hash.
 * @param {readonly { file: string, records: readonly (readonly string[])[] }[]} files
 * @returns {string}
 */
export function contentHash(files) {
  const hash = createHash('sha256');
  for (const { file, records } of files) hash.update(`${file}\n${JSON.stringify(records)}\n`, 'utf8');
  return hash.digest('hex');
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A date of `bronnen.csv` (`2025-08-31`, or partial: `2026-01`, `2025`) as a full ISO date.
 * A partial date stands for its first day: `2026-01` -> `2026-01-01`, `2025` -> `2025-01-01`.
 * Throws on anything else (the core reports it with file, line and column; here it only stops
 * the import).
 * @param {string} v
 * @returns {string}
 */
export function fullDate(v) {
  const m = DATE.exec(v);
  const full = m === null ? '' : `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
  const time = Date.parse(`${full}T00:00:00Z`);
  // Date.parse accepts 2025-02-30 (as 2 March); the round trip refuses it.
  const valid = m !== null && !Number.isNaN(time) && new Date(time).toISOString().startsWith(full);
  if (!valid) throw new Error(`${SOURCES_FILE}: "${v}" is geen datum (verwacht JJJJ-MM-DD, JJJJ-MM of JJJJ)`);
  return full;
}

/**
 * The date of the data set: the newest date among the documents of `bronnen.csv` (its records,
 * header first), every date taken as a full ISO date (a partial date as its first day, see
 * `fullDate`; an empty date is unknown and does not count).
 * @param {readonly (readonly string[])[]} records
 * @returns {string}
 */
export function dataDate(records) {
  const [columns, ...rows] = records;
  const c = columns?.indexOf('datum') ?? -1;
  if (c < 0) throw new Error(`${SOURCES_FILE}: kolom "datum" ontbreekt`);
  const dates = rows.map((row) => row[c] ?? '').filter((v) => v !== '').map(fullDate).sort();
  const newest = dates[dates.length - 1];
  if (newest === undefined) throw new Error(`${SOURCES_FILE}: geen enkel document heeft een datum`);
  return newest;
}

/** The version of the data set: `${datum}+${first 12 hex digits of the SHA-256}`. */
export function versionOf(datum, sha256) {
  return `${datum}+${sha256.slice(0, 12)}`;
}

function metaText(sha256, datum) {
  return [
    `// Generated by scripts/import-data.mjs from ${SOURCE_LABEL}/*.csv; do not edit.`,
    '',
    '/**',
    ' * The version of the embedded data.',
    ' * - `sha256`: SHA-256 (hex) of the UTF-8 bytes of, for every file in the order of `rawData`:',
    ' *   the file name, a line feed, `JSON.stringify([columns, ...rows])`, a line feed.',
    ` * - \`datum\`: the newest date among the documents of ${SOURCES_FILE}, as a full ISO date`,
    ' *   (a partial date such as 2026-01 or 2025 counts as its first day).',
    ' * - `versie`: `${datum}+${the first 12 hex digits of sha256}`.',
    ' */',
    'export const meta: { readonly versie: string; readonly datum: string; readonly sha256: string } = {',
    `  versie: '${versionOf(datum, sha256)}',`,
    `  datum: '${datum}',`,
    `  sha256: '${sha256}',`,
    '};',
    '',
  ].join('\n');
}

const PREBUILT_FILE = join(TARGET_DIR, 'prebuilt.ts');

/**
 * Validates the CSV copies just written to raw/ with the core's checks and writes the baseline
 * they make to raw/prebuilt.ts. Returns the Dutch problems, or [] when the data is valid.
 * @returns {Promise<string[]>}
 */
export async function writePrebuilt() {
  const { runnerImport } = await import('vite');
  const load = async (path) =>
    (await runnerImport(join(REPO_ROOT, 'packages/core/src/data', path), { configFile: false, logLevel: 'error', resolve: { conditions: ['source'] } })).module;
  // A placeholder first: the baseline module imports raw/prebuilt.ts, which may be missing or stale.
  if (!existsSync(PREBUILT_FILE)) writeFileSync(PREBUILT_FILE, prebuiltText('{}'));
  const { parseBaselineData } = await load('baseline.ts');
  const { encodeBaseline } = await load('prebuilt.ts');
  const { rawData } = await load('raw/index.ts');
  const { meta } = await load('raw/meta.ts');
  const result = parseBaselineData(rawData, meta);
  if (!result.ok) return result.fouten;
  writeFileSync(PREBUILT_FILE, prebuiltText(encodeBaseline(result.data)));
  return [];
}

/** The module raw/prebuilt.ts: the encoded baseline as one string literal (JSON.parse is faster than an object literal). */
export function prebuiltText(json) {
  return [
    `// Generated by scripts/import-data.mjs from ${SOURCE_LABEL}/*.csv, validated by parseBaselineData; do not edit.`,
    '// The baseline of the embedded data, encoded as data/prebuilt.ts describes.',
    '',
    `export const prebuilt = ${JSON.stringify(json)};`,
    '',
  ].join('\n');
}

async function main() {
  mkdirSync(TARGET_DIR, { recursive: true });
  /** @type {{ file: string, records: string[][] }[]} */
  const files = [];
  for (const file of FILES) {
    const records = parseCsv(readFileSync(join(SOURCE_DIR, file), 'utf8'));
    writeFileSync(join(TARGET_DIR, file.replace(/\.csv$/, '.ts')), moduleText(file, records));
    files.push({ file, records });
    console.log(`${file}: ${records.length - 1} rijen`);
  }
  writeFileSync(join(TARGET_DIR, 'index.ts'), indexText());
  const sources = files.find((f) => f.file === SOURCES_FILE);
  if (sources === undefined) throw new Error(`${SOURCES_FILE} staat niet in FILES`);
  const sha256 = contentHash(files);
  const datum = dataDate(sources.records);
  writeFileSync(join(TARGET_DIR, 'meta.ts'), metaText(sha256, datum));
  console.log(`versie ${versionOf(datum, sha256)}`);
  const fouten = await writePrebuilt();
  if (fouten.length > 0) {
    console.error(`De gegevens in ${SOURCE_LABEL} zijn ongeldig; raw/prebuilt.ts is niet bijgewerkt:\n${fouten.join('\n')}`);
    process.exitCode = 1;
    return;
  }
  console.log('gecontroleerd en voorgebouwd: raw/prebuilt.ts');
  console.log(`geschreven naar ${TARGET_DIR}`);
  mkdirSync(GEO_TARGET_DIR, { recursive: true });
  for (const file of GEO_FILES) copyFileSync(join(GEO_SOURCE_DIR, file), join(GEO_TARGET_DIR, file));
  console.log(`${GEO_FILES.join(', ')} gekopieerd naar ${GEO_TARGET_DIR}`);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) await main();
