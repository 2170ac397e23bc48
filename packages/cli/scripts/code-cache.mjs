// Writes dist/ks-budget.v8cache, V8's code cache of the bundle (see src/launch/load.ts).
// Run by scripts/bundle.mjs in a Node of its own, without flags, as a user's Node starts it.
//
// V8 caches the bytecode of the functions that have run, so the bundle first runs a set of
// typical commands, with their output thrown away: every command once, on the baseline and on
// a small scenario. A function that none of them ran is compiled when it is first needed, as
// without a cache. The output of a command never depends on the cache.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const { CACHE_FILE, buildIdOf, codeCache, loadBundle } = createRequire(import.meta.url)('../dist/load.cjs');
const buildId = buildIdOf(readFileSync(fileURLToPath(new URL('../dist/ks-budget.cjs', import.meta.url)), 'utf8'));
if (buildId === null) throw new Error('de bundel heeft geen build-id');
const bundle = loadBundle({ cache: false });

const dir = mkdtempSync(path.join(tmpdir(), 'ks-budget-cache-'));
const scenario = path.join(dir, 'scenario.json');
writeFileSync(
  scenario,
  JSON.stringify({
    versie: 1,
    naam: 'Voorbeeld',
    wijzigingen: [{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '6000000' }],
  }),
);
const runs = [
  ['--version'],
  ['--help'],
  ['streams'],
  ['allocate'],
  ['allocate', '--scenario', scenario, '--format', 'json'],
  ['compare', '--scenario', scenario],
  ['compare', '--scenario', scenario, '--summary', '--format', 'json'],
  ['regio'],
  ['explain', '--gemeente', 'Amsterdam', '--year', '2026'],
  ['explain', '--gemeente', 'GM0014', '--year', '2028', '--format', 'json'],
  ['brief', '--gemeente', 'Groningen'],
  ['describe', '--scenario', scenario],
  ['period'],
  ['sweep', '--parameter', 'bedrag', '--stream', 'integrale-gezinspoli', '--year', '2028', '--from', '5000000', '--to', '6000000', '--step', '500000', '--workers', '1'],
  ['validate', scenario],
  ['schema'],
  ['apportion', '--help'],
];
const silent = { out() {}, err() {} };
try {
  for (const argv of runs) {
    const code = await bundle.main(argv, silent);
    if (code !== 0) process.stderr.write(`waarschuwing: ks-budget ${argv.join(' ')} gaf afsluitcode ${code} bij het maken van de code-cache\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(CACHE_FILE, codeCache(buildId));
