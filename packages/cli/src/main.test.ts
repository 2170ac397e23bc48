import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';
import { streamsCommand } from './commands/streams.js';
import { decodeUtf8 } from './io.js';
import { InputError } from './errors.js';
import { allocateScenario, baselineData, emptyScenario, overviewTable, tableToCsv } from '@kansrijke-start/core';

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
