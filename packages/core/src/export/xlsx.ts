import { strToU8, zipSync, type Zippable } from 'fflate';
import { centsToPlain } from '../money/format.js';
import type { RoundingUnit } from '../allocation/types.js';

/**
 * A small Office Open XML workbook (.xlsx): inline strings, numeric cells, a frozen header row,
 * an autofilter over the header and the rows, an optional totals row below them, and the number
 * formats Dutch Excel needs (years without a thousands separator, amounts in euros). Amounts go
 * in as bigint cents and are written as decimal text ("1234567.89"), never through floating
 * point. The ZIP container is written by fflate, compressed with deflate.
 */

/** How a number is shown: euros (whole or with cents), a count, a year, a percentage, or as it is. */
export type NumberFormat = 'euro' | 'euro-cent' | 'geheel' | 'jaar' | 'procent';

export type XlsxCell =
  | { t: 'tekst'; v: string; vet?: boolean }
  | { t: 'getal'; v: string; opmaak?: NumberFormat; vet?: boolean } // v: plain decimal text, "." as point
  | null;

export interface XlsxSheet {
  naam: string;
  kolommen: { kop: string; breedte?: number }[];
  rijen: XlsxCell[][];
  /** A row below the rows (bold, outside the autofilter), such as the totals. */
  slot?: XlsxCell[];
  /** An autofilter on the header row over all rows (default: true). */
  filter?: boolean;
}

export const tekst = (v: string): XlsxCell => ({ t: 'tekst', v });
/** Money from exact cents: written as exact decimal text; shown in whole euros or with cents. */
export const euro = (cents: bigint | null, unit: RoundingUnit = 'cent'): XlsxCell =>
  cents === null ? null : { t: 'getal', v: centsToPlain(cents, unit), opmaak: unit === 'cent' ? 'euro-cent' : 'euro' };
export const geheel = (v: bigint | number): XlsxCell => ({ t: 'getal', v: String(v), opmaak: 'geheel' });
export const jaar = (v: bigint | number): XlsxCell => ({ t: 'getal', v: String(v), opmaak: 'jaar' });

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Characters XML 1.0 does not allow are dropped; the five special ones are escaped. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Sheet names: at most 31 characters, none of []:*?/\ and unique. */
function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Blad';
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 28)} ${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** The number formats' codes (as Excel stores them; Dutch Excel shows "€ 1.234.567,89"). */
export const FORMAT_CODES: Readonly<Record<NumberFormat, string>> = {
  euro: '"€ "#,##0',
  'euro-cent': '"€ "#,##0.00',
  geheel: '#,##0',
  jaar: '0',
  procent: '0.00"%"',
};

/** Custom number formats (id 164 and up); `geheel` and `jaar` are Excel's built-in 3 and 1. */
const NUM_FMTS: readonly { id: number; opmaak: NumberFormat }[] = [
  { id: 164, opmaak: 'euro' },
  { id: 165, opmaak: 'euro-cent' },
  { id: 166, opmaak: 'procent' },
];
const NUM_FMT_ID: Readonly<Record<NumberFormat, number>> = { euro: 164, 'euro-cent': 165, procent: 166, geheel: 3, jaar: 1 };
const FORMATS: readonly (NumberFormat | null)[] = [null, 'euro', 'euro-cent', 'geheel', 'jaar', 'procent'];

/** The style index (cellXfs) of a format, plain or bold: 0..5 plain, 6..11 bold (6 = bold text). */
const styleOf = (opmaak: NumberFormat | null, vet: boolean): number => FORMATS.indexOf(opmaak) + (vet ? FORMATS.length : 0);

const xf = (opmaak: NumberFormat | null, vet: boolean) =>
  `<xf numFmtId="${opmaak ? NUM_FMT_ID[opmaak] : 0}" fontId="${vet ? 1 : 0}" fillId="0" borderId="0" xfId="0"${opmaak ? ' applyNumberFormat="1"' : ''}${vet ? ' applyFont="1"' : ''}/>`;

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<numFmts count="${NUM_FMTS.length}">${NUM_FMTS.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${xmlText(FORMAT_CODES[f.opmaak])}"/>`).join('')}</numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${FORMATS.length * 2}">${[false, true].flatMap((vet) => FORMATS.map((f) => xf(f, vet))).join('')}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The range the autofilter covers: the header and the rows (not the totals row); null without columns. */
function filterRange(sheet: XlsxSheet): string | null {
  if (sheet.filter === false || sheet.kolommen.length === 0) return null;
  return `A1:${columnName(sheet.kolommen.length - 1)}${sheet.rijen.length + 1}`;
}

function sheetXml(sheet: XlsxSheet): string {
  const parts: string[] = [];
  parts.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>',
  );
  if (sheet.kolommen.length > 0) {
    parts.push('<cols>');
    sheet.kolommen.forEach((k, i) => parts.push(`<col min="${i + 1}" max="${i + 1}" width="${k.breedte ?? 14}" customWidth="1"/>`));
    parts.push('</cols>');
  }
  parts.push('<sheetData>');
  const row = (cells: XlsxCell[], r: number, vet: boolean) => {
    parts.push(`<row r="${r}">`);
    cells.forEach((c, i) => {
      if (c === null) return;
      const ref = `${columnName(i)}${r}`;
      const bold = vet || c.vet === true;
      if (c.t === 'tekst') {
        parts.push(`<c r="${ref}" t="inlineStr"${bold ? ` s="${styleOf(null, true)}"` : ''}><is><t xml:space="preserve">${xmlText(c.v)}</t></is></c>`);
      } else {
        if (!PLAIN_NUMBER.test(c.v)) throw new RangeError(`geen getal: ${c.v}`);
        const s = styleOf(c.opmaak ?? null, bold);
        parts.push(`<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${c.v}</v></c>`);
      }
    });
    parts.push('</row>');
  };
  row(sheet.kolommen.map((k) => tekst(k.kop)), 1, true);
  sheet.rijen.forEach((cells, i) => row(cells, i + 2, false));
  if (sheet.slot) row(sheet.slot, sheet.rijen.length + 2, true);
  parts.push('</sheetData>');
  const range = filterRange(sheet);
  if (range) parts.push(`<autoFilter ref="${range}"/>`);
  parts.push('</worksheet>');
  return parts.join('');
}

/** A fixed time for the ZIP entries, so that the same workbook gives the same bytes. */
const MTIME = new Date(2000, 0, 1, 12);

/** The bytes of an .xlsx file with the given sheets, in order (ZIP with deflate, by fflate). */
export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError('een werkmap heeft minstens één blad');
  const used = new Set<string>();
  const names = sheets.map((s) => sheetName(s.naam, used));
  const quoted = (n: string) => `'${n.replace(/'/g, "''")}'`;
  const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  const filters = sheets.map((s, i) => ({ i, range: filterRange(s) })).filter((f): f is { i: number; range: string } => f.range !== null);
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
          .join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets>' +
        names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets>' +
        (filters.length > 0
          ? `<definedNames>${filters
              .map((f) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${f.i}" hidden="1">${xmlText(`${quoted(names[f.i]!)}!${absolute(f.range)}`)}</definedName>`)
              .join('')}</definedNames>`
          : '') +
        '</workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets
          .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ],
    ['xl/styles.xml', STYLES_XML],
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)]),
  ];
  const zippable: Zippable = {};
  for (const [name, text] of files) zippable[name] = strToU8(text);
  return zipSync(zippable, { level: 6, mtime: MTIME });
}
