import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';
import { streamsCommand } from './commands/streams.js';
import { decodeUtf8 } from './io.js';
import { terminalSafe, toJson, writeTable } from './output.js';
import { InputError } from './errors.js';
import { allocateScenario, baselineData, emptyScenario, overviewTable, tableToCsv, writeCsv } from '@kansrijke-start/core';

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('main', () => {
  it('turns an unexpected error into exit code 1 with a Dutch message and no stack trace', async () => {
    vi.spyOn(streamsCommand, 'run').mockImplementation(() => {
      throw new TypeError('kapot');
    });
    const io = capture();
    expect(await main(['streams'], io)).toBe(1);
    expect(io.stderr).toMatch(/^interne fout: kapot\nDit is een fout in ks-budget, niet in uw invoer/);
    expect(io.stderr).not.toMatch(/^\s+at\s/m);
    expect(io.stdout).toBe('');
  });

  it('shows the stack trace of an internal error with KS_DEBUG=1', async () => {
    vi.stubEnv('KS_DEBUG', '1');
    vi.spyOn(streamsCommand, 'run').mockImplementation(() => {
      throw new TypeError('kapot');
    });
    const io = capture();
    expect(await main(['streams'], io)).toBe(1);
    expect(io.stderr).toMatch(/^\s+at\s/m);
  });

  it('runs a command in process', async () => {
    const io = capture();
    expect(await main(['streams', '--years', '2019'], io)).toBe(0);
    expect(io.stdout.split('\n')[1]).toMatch(/^2019,ks-impuls,Impuls Kansrijke Start,3000000,officieel,/);
    const basis = allocateScenario(baselineData(), emptyScenario());
    if (!basis.ok) throw new Error('the baseline must compute');
    expect(io.stdout).toBe(tableToCsv(overviewTable(basis.allocation, { van: 2019, tot: 2019 })));
  });
});

describe('decodeUtf8', () => {
  it('removes a BOM, refuses UTF-16 and other encodings with the line', () => {
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'x')).toBe('a');
    expect(() => decodeUtf8(Uint8Array.from([0xff, 0xfe, 0x61, 0]), 'x.csv')).toThrow(/x\.csv: het bestand is opgeslagen als UTF-16/);
    expect(() => decodeUtf8(Uint8Array.from([0x61, 0x0a, 0x62, 0x0a, 0xe9]), 'x.csv')).toThrow(new InputError('x.csv, regel 3: het bestand is geen UTF-8-tekst; sla het op als UTF-8 (in Excel: "CSV UTF-8")'));
  });
});

describe('terminalSafe', () => {
  const cp = (...codes: number[]) => String.fromCodePoint(...codes);

  it('writes out every character a terminal acts on, keeps tab, LF and CRLF', () => {
    expect(terminalSafe(`a${cp(0x1b)}[31mb`)).toBe('a\\u001b[31mb');
    expect(terminalSafe(`x${cp(0)}${cp(7)}${cp(8)}${cp(0x7f)}${cp(0x9b)}${cp(0x85)}`)).toBe('x\\u0000\\u0007\\u0008\\u007f\\u009b\\u0085');
    expect(terminalSafe(`${cp(0x202a)}${cp(0x202e)}${cp(0x2066)}${cp(0x2069)}`)).toBe('\\u202a\\u202e\\u2066\\u2069');
    expect(terminalSafe('a\tb\nc\r\nd')).toBe('a\tb\nc\r\nd');
    expect(terminalSafe('over\rschreven')).toBe('over\\u000dschreven');
    // Ordinary text, accents and the euro sign are left alone.
    expect(terminalSafe('€ 1.234,56 Súdwest-Fryslân')).toBe('€ 1.234,56 Súdwest-Fryslân');
  });

  it('keeps JSON valid and lossless: the written-out form is the JSON escape', () => {
    const text = `n${cp(0x7f)}${cp(0x9b)}${cp(0x202e)}`;
    const json = terminalSafe(JSON.stringify({ naam: text }));
    expect(JSON.parse(json)).toEqual({ naam: text });
  });

  it('is applied by main to everything a command writes', async () => {
    vi.spyOn(streamsCommand, 'run').mockImplementation((_argv, ctx) => {
      ctx.io.out(`uit${cp(0x1b)}[2J\n`);
      ctx.io.err(`fout${cp(0x202e)}\n`);
    });
    const io = capture();
    expect(await main(['streams'], io)).toBe(0);
    expect(io.stdout).toBe('uit\\u001b[2J\n');
    expect(io.stderr).toBe('fout\\u202e\n');
  });
});

describe('writeTable', () => {
  it('writes in batches exactly the text of writing all rows at once (CSV plain and Excel-NL, JSON)', () => {
    for (const n of [1, 3, 25_001]) {
      const rows = Array.from({ length: n }, (_, i) => [i % 7 === 0 ? `-${i}.5` : `c${i}`, i % 3 ? `${i}.5` : null]);
      const header = ['code', 'amount'];
      for (const excel of [false, true]) {
        const io = capture();
        writeTable(io, header, rows, { format: 'csv', excel, numeric: [false, true] });
        expect(io.stdout).toBe(writeCsv(header, rows.map((r) => r.map((c) => c ?? '')), { excel, numeric: [false, true] }));
      }
      const io = capture();
      writeTable(io, header, rows, { format: 'json', excel: false, numeric: [false, true] });
      expect(io.stdout).toBe(toJson(rows.map(([code, amount]) => ({ code, amount: amount ?? null }))));
    }
  });
});
