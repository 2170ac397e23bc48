import { centsToPlain } from '../money/format.js';
import { utf8, zipStored } from './zip.js';

/**
 * A minimal Office Open XML workbook (.xlsx): inline strings, numeric cells, a frozen header
 * row and three number formats. Amounts go in as bigint cents and are written as decimal text
 * ("1234567.89"), never through floating point.
 */

export type XlsxCell =
  | { t: 'tekst'; v: string }
  | { t: 'getal'; v: string; opmaak?: 'euro' | 'geheel' | 'procent' } // v: plain decimal text, "." as point
  | null;

export interface XlsxSheet {
  naam: string;
  kolommen: { kop: string; breedte?: number }[];
  rijen: XlsxCell[][];
}

export const tekst = (v: string): XlsxCell => ({ t: 'tekst', v });
export const euro = (cents: bigint | null): XlsxCell => (cents === null ? null : { t: 'getal', v: centsToPlain(cents), opmaak: 'euro' });
export const geheel = (v: bigint | number): XlsxCell => ({ t: 'getal', v: String(v), opmaak: 'geheel' });

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

const STYLE = { kop: 1, euro: 2, geheel: 3, procent: 4 } as const;

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;€&quot;\\ #,##0.00"/><numFmt numFmtId="165" formatCode="0.00&quot;%&quot;"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

function sheetXml(sheet: XlsxSheet): string {
  const parts: string[] = [];
  parts.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
  );
  if (sheet.kolommen.length > 0) {
    parts.push('<cols>');
    sheet.kolommen.forEach((k, i) => parts.push(`<col min="${i + 1}" max="${i + 1}" width="${k.breedte ?? 14}" customWidth="1"/>`));
    parts.push('</cols>');
  }
  parts.push('<sheetData>');
  const row = (cells: XlsxCell[], r: number, header: boolean) => {
    parts.push(`<row r="${r}">`);
    cells.forEach((c, i) => {
      if (c === null) return;
      const ref = `${columnName(i)}${r}`;
      if (c.t === 'tekst') {
        parts.push(`<c r="${ref}" t="inlineStr"${header ? ` s="${STYLE.kop}"` : ''}><is><t xml:space="preserve">${xmlText(c.v)}</t></is></c>`);
      } else {
        if (!PLAIN_NUMBER.test(c.v)) throw new RangeError(`geen getal: ${c.v}`);
        const s = c.opmaak ? ` s="${STYLE[c.opmaak]}"` : '';
        parts.push(`<c r="${ref}"${s}><v>${c.v}</v></c>`);
      }
    });
    parts.push('</row>');
  };
  row(sheet.kolommen.map((k) => tekst(k.kop)), 1, true);
  sheet.rijen.forEach((cells, i) => row(cells, i + 2, false));
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/** The bytes of an .xlsx file with the given sheets, in order. */
export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError('een werkmap heeft minstens één blad');
  const used = new Set<string>();
  const names = sheets.map((s) => sheetName(s.naam, used));
  const files: { name: string; text: string }[] = [
    {
      name: '[Content_Types].xml',
      text:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
          .join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      text:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      text:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets>' +
        names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets
          .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    },
    { name: 'xl/styles.xml', text: STYLES_XML },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, text: sheetXml(s) })),
  ];
  return zipStored(files.map((f) => ({ name: f.name, data: utf8(f.text) })));
}
