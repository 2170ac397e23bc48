/**
 * What the CLI does with input that is hostile, endless, huge, of the wrong kind or in the
 * wrong encoding, and what it writes to a terminal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, renameSync, rmSync, truncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GEZINSPOLI, scenarioText } from './fixtures.js';
import { BIN, STACK, cents, csvObjects, files, ksBudget, type Run } from './run.js';

function expectInputError(r: Run, ...patterns: (string | RegExp)[]): void {
  // A message is short: a huge one (a quoted file) fails here, before it is shown.
  expect(r.stderr.length + r.stdout.length, 'the output is short').toBeLessThan(20_000);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK);
  for (const p of patterns) expect(r.stderr).toMatch(p);
}

/** Characters a terminal acts on (see the brief): C0 except tab and LF, a CR outside CRLF, DEL, C1, bidi controls. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

/** The documented limits of the input files, in bytes. */
const MAX_BYTES = { csv: 50_000_000, scenario: 10_000_000 };

const ESC = String.fromCodePoint(0x1b);
const RLO = String.fromCodePoint(0x202e); // RIGHT-TO-LEFT OVERRIDE
const HOSTILE = `Rood ${ESC}[31m en ${RLO}terug`;
/** How the CLI writes HOSTILE: each control written out as \uXXXX. */
const HOSTILE_SHOWN = 'Rood \\u001b[31m en \\u202eterug';

const SHADOW = 'root:$y$j9T$abc:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n';
const SECRET = /root|\$y\$|j9T|19000|daemon/;

describe('6. an endless or huge input stops at the limit', () => {
  it('refuses /dev/zero and /dev/urandom as --weights quickly, with exit code 2', () => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      const r = spawnSync(process.execPath, [BIN, 'apportion', '--total', '10', '--weights', device], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, KS_DEBUG: '' } });
      expect(r.signal, device).toBeNull(); // not killed by the timeout
      expectInputError(
        { status: r.status, stdout: r.stdout, stderr: r.stderr },
        `${device}: het bestand is groter dan de grens van 50 MB (50.000.000 bytes) voor een CSV-bestand; het lezen is bij die grens gestopt.`,
      );
    }
  }, 120_000);

  it('stops reading an endless standard input at the limit: what it accepted is bounded', async () => {
    const child = spawn(process.execPath, [BIN, 'apportion', '--total', '10', '--weights', '-'], { env: { ...process.env, KS_DEBUG: '' } });
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stdin.on('error', () => {}); // EPIPE once the CLI stops reading
    let exited = false;
    const exit = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        exited = true;
        resolve(code);
      }),
    );
    // Writes forever (until the CLI exits), but gives up at four times the limit: the CLI then reads without end.
    const chunk = Buffer.from('GM0363,1\n'.repeat(8192));
    let written = 0;
    const pump = (): void => {
      while (!exited) {
        if (written > 4 * MAX_BYTES.csv) {
          child.kill();
          return;
        }
        written += chunk.length;
        if (!child.stdin.write(chunk)) {
          child.stdin.once('drain', pump);
          return;
        }
      }
    };
    pump();
    const code = await exit;
    expect(code, stderr).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'standaardinvoer: de invoer is groter dan de grens van 50 MB (50.000.000 bytes) voor een CSV-bestand; het lezen is bij die grens gestopt. Is dit het goede bestand?\n',
    );
    // The CLI took the limit and a little more (pipe and stream buffers), nothing like the 200 MB on offer.
    expect(written).toBeLessThan(MAX_BYTES.csv + 8 * 1024 * 1024);
  }, 120_000);

  it('refuses a regular file over the limit without reading it (a sparse file, no disk used)', () => {
    const f = files({ 'groot.csv': '', 'groot.json': '' });
    truncateSync(f['groot.csv']!, MAX_BYTES.csv + 1);
    truncateSync(f['groot.json']!, MAX_BYTES.scenario + 1);
    expectInputError(
      ksBudget(['apportion', '--total', '10', '--weights', f['groot.csv']!]),
      `${f['groot.csv']}: het bestand is 50.000.001 bytes, meer dan de grens van 50 MB (50.000.000 bytes) voor een CSV-bestand; het is niet gelezen. Is dit het goede bestand?`,
    );
    expectInputError(
      ksBudget(['allocate', '--scenario', f['groot.json']!]),
      `${f['groot.json']}: het bestand is 10.000.001 bytes, meer dan de grens van 10 MB (10.000.000 bytes) voor een scenariobestand; het is niet gelezen.`,
    );
  });
});

describe('8. a weights file at the limit is divided within a modest memory', () => {
  it('divides 1 000 000 rows of almost 50 MB with a JavaScript heap of at most 256 MB', () => {
    const rows = 1_000_000;
    const f = files({ 'limiet.csv': '' });
    const fd = openSync(f['limiet.csv']!, 'w');
    let size = 0;
    const put = (text: string): void => void (size += writeSync(fd, text));
    put('code,weight,naam\n');
    for (let start = 0; start < rows; start += 10_000) {
      const lines: string[] = [];
      for (let i = start; i < start + 10_000; i++) lines.push(`C${String(i).padStart(7, '0')},${(i * 7919) % 100_000}.${String(i % 100).padStart(2, '0')},Naam van de ontvanger ${String(i).padStart(7, '0')}\n`);
      put(lines.join(''));
    }
    closeSync(fd);
    expect(size).toBeLessThanOrEqual(MAX_BYTES.csv);
    expect(size).toBeGreaterThan(0.9 * MAX_BYTES.csv);

    const r = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, 'apportion', '--total', '123456789.01', '--unit', 'cent', '--weights', f['limiet.csv']!], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 300_000,
      env: { ...process.env, KS_DEBUG: '' },
    });
    rmSync(f['limiet.csv']!); // 50 MB: not left behind in the temp folder
    expect(r.stderr.slice(0, 2000)).toBe('');
    expect(r.status).toBe(0);
    const out = csvObjects(r.stdout).rows;
    expect(out.length).toBe(rows);
    expect(out[0]!['code']).toBe('C0000000');
    expect(out.at(-1)!['code']).toBe(`C${String(rows - 1).padStart(7, '0')}`);
    expect(out.reduce((s, x) => s + cents(x['amount']!), 0n)).toBe(12345678901n);
  }, 300_000);
});

describe('12. nothing a terminal acts on reaches the output', () => {
  const scenario = (naam: string) =>
    scenarioText(naam, [
      GEZINSPOLI,
      {
        soort: 'reservering',
        stroom: 'integrale-gezinspoli',
        jaar: 2028,
        geldigheid: 'alleen-dit-jaar',
        ontvangers: [{ code: `R${ESC}[2J`, naam: `Ontvanger ${ESC}]0;titel${String.fromCodePoint(7)} ${String.fromCodePoint(0x9b)}31m ${RLO}x`, bedrag: '1000' }],
      },
    ]);

  it('explain (text) writes the scenario name with its controls written out', () => {
    const f = files({ 's.json': scenario(HOSTILE) });
    const r = ksBudget(['explain', '--gemeente', 'GM0014', '--year', '2028', '--stream', 'integrale-gezinspoli', '--scenario', f['s.json']!]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(r.stdout).toContain(`scenario "${HOSTILE_SHOWN}"`);
  });

  it('the CSV (plain and Excel-NL) of allocate writes codes and names of a reservation with their controls written out', () => {
    const f = files({ 's.json': scenario('Naam') });
    for (const excel of [false, true]) {
      const r = ksBudget(['allocate', '--years', '2028', '--stream', 'integrale-gezinspoli', '--scenario', f['s.json']!, ...(excel ? ['--excel'] : [])]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(TERMINAL_CONTROL);
      expect(r.stdout).toContain('R\\u001b[2J');
      expect(r.stdout).toContain('Ontvanger \\u001b]0;titel\\u0007 \\u009b31m \\u202ex');
      if (excel) expect(r.stdout.split('\r\n').length).toBeGreaterThan(2); // the CRLF line ends are kept
    }
  });

  it('JSON output escapes every control, and reads back to the exact text', () => {
    const f = files({ 's.json': scenario(HOSTILE) });
    const r = ksBudget(['allocate', '--years', '2028', '--stream', 'integrale-gezinspoli', '--scenario', f['s.json']!, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(TERMINAL_CONTROL);
    const doc = JSON.parse(r.stdout) as { scenario: string; regels: Record<string, string>[] };
    expect(doc.scenario).toBe(HOSTILE);
    const reservering = doc.regels.find((x) => x['ontvanger'] === `R${ESC}[2J`);
    expect(reservering?.['naam']).toBe(`Ontvanger ${ESC}]0;titel${String.fromCodePoint(7)} ${String.fromCodePoint(0x9b)}31m ${RLO}x`);
  });

  it('validate lines and messages on stderr write a file name with controls written out', () => {
    const dir = path.dirname(files({ 'x.json': '' })['x.json']!);
    const bad = path.join(dir, `fout${ESC}[31m${RLO}.json`);
    const f = files({ 'b.json': scenarioText('x', [{ ...GEZINSPOLI, jaar: 2035 }]) });
    renameSync(f['b.json']!, bad);
    const shown = bad.replace(ESC, '\\u001b').replace(RLO, '\\u202e');
    const v = ksBudget(['validate', bad]);
    expect(v.status).toBe(2);
    expect(v.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(v.stdout).toContain(`${shown}, regel 5, kolom `);
    const missing = ksBudget(['allocate', '--scenario', `${bad}.weg`]);
    expectInputError(missing, `${shown}.weg: bestand niet gevonden`);
    expect(missing.stderr).not.toMatch(TERMINAL_CONTROL);
  });

  it('a weights code with ESC and a bidi override is refused with a message that holds neither', () => {
    const f = files({ 'g.csv': `code,weight\nA${ESC}[31m,1\nB${RLO},1\n` });
    const r = ksBudget(['apportion', '--total', '10', '--weights', f['g.csv']!]);
    expectInputError(
      r,
      `${f['g.csv']}, regel 2, kolom code: "A<U+001B>[31m" bevat op positie 2 U+001B (een stuurteken)`,
      `${f['g.csv']}, regel 3, kolom code: "B<U+202E>" bevat op positie 2 U+202E (een teken dat de schrijfrichting verandert)`,
    );
    expect(r.stderr).not.toMatch(TERMINAL_CONTROL);
  });
});

describe('14. standard input and encodings', () => {
  it('refuses - for two options before reading anything', () => {
    const weights = 'code,weight\nA,1\n';
    expectInputError(
      ksBudget(['apportion', '--total', '10', '--weights', '-', '--fixed', '-'], { input: weights }),
      /^standaardinvoer \(-\) kan maar één keer worden gelezen, maar is opgegeven bij --weights en --fixed; geef voor de andere een bestand\n$/,
    );
    expectInputError(
      ksBudget(['compare', '--scenario', '-', '--against', '-'], { input: scenarioText('x', [GEZINSPOLI]) }),
      /^standaardinvoer \(-\) kan maar één keer worden gelezen, maar is opgegeven bij --scenario en --against; geef voor de andere een bestand\n$/,
    );
  });

  it('refuses a Windows-1252 file with what to do and the line, also on standard input', () => {
    // "Münster" and "€" in Windows-1252: 0xFC and 0x80, on line 3.
    const latin = (head: string, line2: string) => Uint8Array.from([...Buffer.from(`${head}\n${line2}\n`), ...Buffer.from('M'), 0xfc, ...Buffer.from('nster,'), 0x80, ...Buffer.from('\n')]);
    const f = files({ 'g.csv': latin('code,weight', 'A,1'), 's.json': latin('{', '"versie": 1,') });
    const advice = 'het bestand is geen UTF-8-tekst; sla het op als UTF-8 (in Excel: "CSV UTF-8")';
    expectInputError(ksBudget(['apportion', '--total', '10', '--weights', f['g.csv']!]), `${f['g.csv']}, regel 3: ${advice}`);
    expectInputError(ksBudget(['allocate', '--scenario', f['s.json']!]), `${f['s.json']}, regel 3: ${advice}`);
    const stdin = spawnSync(process.execPath, [BIN, 'apportion', '--total', '10', '--weights', '-'], { input: latin('code,weight', 'A,1'), encoding: 'utf8' });
    expectInputError({ status: stdin.status, stdout: stdin.stdout, stderr: stdin.stderr }, `standaardinvoer, regel 3: ${advice}`);
  });
});

describe('16. lookalike codes and NUL bytes in a weights file', () => {
  it('names the character, its code point, line and column', () => {
    const f = files({ 'g.csv': `code,weight\nGM0014,1\nGM03${String.fromCodePoint(0x200b)}63,1\n${String.fromCodePoint(0x421)}M0599,1\n` });
    expectInputError(
      ksBudget(['apportion', '--total', '10', '--weights', f['g.csv']!]),
      `${f['g.csv']}, regel 3, kolom code: "GM03<U+200B>63" bevat op positie 5 U+200B (een teken zonder breedte); een code bestaat alleen uit Latijnse letters (A-Z, a-z), cijfers (0-9) en de tekens - _ . /`,
      `${f['g.csv']}, regel 4, kolom code: "<U+0421>M0599" bevat op positie 1 U+0421 (een Cyrillische letter die op een Latijnse lijkt)`,
    );
  });

  it('refuses a NUL byte with its line', () => {
    const f = files({ 'g.csv': Uint8Array.from([...Buffer.from('code,weight\nA,1\nB,'), 0, ...Buffer.from('2\n')]) });
    expectInputError(ksBudget(['apportion', '--total', '10', '--weights', f['g.csv']!]), `${f['g.csv']}, regel 3: het bestand bevat een nul-byte (U+0000)`);
  });
});

describe('20. the content of a file of another kind is never quoted', () => {
  it('a file shaped like /etc/shadow as weights, fixed amounts or scenario', () => {
    const f = files({ shadow: SHADOW, 'g.csv': 'code,weight\nA,1\n' });
    const runs: [Run, string][] = [
      [ksBudget(['apportion', '--total', '10', '--weights', f['shadow']!]), `${f['shadow']}, regel 1: de eerste regel lijkt geen kopregel van een CSV-bestand; verwacht een kopregel met de kolommen "code" en "weight"`],
      [ksBudget(['apportion', '--total', '10', '--weights', f['g.csv']!, '--fixed', f['shadow']!]), `${f['shadow']}, regel 1: de eerste regel lijkt geen kopregel van een CSV-bestand; verwacht een kopregel met de kolommen "code" en "amount"`],
      [ksBudget(['allocate', '--scenario', f['shadow']!]), `${f['shadow']}, regel 1, kolom 1: dit bestand is geen scenario in JSON: een scenariobestand is een JSON-object en begint met "{"`],
      [ksBudget(['explain', '--gemeente', 'GM0014', '--year', '2026', '--scenario', f['shadow']!]), `${f['shadow']}, regel 1, kolom 1: dit bestand is geen scenario in JSON`],
    ];
    for (const [r, message] of runs) {
      expectInputError(r, message);
      expect(r.stderr).not.toMatch(SECRET);
    }
    const v = ksBudget(['validate', f['shadow']!]);
    expect(v.status).toBe(2);
    expect(v.stdout).toBe(`ongeldig: 1 probleem\n${f['shadow']}, regel 1, kolom 1: dit bestand is geen scenario in JSON: een scenariobestand is een JSON-object en begint met "{" (zie "ks-budget schema")\n`);
  });

  it('says where a text that is not JSON starts, after leading blank lines', () => {
    const f = files({ 'x.json': '\n\n   geheim\n' });
    const v = ksBudget(['validate', f['x.json']!]);
    expect(v.stdout).toContain(`${f['x.json']}, regel 3, kolom 4: dit bestand is geen scenario in JSON`);
    expect(v.stdout).not.toContain('geheim');
  });
});

describe('15. the Excel-NL CSV keeps text codes that look like numbers as text', () => {
  it('apportion --excel: the code column is text, the amount a number', () => {
    const f = files({ 'g.csv': 'code,weight\n-2.5,1\n1.5,1\nA,2\n' });
    const r = ksBudget(['apportion', '--total', '100', '--unit', 'cent', '--weights', f['g.csv']!, '--excel']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('code;amount');
    // A code is text: "-2.5" gets the leading ' of a text that starts like a formula, "1.5" keeps its point.
    expect(lines.slice(1, 4).map((l) => l.split(';')[0])).toEqual(["'-2.5", '1.5', 'A']);
    // An amount is a number: a decimal comma.
    for (const l of lines.slice(1, 4)) expect(l.split(';')[1]).toMatch(/^\d+,\d\d$/);
    const plain = ksBudget(['apportion', '--total', '100', '--unit', 'cent', '--weights', f['g.csv']!]);
    expect(csvObjects(plain.stdout).rows.map((x) => x['code'])).toEqual(["'-2.5", '1.5', 'A']);
  });
});
