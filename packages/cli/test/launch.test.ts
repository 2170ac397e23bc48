import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, files, ksBudget, VANDAAG } from './run.js';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

/**
 * Runs commands in one process through the bundle's own loader and reports, after each, the
 * files of the bundle loaded so far and whether V8 used the code cache for each.
 */
function loadedAfter(commands: readonly string[][]): { naam: string; cacheUsed: boolean }[][] {
  const script = `
    const { loadBundle, loadedFiles } = require(${JSON.stringify(path.join(DIST, 'load.cjs'))});
    const bundle = loadBundle();
    const silent = { out() {}, err() {} };
    (async () => {
      const out = [];
      for (const argv of ${JSON.stringify(commands)}) {
        const code = await bundle.main(argv, silent);
        if (code !== 0) throw new Error(argv.join(' ') + ' gave ' + code);
        out.push(loadedFiles());
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, KS_BUDGET_VANDAAG: VANDAAG } });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { naam: string; cacheUsed: boolean }[][];
}

describe('the launcher', () => {
  it('loads the chunk with zod and the scenario schemas only when a scenario is read, and every file from the code cache', () => {
    const { 'scenario.json': scenario } = files({ 'scenario.json': JSON.stringify({ versie: 1, naam: 'x', wijzigingen: [{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '6000000' }] }) });
    const lazy = readdirSync(DIST).filter((f) => f.startsWith('lazy-') && f.endsWith('.cjs'));
    expect(lazy).toHaveLength(1);
    const [baseline, withScenario] = loadedAfter([
      ['explain', '--gemeente', 'Utrecht', '--year', '2027'],
      ['allocate', '--scenario', scenario!, '--format', 'json'],
    ]);
    expect(baseline!.map((f) => f.naam)).not.toContain(lazy[0]);
    expect(baseline!.map((f) => f.naam)).toContain('ks-budget.cjs');
    expect(withScenario!.map((f) => f.naam)).toContain(lazy[0]);
    expect(withScenario!.filter((f) => !f.cacheUsed)).toEqual([]);
  });

  it('reads a scenario through the lazily loaded chunk exactly as the core does: problems located in the file', () => {
    const { 'bad.json': bad } = files({ 'bad.json': '{\n  "versie": 1,\n  "naam": "x",\n  "wijzigingen": [{ "soort": "bedrag", "stroom": "nergens", "jaar": 2028, "geldigheid": "vanaf-dit-jaar", "bedrag": "1" }]\n}\n' });
    const r = ksBudget(['validate', bad!]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/bad\.json, regel 4, kolom 50 \(wijzigingen\[0\]\.stroom\): onbekende stroom "nergens"/);
  });

  it('the bundle is plain ASCII, so that V8 keeps its text one byte per character', () => {
    for (const f of readdirSync(DIST).filter((n) => n.endsWith('.cjs'))) {
      const bytes = readFileSync(path.join(DIST, f));
      const at = bytes.findIndex((b) => b > 0x7f);
      expect({ file: f, at }).toEqual({ file: f, at: -1 });
    }
  });
});

describe('standard output written to its file descriptor', () => {
  it('a file gets the same bytes as a pipe', () => {
    const { 'out.csv': out } = files({ 'out.csv': '' });
    const fd = openSync(out!, 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'allocate'], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, KS_BUDGET_VANDAAG: VANDAAG } });
      expect(r.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    const piped = ksBudget(['allocate']);
    expect(piped.status).toBe(0);
    expect(readFileSync(out!, 'utf8')).toBe(piped.stdout);
    expect(piped.stdout.length).toBeGreaterThan(100_000);
  });

  it('output that cannot be written is one Dutch message and exit code 1', () => {
    const { readonly } = files({ readonly: 'x' });
    const fd = openSync(readonly!, 'r');
    try {
      const r = spawnSync(process.execPath, [BIN, 'explain', '--gemeente', 'Utrecht', '--year', '2027'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('interne fout: de uitvoer kan niet worden geschreven (EBADF)\n');
    } finally {
      closeSync(fd);
    }
  });
});
