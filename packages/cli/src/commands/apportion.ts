import { apportion, centsToPlain, formatEuro, readNumber, type ApportionInput, type ApportionedRow, type Unit } from '@kansrijke-start/core';
import { TABLE_OPTIONS, parseCommandArgs, parseFormat, required } from '../args.js';
import { readFixed, readWeights, type CodeValue } from '@kansrijke-start/core';
import { InputError } from '../errors.js';
import { MAX_BYTES, checkStdinOnce, fileName, readTextFile } from '../io.js';
import { writeTable } from '../output.js';
import { textLayout } from '../terminal.js';
import type { Command } from './types.js';

const gebruik = (): string => `Gebruik: ks-budget apportion --total BEDRAG --weights BESTAND [--fixed BESTAND]
                           [--base BESTAND] [--unit euro|cent] [--format csv|json] [--excel]

Verdeelt een totaalbedrag naar gewicht, exact: de bedragen tellen precies op tot het totaal.
Eerst krijgt iedereen zijn aandeel naar beneden afgerond; wat overblijft gaat één eenheid per
ontvanger naar de grootste resten (methode van de grootste overschotten; bij gelijke rest de
laagste code eerst). Een gewicht van 0 krijgt 0.

Het gewichtenbestand is een CSV met een kopregel en de kolommen code en weight (andere
kolommen worden overgeslagen), gescheiden door komma's of puntkomma's; met puntkomma's mag
een decimale komma. De bestanden met vaste bedragen en met basisbedragen hebben de kolommen
code en amount (euro); beide gaan eerst van het totaal af.
- Een vast bedrag (--fixed) vervangt het aandeel: die code krijgt precies dat bedrag en doet
  niet mee aan de verdeling naar gewicht (haar gewicht telt niet).
- Een basisbedrag (--base) komt bovenop het aandeel: die code krijgt het basisbedrag plus haar
  aandeel naar gewicht in de rest.
Een code staat in hoogstens één van beide bestanden, en altijd in het gewichtenbestand.
Gebruik - als bestandsnaam om van standaardinvoer te lezen (voor één van de bestanden).
Een code bestaat alleen uit Latijnse letters, cijfers en de tekens - _ . /. Een bestand is
hoogstens ${MAX_BYTES.csv / 1_000_000} MB.

Uitvoer: code,amount, één regel per regel van het gewichtenbestand, in dezelfde volgorde.

Opties:
  --total BEDRAG        het totaal in euro, met een punt als decimaalteken (1000000 of 1000000.50)
  --weights BESTAND     de gewichten (CSV)
  --fixed BESTAND       vaste bedragen (CSV): in plaats van het aandeel
  --base BESTAND        basisbedragen (CSV): bovenop het aandeel
  --unit euro|cent      afronden op hele euro's (standaard) of hele centen
  --format csv|json     uitvoervorm (standaard csv); zonder --format en --excel op een
                        terminal: een uitgelijnde tabel met bedragen als € 1.234,56
  --excel               CSV voor Nederlandse Excel: puntkomma, decimale komma, BOM
  -h, --help            deze uitleg

Voorbeeld:
  ks-budget apportion --total 1000 --weights gewichten.csv`;

/** Euros as exact cents, or null when the text is not a plain amount (at most 2 decimals). */
function toCents(euros: string): bigint | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(euros);
  return m ? BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0')) : null;
}

/** --total in machine notation (a `.` as decimal point, no thousands separators), 0 or more. */
function parseTotal(text: string, unitCents: bigint): string {
  const p = readNumber(text, 'machine');
  if (!p.ok) throw new InputError(`--total: ${p.message}`);
  const plain = p.value.toFixed();
  const cents = toCents(plain);
  if (cents === null) throw new InputError(`--total: ${plain} heeft meer dan 2 decimalen; een bedrag is in hele centen`);
  if (cents % unitCents !== 0n) throw new InputError(`--total: ${plain} is geen heel aantal euro; geef een heel bedrag of gebruik --unit cent`);
  return plain;
}

/** Fixed or base amounts: each code in the weights file, in the unit; returns their sum in cents. */
function checkAmounts(rows: readonly CodeValue[], codes: ReadonlySet<string>, files: { weights: string; amounts: string }, unitCents: bigint): bigint {
  const fouten: string[] = [];
  let sum = 0n;
  for (const f of rows) {
    if (!codes.has(f.code)) fouten.push(`${files.amounts}, regel ${f.line}, kolom code: "${f.code}" staat niet in ${files.weights}`);
    const cents = toCents(f.value)!; // readFixed allows at most 2 decimals
    if (cents % unitCents !== 0n) {
      fouten.push(`${files.amounts}, regel ${f.line}, kolom amount: ${f.value} is geen heel aantal euro; geef hele euro's of gebruik --unit cent`);
    }
    sum += cents;
  }
  if (fouten.length > 0) throw new InputError(fouten);
  return sum;
}

/**
 * The weights file as the input of `apportion`. Only the result is kept: the text and the
 * rows as read are dropped as soon as the codes and weights are taken from them.
 */
function readWeightsInput(file: string): { code: string; weight: string }[] {
  const weights = readWeights(readTextFile(file, 'csv'), fileName(file));
  if (!weights.ok) throw new InputError(weights.fouten);
  return weights.rows.map((w) => ({ code: w.code, weight: w.value }));
}

/** The fixed or base amounts of a file (none without one). */
function readAmounts(file: string | undefined): CodeValue[] {
  if (file === undefined) return [];
  const f = readFixed(readTextFile(file, 'csv'), fileName(file));
  if (!f.ok) throw new InputError(f.fouten);
  return f.rows;
}

/** What `apportion` divides: read and checked; every input problem is thrown as an InputError. */
function readInput(files: { weights: string; fixed: string | undefined; base: string | undefined }, total: string, unit: Unit, unitCents: bigint): ApportionInput {
  const weights = readWeightsInput(files.weights);
  const codes = new Set(weights.map((w) => w.code));
  const weightsName = fileName(files.weights);
  const fixed = readAmounts(files.fixed);
  const base = readAmounts(files.base);
  let offTop = 0n;
  if (files.fixed !== undefined) offTop += checkAmounts(fixed, codes, { weights: weightsName, amounts: fileName(files.fixed) }, unitCents);
  if (files.base !== undefined) offTop += checkAmounts(base, codes, { weights: weightsName, amounts: fileName(files.base) }, unitCents);
  const fixedCodes = new Set(fixed.map((f) => f.code));
  const both = base.filter((b) => fixedCodes.has(b.code));
  if (both.length > 0) {
    throw new InputError(
      both.map((b) => `${fileName(files.base!)}, regel ${b.line}, kolom code: "${b.code}" heeft ook een vast bedrag in ${fileName(files.fixed!)}; een vast bedrag vervangt het aandeel, een basisbedrag komt erbovenop: kies één`),
    );
  }
  const totalCents = toCents(total)!;
  if (offTop > totalCents) {
    const named = [files.fixed, files.base].filter((x): x is string => x !== undefined).map(fileName).join(' en ');
    const which = files.fixed !== undefined && files.base !== undefined ? 'de vaste bedragen en basisbedragen' : files.fixed !== undefined ? 'de vaste bedragen' : 'de basisbedragen';
    throw new InputError(`${named}: ${which} zijn samen ${formatEuro(offTop, 'auto')}, meer dan het totaal van ${formatEuro(totalCents, 'auto')}`);
  }
  const rest = totalCents - offTop;
  // A weight is canonical decimal text: it is 0 when it has no digit 1-9. Fixed recipients take no share.
  if (rest !== 0n && !weights.some((w) => !fixedCodes.has(w.code) && /[1-9]/.test(w.weight))) {
    const who = fixedCodes.size > 0 ? 'alle gewichten van de codes zonder vast bedrag zijn 0' : 'alle gewichten zijn 0';
    throw new InputError(`${weightsName}: ${who}; er is niets om ${formatEuro(rest, 'auto')} naar te verdelen`);
  }
  return { total, weights, fixed: fixed.map((f) => ({ code: f.code, amount: f.value })), base: base.map((b) => ({ code: b.code, amount: b.value })), unit };
}

/** The output rows, made one at a time while they are written. */
function* outputRows(rows: readonly ApportionedRow[], unit: Unit): Generator<[string, string]> {
  for (const row of rows) yield [row.code, centsToPlain(row.amount, unit)];
}

/** An amount as written (`1234.56`, or `1234` in whole euros) in Dutch money notation, for a terminal. */
function euroText(plain: string, unit: Unit): string {
  const m = /^(-?)(\d+)(?:\.(\d{2}))?$/.exec(plain);
  if (!m) return plain;
  const cents = BigInt(m[2]!) * 100n + BigInt(m[3] ?? '0');
  return formatEuro(m[1] ? -cents : cents, unit === 'euro' ? 'auto' : 'always');
}

export const apportionCommand: Command = {
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('apportion', argv, {
      total: { type: 'string' },
      weights: { type: 'string' },
      fixed: { type: 'string' },
      base: { type: 'string' },
      unit: { type: 'string' },
      ...TABLE_OPTIONS,
    });
    if (values.help) return ctx.io.out(`${gebruik()}\n`);
    const unit = (values.unit ?? 'euro') as Unit;
    if (unit !== 'euro' && unit !== 'cent') throw new InputError(`--unit: "${values.unit}" is geen eenheid; kies euro of cent`);
    const unitCents = unit === 'euro' ? 100n : 1n;
    const total = parseTotal(required(values.total, '--total', 'apportion'), unitCents);
    const weightsFile = required(values.weights, '--weights', 'apportion');
    const out = parseFormat(values.format, values.excel);
    checkStdinOnce({ '--weights': weightsFile, '--fixed': values.fixed, '--base': values.base });

    // The input is only referenced by the call: its rows can go while the result is written.
    const r = apportion(readInput({ weights: weightsFile, fixed: values.fixed, base: values.base }, total, unit, unitCents));
    if (!r.ok) throw new InputError(r.fouten.map((f) => `apportion: ${f}`));
    writeTable(
      ctx.io,
      ['code', 'amount'],
      outputRows(r.rows, unit),
      { ...out, numeric: [false, true], tekst: textLayout(ctx.io, values), display: (row) => [row[0] ?? '', row[1] == null ? '' : euroText(row[1], unit)] },
    );
  },
};
