import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '@kansrijke-start/core';
import { STACK, cents, files, ksBudget } from './run.js';

/** The code,amount rows of plain CSV output. */
function rows(stdout: string): [string, string][] {
  const r = parseCsv(stdout, { bestand: 'stdout' });
  if (!r.ok) throw new Error(r.fouten.join('\n'));
  expect(r.header).toEqual(['code', 'amount']);
  return r.rows.map((x) => [x.cells[0]!, x.cells[1]!]);
}

function expectInputError(r: { status: number | null; stdout: string; stderr: string }, ...patterns: (string | RegExp)[]) {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK);
  for (const p of patterns) expect(r.stderr).toMatch(p);
}

describe('ks-budget apportion', () => {
  it('divides 1000 over three equal weights exactly, in input order (ties: lowest code)', () => {
    const f = files({ 'gewichten.csv': 'code,weight,naam\nGM0599,1,Rotterdam\nGM0014,1,Groningen\nGM0363,1,Amsterdam\n' });
    const r = ksBudget(['apportion', '--total', '1000', '--weights', f['gewichten.csv']!]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('code,amount\nGM0599,333\nGM0014,334\nGM0363,333\n');
  });

  it('rounds to cents with --unit cent', () => {
    const f = files({ 'g.csv': 'code,weight\nb,1\na,1\nc,1\n' });
    const r = ksBudget(['apportion', '--total', '100', '--weights', f['g.csv']!, '--unit', 'cent']);
    expect(r.stdout).toBe('code,amount\nb,33.33\na,33.34\nc,33.33\n');
  });

  it('accepts ; with a decimal comma, a BOM and CRLF (a file saved by Dutch Excel)', () => {
    const f = files({ 'g.csv': '\uFEFFnaam;code;weight\r\nEen;A;2,5\r\nTwee;B;1,25\r\nNul;C;0\r\n' });
    const r = ksBudget(['apportion', '--total', '100.01', '--weights', f['g.csv']!, '--unit', 'cent']);
    expect(r.status).toBe(0);
    expect(rows(r.stdout)).toEqual([
      ['A', '66.67'],
      ['B', '33.34'],
      ['C', '0.00'],
    ]);
  });

  it('gives a code in the fixed file exactly its fixed amount and no weighted share', () => {
    const f = files({ 'g.csv': 'code,weight\nA,1\nB,1\nC,2\n', 'vast.csv': 'code,amount\nC,100\n' });
    const r = ksBudget(['apportion', '--total', '500', '--weights', f['g.csv']!, '--fixed', f['vast.csv']!]);
    expect(rows(r.stdout)).toEqual([
      ['A', '200'],
      ['B', '200'],
      ['C', '100'],
    ]);
  });

  it('adds a base amount on top of the weighted share of the rest (--base)', () => {
    const f = files({ 'g.csv': 'code,weight\nA,1\nB,1\nC,2\n', 'basis.csv': 'code,amount\nC,100\n' });
    const r = ksBudget(['apportion', '--total', '500', '--weights', f['g.csv']!, '--base', f['basis.csv']!]);
    expect(rows(r.stdout)).toEqual([
      ['A', '100'],
      ['B', '100'],
      ['C', '300'],
    ]);
  });

  it('refuses a code with both a fixed and a base amount, naming the file and line', () => {
    const f = files({ 'g.csv': 'code,weight\nA,1\nB,1\n', 'vast.csv': 'code,amount\nA,1\n', 'basis.csv': 'code,amount\nB,1\nA,2\n' });
    const r = ksBudget(['apportion', '--total', '10', '--weights', f['g.csv']!, '--fixed', f['vast.csv']!, '--base', f['basis.csv']!]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f['basis.csv']}, regel 3, kolom code: "A" heeft ook een vast bedrag in ${f['vast.csv']}`);
  });

  it('writes JSON with amounts as strings', () => {
    const f = files({ 'g.csv': 'code,weight\nA,1\nB,2\n' });
    const r = ksBudget(['apportion', '--total', '10', '--weights', f['g.csv']!, '--format', 'json']);
    expect(JSON.parse(r.stdout)).toEqual([
      { code: 'A', amount: '3' },
      { code: 'B', amount: '7' },
    ]);
  });

  it('reads the weights from standard input with -', () => {
    const r = ksBudget(['apportion', '--total', '10', '--weights', '-'], { input: 'code,weight\nA,1\nB,1\n' });
    expect(r.stdout).toBe('code,amount\nA,5\nB,5\n');
  });

  it('the amounts always add up exactly to the total, and keep the input order', () => {
    fc.assert(
      fc.property(
        // Codes that start with "gm" are read as municipality codes (and must then be GM + 4 digits), so none here.
        fc.uniqueArray(
          fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/).filter((c) => !c.startsWith('gm')),
          { minLength: 1, maxLength: 30 },
        ),
        fc.array(fc.stringMatching(/^\d{1,4}(\.\d{1,3})?$/), { minLength: 30, maxLength: 30 }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.boolean(),
        (codes, weights, totalCents, semicolon) => {
          const ws = codes.map((_, i) => weights[i]!);
          fc.pre(ws.some((w) => /[1-9]/.test(w)));
          const sep = semicolon ? ';' : ',';
          const text = [`code${sep}weight`, ...codes.map((c, i) => `${c}${sep}${semicolon ? ws[i]!.replace('.', ',') : ws[i]}`)].join('\n');
          const f = files({ 'g.csv': text });
          const total = `${totalCents / 100n}.${(totalCents % 100n).toString().padStart(2, '0')}`;
          const r = ksBudget(['apportion', '--total', total, '--weights', f['g.csv']!, '--unit', 'cent']);
          expect(r.stderr).toBe('');
          const out = rows(r.stdout);
          expect(out.map(([c]) => c)).toEqual(codes);
          expect(out.reduce((s, [, a]) => s + cents(a), 0n)).toBe(totalCents);
          ws.forEach((w, i) => {
            if (!/[1-9]/.test(w)) expect(out[i]![1]).toBe('0.00');
          });
        },
      ),
      { numRuns: 12 },
    );
  });

  it('handles 50 000 rows exactly', () => {
    const n = 50_000;
    const text = ['code,weight', ...Array.from({ length: n }, (_, i) => `R${i},${(i * 7919) % 1000}.${i % 10}`)].join('\n');
    const f = files({ 'groot.csv': text });
    const r = ksBudget(['apportion', '--total', '123456789.01', '--weights', f['groot.csv']!, '--unit', 'cent']);
    expect(r.status).toBe(0);
    const out = rows(r.stdout);
    expect(out.length).toBe(n);
    expect(out[0]![0]).toBe('R0');
    expect(out.at(-1)![0]).toBe(`R${n - 1}`);
    expect(out.reduce((s, [, a]) => s + cents(a), 0n)).toBe(12345678901n);
  });

  describe('input errors: a Dutch message naming file, line and column, exit code 2, no stack trace', () => {
    it('a negative weight', () => {
      const f = files({ 'gewichten.csv': 'code,weight\nA,1\nB,-2\n' });
      const r = ksBudget(['apportion', '--total', '10', '--weights', f['gewichten.csv']!]);
      expectInputError(r, `${f['gewichten.csv']}, regel 3, kolom weight: "-2" is negatief`);
    });

    it('a non-numeric weight, a duplicate and a malformed code, all at once', () => {
      const f = files({ 'g.csv': 'code,weight\nGM0363,1\nGM0363,2\nGM363,1\nX,twee\n' });
      const r = ksBudget(['apportion', '--total', '10', '--weights', f['g.csv']!]);
      expectInputError(
        r,
        `${f['g.csv']}, regel 3, kolom code: "GM0363" komt twee keer voor (ook op regel 2)`,
        `${f['g.csv']}, regel 4, kolom code: "GM363" is geen geldige gemeentecode`,
        `${f['g.csv']}, regel 5, kolom weight: "twee" is geen getal`,
      );
    });

    it('a decimal comma in a comma-separated file', () => {
      const f = files({ 'g.csv': 'code,weight\nA,"2,5"\n' });
      expectInputError(ksBudget(['apportion', '--total', '10', '--weights', f['g.csv']!]), /regel 2, kolom weight: "2,5" heeft een decimale komma/);
    });

    it('a ragged row, a missing column, an empty file', () => {
      const f = files({ 'a.csv': 'code,weight\nA,1,3\n', 'b.csv': 'code,gewicht\nA,1\n', 'c.csv': '' });
      expectInputError(ksBudget(['apportion', '--total', '1', '--weights', f['a.csv']!]), `${f['a.csv']}, regel 2: 3 kolommen in plaats van 2`);
      expectInputError(ksBudget(['apportion', '--total', '1', '--weights', f['b.csv']!]), `${f['b.csv']}, regel 1: kolom "weight" ontbreekt`);
      expectInputError(ksBudget(['apportion', '--total', '1', '--weights', f['c.csv']!]), `${f['c.csv']}: het bestand is leeg`);
    });

    it('a missing file, a file that is not UTF-8', () => {
      const f = files({ 'latin1.csv': Uint8Array.from([...Buffer.from('code,weight\nM'), 0xfc, ...Buffer.from('nster,1\n')]) });
      expectInputError(ksBudget(['apportion', '--total', '1', '--weights', '/geen/map/gewichten.csv']), '/geen/map/gewichten.csv: bestand niet gevonden');
      expectInputError(ksBudget(['apportion', '--total', '1', '--weights', f['latin1.csv']!]), `${f['latin1.csv']}, regel 2: het bestand is geen UTF-8-tekst`);
    });

    it('fixed amounts: unknown code, not whole euros, more than the total', () => {
      const f = files({ 'g.csv': 'code,weight\nA,1\n', 'v1.csv': 'code,amount\nB,1\n', 'v2.csv': 'code,amount\nA,1.50\n', 'v3.csv': 'code,amount\nA,11\n' });
      const base = ['apportion', '--total', '10', '--weights', f['g.csv']!, '--fixed'];
      expectInputError(ksBudget([...base, f['v1.csv']!]), `${f['v1.csv']}, regel 2, kolom code: "B" staat niet in ${f['g.csv']}`);
      expectInputError(ksBudget([...base, f['v2.csv']!]), `${f['v2.csv']}, regel 2, kolom amount: 1.50 is geen heel aantal euro`);
      expectInputError(ksBudget([...base, f['v3.csv']!]), `${f['v3.csv']}: de vaste bedragen zijn samen € 11, meer dan het totaal van € 10`);
    });

    it('bad options', () => {
      const f = files({ 'g.csv': 'code,weight\nA,1\n', 'z.csv': 'code,weight\nA,0\n' });
      expectInputError(ksBudget(['apportion', '--weights', f['g.csv']!]), 'optie --total ontbreekt');
      expectInputError(ksBudget(['apportion', '--total', '10,5', '--weights', f['g.csv']!]), '--total: "10,5" heeft een decimale komma');
      expectInputError(ksBudget(['apportion', '--total', '10.5', '--weights', f['g.csv']!]), '--total: 10.5 is geen heel aantal euro');
      expectInputError(ksBudget(['apportion', '--total=-1', '--weights', f['g.csv']!]), '--total: "-1" is negatief');
      expectInputError(ksBudget(['apportion', '--total', '1', '--weights', f['g.csv']!, '--unit', 'dollar']), '--unit: "dollar" is geen eenheid');
      expectInputError(ksBudget(['apportion', '--total', '1', '--weights', f['g.csv']!, '--foo']), 'onbekende optie --foo');
      expectInputError(ksBudget(['apportion', '--total', '1', '--weights', f['z.csv']!]), `${f['z.csv']}: alle gewichten zijn 0`);
      const v = files({ 'g.csv': 'code,weight\nA,0\nB,1\n', 'vast.csv': 'code,amount\nB,1\n' });
      expectInputError(ksBudget(['apportion', '--total', '5', '--weights', v['g.csv']!, '--fixed', v['vast.csv']!]), `${v['g.csv']}: alle gewichten van de codes zonder vast bedrag zijn 0; er is niets om € 4 naar te verdelen`);
    });
  });
});
