import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baselineData, emptyScenario, allocateScenario, allocationTable, formatEuro, type Table } from '@kansrijke-start/core';
import { displayCell, layoutTable, processErrTerminal, processTerminal, tableText, textLayout, textTableOf, wrapText, type TextTable } from './terminal.js';

const len = (s: string) => [...s].length;
const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** Every line fits, or is one word (that cannot be broken; an amount `€ 1.234` is one) after its indentation. */
function expectFits(text: string, width: number): void {
  for (const line of text.split('\n')) {
    if (len(line) > width) expect(words(line.trim().replace(/^([-+]?€) /, '$1')).length, `line longer than ${width}: "${line}"`).toBe(1);
  }
}

const word = fc.stringMatching(/^[a-zA-Z€.,0-9-]{1,12}$/);
const sentence = fc.array(word, { minLength: 0, maxLength: 30 }).map((ws) => ws.join(' '));

describe('wrapText', () => {
  it('property: no line is longer than the width unless it is one word, and no word is lost, broken or reordered', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('', '  ', '   ', '1. ', '  - '), sentence), { maxLength: 6 }), fc.integer({ min: 10, max: 100 }), (paras, width) => {
        const text = paras.map(([indent, s]) => indent + s).join('\n');
        const out = wrapText(text, width);
        expectFits(out, width);
        expect(words(out)).toEqual(words(text));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps short lines as they are and indents continuation lines like the line (and its list marker)', () => {
    expect(wrapText('kort\n  ook kort', 20)).toBe('kort\n  ook kort');
    expect(wrapText('   2027: basis € 1.000; scenario € 2.000', 20)).toBe('   2027: basis\n   € 1.000; scenario\n   € 2.000');
    expect(wrapText('1. bedrag, Nu Niet Zwanger, vanaf 2027', 20)).toBe('1. bedrag, Nu Niet\n   Zwanger, vanaf\n   2027');
    expect(wrapText('een-heel-lang-woord-zonder-spaties en meer', 10)).toBe('een-heel-lang-woord-zonder-spaties\nen meer');
  });
});

const cell = fc.oneof(word, sentence, fc.constant(''));
const textTable: fc.Arbitrary<TextTable> = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    koppen: fc.array(sentence.filter((s) => s !== ''), { minLength: n, maxLength: n }),
    rechts: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    rijen: fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 8 }),
  }),
);

describe('layoutTable', () => {
  it('property: with words shorter than a third of the width no line is longer than the width, none ends in a space, and every cell\'s words are there', () => {
    fc.assert(
      fc.property(textTable, fc.integer({ min: 45, max: 160 }), (t, width) => {
        const out = layoutTable(t, width);
        for (const line of out.split('\n')) {
          expect(len(line)).toBeLessThanOrEqual(width);
          expect(line).toBe(line.trimEnd());
        }
        const all = words(out);
        for (const w of [...t.koppen, ...t.rijen.flat()].flatMap(words)) expect(all).toContain(w);
      }),
      { numRuns: 300 },
    );
  });

  it('measures a cell as the terminal shows it: a control character is made visible before the layout', () => {
    const out = layoutTable({ koppen: ['Naam', 'Bedrag'], rechts: [false, true], rijen: [['a\u001bb', '€ 1'], ['abcdefgh', '€ 22']] }, 80);
    expect(out).not.toContain('\u001b');
    const lines = out.trimEnd().split('\n');
    // `a\u001bb` is 8 characters on the screen, as wide as `abcdefgh`.
    expect(lines[2]).toBe(`a\\u001bb  ${'€ 1'.padStart(6)}`);
    expect(new Set(lines.slice(2).map(len)).size).toBe(1);
  });

  it('a word longer than the width stays whole: only its line is longer', () => {
    const long = 'x'.repeat(50);
    const out = layoutTable({ koppen: ['Naam', 'Bedrag'], rechts: [false, true], rijen: [[`${long} en meer woorden hier`, '€ 1']] }, 30);
    for (const line of out.split('\n')) if (len(line) > 30) expect(line).toContain(long);
    expect(out).toContain(long);
  });

  it('aligns: numbers end in the same column, text starts in the same column, with a line of dashes under the header', () => {
    const t: TextTable = {
      koppen: ['Gemeente', 'Bedrag'],
      rechts: [false, true],
      rijen: [
        ['Amsterdam', '€ 1.234.567'],
        ['Ede', '€ 5'],
        ['Utrecht', '-€ 12,50'],
      ],
    };
    const lines = layoutTable(t, 80).trimEnd().split('\n');
    expect(lines[1]).toBe('---------  -----------');
    const ends = lines.map((l) => len(l));
    expect(new Set(ends)).toEqual(new Set([ends[0]]));
    expect(lines.slice(2).map((l) => l.slice(0, 9).trimEnd())).toEqual(['Amsterdam', 'Ede', 'Utrecht']);
    expect(lines[3]).toBe(`Ede${' '.repeat(16)}€ 5`);
  });

  it('wraps a text column to make the table fit, and falls back to a block per row when even that does not fit', () => {
    const t: TextTable = { koppen: ['Naam', 'Bedrag'], rechts: [false, true], rijen: [['een lange naam van een gemeente', '€ 1.000.000']] };
    const narrow = layoutTable(t, 25);
    expectFits(narrow, 25);
    expect(narrow.split('\n').length).toBeGreaterThan(3);
    const tight = layoutTable({ ...t, rijen: [['zeerlangewoordzonderspaties', '€ 1.000.000']] }, 20);
    expect(tight).toContain('Bedrag');
    expect(tight.split('\n').some((l) => l.startsWith('Naam'))).toBe(true);
  });

  it('writes a core table with the core formatting: euro, counts and years, empty stays empty', () => {
    const data = baselineData();
    const out = allocateScenario(data, emptyScenario());
    if (!out.ok) throw new Error('basis');
    const table = allocationTable(out.allocation, { van: 2027, tot: 2027 });
    const tt = textTableOf(table);
    expect(tt.koppen).toEqual(table.kolommen.map((c) => c.kop));
    table.rijen.forEach((r, i) =>
      table.kolommen.forEach((c, k) => {
        const v = r[k] ?? null;
        if (c.soort === 'euro') expect(tt.rijen[i]![k]).toBe(v === null ? '' : formatEuro(v as bigint, table.eenheid === 'euro' ? 'auto' : 'always'));
        else expect(tt.rijen[i]![k]).toBe(displayCell(table, c, v));
      }),
    );
    expect(displayCell(table, { id: 'x', kop: 'x', soort: 'getal' }, '-1234.125')).toBe('-1.234,125');
    expect(displayCell(table, { id: 'x', kop: 'x', soort: 'aantal' }, 374238n)).toBe('374.238');
  });
});

describe('tableText', () => {
  const table: Table = {
    naam: 't',
    eenheid: 'euro',
    kolommen: [
      { id: 'jaar', kop: 'Jaar', soort: 'jaar' },
      { id: 'naam', kop: 'Ontvanger', soort: 'tekst' },
      { id: 'leeg', kop: 'Mandaatgemeente', soort: 'tekst' },
      { id: 'bedrag', kop: 'Bedrag (euro)', soort: 'euro' },
    ],
    rijen: [
      [2027, 'Utrecht', null, 12345600n],
      [2027, 'Ede', null, null],
    ],
  };

  it('says a column that is the same (or empty) in every row once, above the table, instead of in every row', () => {
    const out = tableText(table, 80);
    expect(out).toBe(
      ['In alle regels: Jaar: 2027.', 'Zonder waarde in alle regels: Mandaatgemeente.', '', 'Ontvanger  Bedrag (euro)', '---------  -------------', `${'Utrecht'.padEnd(9)}  ${'€ 123.456'.padStart(13)}`, 'Ede', ''].join('\n'),
    );
  });

  it('keeps every column of a single row, and of a table without such columns', () => {
    const one = tableText({ ...table, rijen: [table.rijen[0]!] }, 80);
    expect(one).toContain('Jaar');
    expect(one).not.toContain('In alle regels');
    expect(one).toContain('Mandaatgemeente');
  });
});

describe('terminal detection', () => {
  it('KS_BUDGET_TTY forces or forbids a terminal; the width comes from KS_BUDGET_COLUMNS, the terminal, or 80', () => {
    expect(processTerminal({ isTTY: false }, {})).toBeNull();
    expect(processTerminal({ isTTY: true, columns: 120 }, {})).toEqual({ columns: 120 });
    expect(processTerminal({ isTTY: true }, {})).toEqual({ columns: 80 });
    expect(processTerminal({ isTTY: false }, { KS_BUDGET_TTY: '1', KS_BUDGET_COLUMNS: '60' })).toEqual({ columns: 60 });
    expect(processTerminal({ isTTY: true, columns: 120 }, { KS_BUDGET_TTY: '0' })).toBeNull();
    expect(processErrTerminal({ isTTY: false }, { KS_BUDGET_STDERR_TTY: '1' })).toBe(true);
    expect(processErrTerminal({ isTTY: true }, { KS_BUDGET_STDERR_TTY: '0' })).toBe(false);
  });

  it('lays out only on a terminal without --format, --excel or --metadata', () => {
    const io = { out: () => {}, err: () => {}, terminal: { columns: 80 } };
    expect(textLayout(io, {})).toEqual({ columns: 80 });
    expect(textLayout(io, { format: 'csv' })).toBeNull();
    expect(textLayout(io, { excel: true })).toBeNull();
    expect(textLayout(io, { metadata: 'x.json' })).toBeNull();
    expect(textLayout({ out: () => {}, err: () => {} }, {})).toBeNull();
  });
});
