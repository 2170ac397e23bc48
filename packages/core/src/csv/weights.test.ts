import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BaselineData, Merger, Municipality } from '../data/types.js';
import { readFixed, readKeyTable, readWeights } from './weights.js';
import { writeCsv } from './write.js';

describe('readWeights', () => {
  it('reads code and weight by name, in any order, ignoring other columns, keeping input order', () => {
    const r = readWeights('naam,weight,code\nAmsterdam,2,GM0363\nRegio Twente,0.5,twente\nGroningen,0,GM0014\n', 'g.csv');
    expect(r.ok && r.rows).toEqual([
      { code: 'GM0363', value: '2', line: 2 },
      { code: 'twente', value: '0.5', line: 3 },
      { code: 'GM0014', value: '0', line: 4 },
    ]);
  });

  it('accepts ; with a decimal comma (Excel-NL), and a BOM and CRLF', () => {
    const r = readWeights('\uFEFFCode;Weight\r\nGM0363;2,5\r\nGM0014;1\r\n', 'g.csv');
    expect(r.ok && r.rows.map((x) => x.value)).toEqual(['2.5', '1']);
    expect(r.ok && r.separator).toBe(';');
  });

  it('accepts what writeCsv writes in either variant', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/), fc.stringMatching(/^\d{1,7}(\.\d{1,4})?$/)), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.boolean(),
        (pairs, excel) => {
          const unique = [...new Map(pairs.filter(([c]) => !/^gm/i.test(c)).map((p) => [p[0], p])).values()];
          fc.pre(unique.length > 0);
          const r = readWeights(writeCsv(['code', 'weight'], unique, { excel }), 'g.csv');
          expect(r.ok && r.rows.map((x) => [x.code, x.value])).toEqual(unique);
        },
      ),
    );
  });

  const errors = (text: string) => {
    const r = readWeights(text, 'gewichten.csv');
    return r.ok ? [] : r.fouten;
  };

  it('names file, line and column for each bad cell', () => {
    expect(errors('code,weight\nGM0363,1\nGM0014,-2\n')).toEqual([
      'gewichten.csv, regel 3, kolom weight: "-2" is negatief; verwacht een gewicht van 0 of meer',
    ]);
    expect(errors('code,weight\nA,abc\nB,\n,1\nGM363,1\nA,1\nX Y,1\n')).toEqual([
      'gewichten.csv, regel 2, kolom weight: "abc" is geen getal; verwacht een gewicht van 0 of meer, zoals 1234.5',
      'gewichten.csv, regel 3, kolom weight: is leeg; verwacht een gewicht van 0 of meer',
      'gewichten.csv, regel 4, kolom code: de code is leeg',
      'gewichten.csv, regel 5, kolom code: "GM363" is geen geldige gemeentecode (vorm: GM gevolgd door 4 cijfers, zoals GM0363)',
      'gewichten.csv, regel 6, kolom code: "A" komt twee keer voor (ook op regel 2)',
      'gewichten.csv, regel 7, kolom code: "X Y" bevat een spatie; een code is één woord',
    ]);
  });

  it('reads a , file in machine notation: a decimal point, no thousands separators', () => {
    expect(errors('code,weight\nA,"2,5"\nB,"1,234,567"\nC,1e3\n')).toEqual([
      'gewichten.csv, regel 2, kolom weight: "2,5" heeft een decimale komma; hier is de punt het decimaalteken: schrijf 2.5',
      'gewichten.csv, regel 3, kolom weight: "1,234,567" heeft een scheidingsteken voor duizendtallen; schrijf het getal zonder, met een punt als decimaalteken (zoals 1234567.89)',
      'gewichten.csv, regel 4, kolom weight: "1e3" is geen getal; verwacht een gewicht van 0 of meer, zoals 1234.5',
    ]);
    const r = readWeights('code,weight\nA,1.234\n', 'g.csv');
    expect(r.ok && r.rows.map((x) => x.value)).toEqual(['1.234']);
  });

  it('reads a ; file in Dutch notation, the one rule for numbers people write: 1.234 is 1234, 1.234,5 is 1234.5, 1 234 is 1234', () => {
    const r = readWeights('code;weight\nA;2,5\nB;1.234\nC;1.234,5\nD;1 234\nE;6.000.000\n', 'g.csv');
    expect(r.ok && r.rows.map((x) => x.value)).toEqual(['2.5', '1234', '1234.5', '1234', '6000000']);
    expect(errors('code;weight\nA;2.5\nB;1e3\nC;-0,5\nD;1.23.4\n')).toEqual([
      'gewichten.csv, regel 2, kolom weight: "2.5": de komma is het decimaalteken; schrijf 2,5 (een punt scheidt alleen duizendtallen, zoals in 1.234)',
      'gewichten.csv, regel 3, kolom weight: "1e3" is geen getal; verwacht een gewicht van 0 of meer, zoals 1.234,5',
      'gewichten.csv, regel 4, kolom weight: "-0,5" is negatief; verwacht een gewicht van 0 of meer',
      'gewichten.csv, regel 5, kolom weight: "1.23.4" is geen getal; verwacht een gewicht van 0 of meer, zoals 1.234,5',
    ]);
  });

  it('reports missing or doubled columns and an empty table', () => {
    expect(errors('code,gewicht\nA,1\n')).toEqual(['gewichten.csv, regel 1: kolom "weight" ontbreekt in de kopregel (gevonden: "code", "gewicht")']);
    expect(errors('code,weight,Code\nA,1,B\n')).toEqual(['gewichten.csv, regel 1: kolom "code" staat meer dan eens in de kopregel ("code", "Code")']);
    expect(errors('code,weight\n')).toEqual(['gewichten.csv: er staan geen regels onder de kopregel']);
    expect(errors('')[0]).toMatch(/^gewichten\.csv: het bestand is leeg/);
  });
});

describe('readFixed', () => {
  it('reads code and amount', () => {
    const r = readFixed('code;amount\nGM0363;1000,50\n', 'vast.csv');
    expect(r.ok && r.rows).toEqual([{ code: 'GM0363', value: '1000.50', line: 2 }]);
  });
  it('rejects fractions of a cent, negative amounts and a missing column', () => {
    const r = readFixed('code,amount\nA,1.005\nB,-1\n', 'vast.csv');
    expect(!r.ok && r.fouten).toEqual([
      'vast.csv, regel 2, kolom amount: 1.005 heeft meer dan 2 decimalen; een bedrag is in hele centen',
      'vast.csv, regel 3, kolom amount: "-1" is negatief; verwacht een bedrag van 0 of meer',
    ]);
    const r3 = readFixed('code,weight\nA,1\n', 'vast.csv');
    expect(!r3.ok && r3.fouten[0]).toContain('kolom "amount" ontbreekt');
  });
});

// A small stand-in for the baseline data: only what readKeyTable uses.
const gm = (code: string, naam: string): Municipality => ({ code, naam, naamCbs: naam, provincieCode: 'PV20', provincie: 'Groningen' });
const merger = (datum: string, oudeCode: string, oudeNaam: string, nieuweCode: string, nieuweNaam: string): Merger => ({
  datum,
  oudeCode,
  oudeNaam,
  nieuweCode,
  nieuweNaam,
  type: 'samenvoeging',
  bron: 'test',
});
const data = {
  gemeenten: [gm('GM0014', 'Groningen'), gm('GM1966', 'Het Hogeland'), gm('GM1969', 'Westerkwartier'), gm('GM0757', 'Boxtel'), gm('GM0824', 'Oisterwijk'), gm('GM1992', 'Voorne aan Zee')],
  herindelingen: [
    merger('2019-01-01', 'GM0014', 'Groningen', 'GM0014', 'Groningen'),
    merger('2019-01-01', 'GM0017', 'Haren', 'GM0014', 'Groningen'),
    merger('2019-01-01', 'GM0053', 'Winsum (grootste deel)', 'GM1966', 'Het Hogeland'),
    merger('2019-01-01', 'GM0053', 'Winsum (Ezinge, Feerwerd, Garnwerd)', 'GM1969', 'Westerkwartier'),
    merger('2021-01-01', 'GM0788', 'Haaren', 'GM0757', 'Boxtel'),
    merger('2021-01-01', 'GM0788', 'Haaren', 'GM0824', 'Oisterwijk'),
    // A chain (invented): an old code whose successor merged again later.
    merger('2019-01-01', 'GM9001', 'Oud-A', 'GM9002', 'Tussen-B'),
    merger('2023-01-01', 'GM9002', 'Tussen-B', 'GM1992', 'Voorne aan Zee'),
  ],
  indeling: { van: 2023, tot: 2026, naam: 'indeling 2023-2026' },
} as unknown as BaselineData;

describe('readKeyTable', () => {
  it('reads gemeentecode/waarde, in the order of the municipality list, and notes absent municipalities', () => {
    const r = readKeyTable('gemeentecode;waarde\nGM1966;2,5\nGM0014;10\n', 'sleutel.csv', data);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.waarden).toEqual([
      { code: 'GM0014', waarde: '10' },
      { code: 'GM1966', waarde: '2.5' },
    ]);
    expect(r.meldingen).toEqual([
      '4 gemeenten staan niet in sleutel.csv en krijgen 0: Westerkwartier (GM1969), Boxtel (GM0757), Oisterwijk (GM0824), Voorne aan Zee (GM1992).',
    ]);
  });

  it('accepts code with weight or gewicht', () => {
    const r = readKeyTable('code,gewicht\nGM0014,1\n', 'k.csv', data);
    expect(r.ok && r.waarden).toEqual([{ code: 'GM0014', waarde: '1' }]);
  });

  it('maps a former municipality onto its successor and sums, exactly', () => {
    const r = readKeyTable('gemeentecode,waarde\nGM0014,0.1\nGM0017,0.2\nGM9001,3\n', 'k.csv', data);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.waarden).toEqual([
      { code: 'GM0014', waarde: '0.3' },
      { code: 'GM1992', waarde: '3' },
    ]);
    expect(r.meldingen.slice(0, 3)).toEqual([
      'k.csv, regel 3: Haren (GM0017) is per 1 januari 2019 opgegaan in Groningen (GM0014); de waarde 0.2 telt mee bij Groningen.',
      'k.csv, regel 4: Oud-A (GM9001) is per 1 januari 2019 opgegaan in Voorne aan Zee (GM1992); de waarde 3 telt mee bij Voorne aan Zee.',
      'De waarden van GM0014, GM0017 zijn opgeteld voor Groningen (GM0014): 0.3.',
    ]);
  });

  it('refuses a split municipality and unknown codes', () => {
    const r = readKeyTable('gemeentecode,waarde\nGM0788,5\nGM0053,1\nGM9999,1\nAmsterdam,1\n', 'k.csv', data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fouten).toEqual([
      'k.csv, regel 2, kolom gemeentecode: Haaren (GM0788) is per 1 januari 2021 opgeheven en verdeeld over Boxtel (GM0757) en Oisterwijk (GM0824); de waarde kan niet vanzelf over deze gemeenten worden verdeeld. Verdeel haar zelf en gebruik hun codes.',
      'k.csv, regel 3, kolom gemeentecode: Winsum (GM0053) is per 1 januari 2019 opgeheven en verdeeld over Het Hogeland (GM1966) en Westerkwartier (GM1969); de waarde kan niet vanzelf over deze gemeenten worden verdeeld. Verdeel haar zelf en gebruik hun codes.',
      'k.csv, regel 4, kolom gemeentecode: "GM9999" is geen gemeente in de indeling 2023-2026 en ook geen gemeente die sinds 2019 is opgeheven',
      'k.csv, regel 5, kolom gemeentecode: "Amsterdam" is geen gemeentecode (vorm: GM gevolgd door 4 cijfers, zoals GM0363)',
    ]);
  });

  it('refuses a table of zeros and too many decimals', () => {
    const z = readKeyTable('gemeentecode,waarde\nGM0014,0\n', 'k.csv', data);
    expect(!z.ok && z.fouten).toEqual(['k.csv: alle waarden zijn 0; dan valt er niets naar te verdelen']);
    const d = readKeyTable('gemeentecode,waarde\nGM0014,0.1234567890123\n', 'k.csv', data);
    expect(!d.ok && d.fouten).toEqual(['k.csv, regel 2, kolom waarde: 0.1234567890123 heeft meer dan 12 decimalen']);
  });
});

describe('readKeyTable with the real baseline data', () => {
  it('maps Haren onto Groningen and refuses Haaren and Winsum', async () => {
    const { baselineData } = await import('../data/baseline.js');
    const real = baselineData();
    const ok = readKeyTable('gemeentecode;waarde\nGM0017;1\nGM0014;2\nGM0363;3\n', 'k.csv', real);
    expect(ok.ok && ok.waarden).toEqual([
      { code: 'GM0014', waarde: '3' },
      { code: 'GM0363', waarde: '3' },
    ]);
    expect(ok.ok && ok.meldingen.at(-1)).toMatch(/^340 gemeenten staan niet in k\.csv en krijgen 0: /);
    const bad = readKeyTable('gemeentecode;waarde\nGM0788;1\nGM0053;1\n', 'k.csv', real);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fouten[0]).toMatch(/^k\.csv, regel 2, kolom gemeentecode: Haaren \(GM0788\) is per 1 januari 2021 opgeheven en verdeeld over Boxtel \(GM0757\), Oisterwijk \(GM0824\), Tilburg \(GM0855\) en Vught \(GM0865\);/);
    expect(bad.fouten[1]).toMatch(/^k\.csv, regel 3, kolom gemeentecode: Winsum \(GM0053\) is per 1 januari 2019 opgeheven en verdeeld over Het Hogeland \(GM1966\) en Westerkwartier \(GM1969\);/);
  });
});

describe('codes that are not what they look like', () => {
  const errors = (text: string) => {
    const r = readWeights(text, 'g.csv');
    return r.ok ? [] : r.fouten;
  };
  const RULE = 'een code bestaat alleen uit Latijnse letters (A-Z, a-z), cijfers (0-9) en de tekens - _ . /';

  it('accepts ASCII letters, digits and - _ . /, and removes surrounding spaces and tabs', () => {
    const r = readWeights('code,weight\na-b_c.d/E9,1\n \tGM0363\t ,2\n', 'g.csv');
    expect(r.ok && r.rows.map((x) => x.code)).toEqual(['a-b_c.d/E9', 'GM0363']);
  });

  it('names a Cyrillic lookalike, a zero-width space and a non-breaking space with line, column, position and code point', () => {
    // С is U+0421 CYRILLIC CAPITAL LETTER ES; the text is built from code points, so nothing here is guessed.
    const cyrillic = `${String.fromCodePoint(0x421)}M0363`;
    const zeroWidth = `GM03${String.fromCodePoint(0x200b)}63`;
    const nbsp = `GM${String.fromCodePoint(0xa0)}0363`;
    expect(errors(`code,weight\n${cyrillic},1\n${zeroWidth},1\n${nbsp},1\nGM0014,1\n`)).toEqual([
      `g.csv, regel 2, kolom code: "<U+0421>M0363" bevat op positie 1 U+0421 (een Cyrillische letter die op een Latijnse lijkt); ${RULE}`,
      `g.csv, regel 3, kolom code: "GM03<U+200B>63" bevat op positie 5 U+200B (een teken zonder breedte); ${RULE}`,
      `g.csv, regel 4, kolom code: "GM<U+00A0>0363" bevat op positie 3 U+00A0 (een harde spatie); ${RULE}`,
    ]);
  });

  it('refuses a non-breaking or zero-width space at the end too (only spaces and tabs are trimmed)', () => {
    expect(errors(`code,weight\nA${String.fromCodePoint(0xa0)},1\nB${String.fromCodePoint(0xfeff)},1\n`)).toEqual([
      `g.csv, regel 2, kolom code: "A<U+00A0>" bevat op positie 2 U+00A0 (een harde spatie); ${RULE}`,
      `g.csv, regel 3, kolom code: "B<U+FEFF>" bevat op positie 2 U+FEFF (een teken zonder breedte); ${RULE}`,
    ]);
  });

  it('refuses control characters, accents, other signs and bidi controls, each by name', () => {
    const cases: [string, string][] = [
      ['A\u001b[31m', 'U+001B (een stuurteken)'],
      ['M\u00fcnster', 'U+00FC (een letter met een accent ("\u00fc"))'],
      ['GGD\u2013GHOR', 'U+2013 (een streepje ("\u2013") dat geen gewoon - is)'],
      ['A+B', 'U+002B (het teken "+")'],
      ['AB\u202e', 'U+202E (een teken dat de schrijfrichting verandert)'],
      ['X\u0391', 'U+0391 (een Griekse letter die op een Latijnse lijkt)'],
    ];
    for (const [code, named] of cases) {
      const [fout] = errors(`code,weight\n${code},1\n`);
      expect(fout, code).toContain(`g.csv, regel 2, kolom code: `);
      expect(fout, code).toContain(` ${named}; ${RULE}`);
      // The message itself carries no control or bidi character: each is written as <U+....>.
      expect(fout, code).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
  });

  it('readKeyTable names a lookalike in a municipality code', () => {
    const r = readKeyTable(`gemeentecode,waarde\nG${String.fromCodePoint(0x41c)}0014,1\n`, 'k.csv', data);
    expect(!r.ok && r.fouten).toEqual([
      'k.csv, regel 2, kolom gemeentecode: "G<U+041C>0014" bevat op positie 2 U+041C (een Cyrillische letter die op een Latijnse lijkt); ' +
        'een gemeentecode bestaat uit de Latijnse letters GM en 4 cijfers (0-9), zoals GM0363',
    ]);
  });

  it('refuses a NUL byte anywhere in the file, with its line', () => {
    const nul = String.fromCodePoint(0);
    for (const [text, line] of [
      [`code,weight\nA,1\nB,2${nul}\n`, 3],
      [`code${nul},weight\nA,1\n`, 1],
      [`code,weight\r\nA,"x\r\ny"\r\n${nul}`, 4],
    ] as const) {
      expect(errors(text)).toEqual([
        `g.csv, regel ${line}: het bestand bevat een nul-byte (U+0000) en is dus geen CSV-tekst; is het een Excel-werkmap of opgeslagen als UTF-16? Sla het op als CSV UTF-8`,
      ]);
    }
  });
});

describe('a file that is not a CSV file: its first line is never quoted', () => {
  const errors = (text: string) => {
    const r = readWeights(text, 'g.csv');
    return r.ok ? [] : r.fouten;
  };

  it('does not echo a line shaped like /etc/shadow', () => {
    const shadow = 'root:$y$j9T$abc:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n';
    const out = errors(shadow);
    expect(out).toEqual([
      'g.csv, regel 1: de eerste regel lijkt geen kopregel van een CSV-bestand; verwacht een kopregel met de kolommen "code" en "weight", gescheiden door komma\'s of puntkomma\'s',
    ]);
    for (const r of [readFixed(shadow, 'v.csv'), readKeyTable(shadow, 'k.csv', data)]) {
      expect(r.ok).toBe(false);
      if (!r.ok) for (const f of r.fouten) expect(f).not.toMatch(/root|\$y\$|19000/);
    }
  });

  it('does not echo long, many or strange names, nor a first line the CSV rules cannot read', () => {
    const texts = [
      `${'x'.repeat(51)},y\n1,2\n`,
      `${Array.from({ length: 51 }, (_, i) => `k${i}`).join(',')}\n`,
      'geheim=hunter2,y\n',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n',
      '"wachtwoord"hunter2,x\n',
    ];
    for (const text of texts) {
      const [fout, ...rest] = errors(text);
      expect(rest).toEqual([]);
      expect(fout).toMatch(/^g\.csv, regel 1: de eerste regel lijkt geen kopregel van een CSV-bestand;/);
      expect(fout).not.toMatch(/hunter2|BEGIN|xxxxx|k50/);
    }
  });

  it('reads nothing below a header without the expected columns', () => {
    const out = errors('Wachtwoorden\n"gmail"hunter2\nx,y,z\n');
    expect(out).toEqual([
      'g.csv, regel 1: kolom "code" ontbreekt in de kopregel (gevonden: "Wachtwoorden")',
      'g.csv, regel 1: kolom "weight" ontbreekt in de kopregel (gevonden: "Wachtwoorden")',
    ]);
  });

  it('still names the columns of a real header that lacks one', () => {
    expect(errors('Gemeentecode (CBS),aantal inwoners 2024\nGM0363,1\n')).toEqual([
      'g.csv, regel 1: kolom "code" ontbreekt in de kopregel (gevonden: "Gemeentecode (CBS)", "aantal inwoners 2024")',
      'g.csv, regel 1: kolom "weight" ontbreekt in de kopregel (gevonden: "Gemeentecode (CBS)", "aantal inwoners 2024")',
    ]);
  });
});

describe('limits of a code/value file', () => {
  it('reads 1 000 000 rows and refuses the row after, naming its line', () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `r${i},1`);
    const ok = readWeights(`code,weight\n${rows.join('\n')}\n`, 'g.csv');
    expect(ok.ok && ok.rows.length).toBe(1_000_000);
    const over = readWeights(`code,weight\n${rows.join('\n')}\nlaatste,1\n`, 'g.csv');
    expect(!over.ok && over.fouten).toEqual([
      'g.csv, regel 1000002: het bestand heeft meer dan 1.000.000 regels met gegevens, de grens voor dit soort bestand; het lezen is hier gestopt',
    ]);
  }, 60_000);

  it('keeps the first 50 messages in line order, also when a later check adds earlier lines', () => {
    // Every row has too many decimals (found after reading) and rows 60.. also a bad code (found while reading).
    const text = ['code,amount', ...Array.from({ length: 120 }, (_, i) => `${i >= 58 ? '=' : 'a'}${i},1.005`)].join('\n');
    const r = readFixed(text, 'v.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fouten).toHaveLength(51);
    const lines = r.fouten.slice(0, 50).map((f) => Number(/regel (\d+)/.exec(f)![1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines[0]).toBe(2);
    // 58 rows with too many decimals and 62 with a bad code: 120 messages, 50 shown.
    expect(r.fouten.at(-1)).toBe('... en nog 70 fouten');
  });
});
