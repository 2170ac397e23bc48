import { Decimal, apportion, centsToPlain, formatEuro, readNumber, type ApportionInput, type ApportionedRow, type Unit } from '@kansrijke-start/core';
import { TABLE_OPTIONS, parseCommandArgs, parseFormat, required } from '../args.js';
import { readFixed, readWeights, type CodeValue } from '@kansrijke-start/core';
import { InputError } from '../errors.js';
import { MAX_BYTES, checkStdinOnce, fileName, readTextFile } from '../io.js';
import { writeTable } from '../output.js';
import type { Command } from './types.js';

const gebruik = (): string => `Gebruik: ks-budget apportion --total BEDRAG --weights BESTAND [--fixed BESTAND]
                           [--unit euro|cent] [--format csv|json] [--excel]

Verdeelt een totaalbedrag naar gewicht, exact: de bedragen tellen precies op tot het totaal.
Eerst krijgt iedereen zijn aandeel naar beneden afgerond; wat overblijft gaat één eenheid per
ontvanger naar de grootste resten (methode van de grootste overschotten; bij gelijke rest de
laagste code eerst). Een gewicht van 0 krijgt 0.

Het gewichtenbestand is een CSV met een kopregel en de kolommen code en weight (andere
kolommen worden overgeslagen), gescheiden door komma's of puntkomma's; met puntkomma's mag
een decimale komma. Het bestand met vaste bedragen heeft de kolommen code en amount (euro);
die bedragen gaan eerst van het totaal af en komen bij het aandeel van die code.
Gebruik - als bestandsnaam om van standaardinvoer te lezen (voor één van beide bestanden).
Een code bestaat alleen uit Latijnse letters, cijfers en de tekens - _ . /. Een bestand is
hoogstens ${MAX_BYTES.csv / 1_000_000} MB.

Uitvoer: code,amount, één regel per regel van het gewichtenbestand, in dezelfde volgorde.

Opties:
  --total BEDRAG        het totaal in euro, met een punt als decimaalteken (1000000 of 1000000.50)
  --weights BESTAND     de gewichten (CSV)
  --fixed BESTAND       vaste bedragen (CSV), gaan eerst van het totaal af
  --unit euro|cent      afronden op hele euro's (standaard) of hele centen
  --format csv|json     uitvoervorm (standaard csv)
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

function checkFixed(fixed: readonly CodeValue[], weights: readonly { code: string }[], files: { weights: string; fixed: string }, unitCents: bigint, total: string): void {
  const codes = new Set(weights.map((w) => w.code));
  const fouten: string[] = [];
  let sum = 0n;
  for (const f of fixed) {
    if (!codes.has(f.code)) fouten.push(`${files.fixed}, regel ${f.line}, kolom code: "${f.code}" staat niet in ${files.weights}`);
    const cents = toCents(f.value)!; // readFixed allows at most 2 decimals
    if (cents % unitCents !== 0n) {
      fouten.push(`${files.fixed}, regel ${f.line}, kolom amount: ${f.value} is geen heel aantal euro; geef hele euro's of gebruik --unit cent`);
    }
    sum += cents;
  }
  if (fouten.length > 0) throw new InputError(fouten);
  const totalCents = toCents(total)!;
  if (sum > totalCents) {
    throw new InputError(`${files.fixed}: de vaste bedragen zijn samen ${formatEuro(sum, 'auto')}, meer dan het totaal van ${formatEuro(totalCents, 'auto')}`);
  }
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

/** What `apportion` divides: read and checked; every input problem is thrown as an InputError. */
function readInput(files: { weights: string; fixed: string | undefined }, total: string, unit: Unit, unitCents: bigint): ApportionInput {
  const weights = readWeightsInput(files.weights);
  let fixed: CodeValue[] = [];
  if (files.fixed !== undefined) {
    const f = readFixed(readTextFile(files.fixed, 'csv'), fileName(files.fixed));
    if (!f.ok) throw new InputError(f.fouten);
    fixed = f.rows;
    checkFixed(fixed, weights, { weights: fileName(files.weights), fixed: fileName(files.fixed) }, unitCents, total);
  }
  const rest = new Decimal(total).minus(fixed.reduce((s, f) => s.plus(f.value), new Decimal(0)));
  // A weight is canonical decimal text: it is 0 when it has no digit 1-9.
  if (!rest.isZero() && !weights.some((w) => /[1-9]/.test(w.weight))) {
    throw new InputError(`${fileName(files.weights)}: alle gewichten zijn 0; er is niets om ${formatEuro(BigInt(rest.times(100).toFixed(0)), 'auto')} naar te verdelen`);
  }
  return { total, weights, fixed: fixed.map((f) => ({ code: f.code, amount: f.value })), unit };
}

/** The output rows, made one at a time while they are written. */
function* outputRows(rows: readonly ApportionedRow[], unit: Unit): Generator<[string, string]> {
  for (const row of rows) yield [row.code, centsToPlain(row.amount, unit)];
}

export const apportionCommand: Command = {
  naam: 'apportion',
  kort: 'verdeel een totaal exact naar gewicht (algemeen hulpmiddel)',
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('apportion', argv, {
      total: { type: 'string' },
      weights: { type: 'string' },
      fixed: { type: 'string' },
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
    checkStdinOnce({ '--weights': weightsFile, '--fixed': values.fixed });

    // The input is only referenced by the call: its rows can go while the result is written.
    const r = apportion(readInput({ weights: weightsFile, fixed: values.fixed }, total, unit, unitCents));
    if (!r.ok) throw new InputError(r.fouten.map((f) => `apportion: ${f}`));
    writeTable(
      ctx.io,
      ['code', 'amount'],
      outputRows(r.rows, unit),
      { ...out, numeric: [false, true] },
    );
  },
};
