#!/usr/bin/env node
// Measures `ks-budget sweep` against running the scenarios one by one. Not a test: it prints
// timings. Build first (`npm run build -w @kansrijke-start/core && npm run build -w ks-budget`).
//
//   node packages/cli/bench/sweep.mjs [--count 1000] [--alone 50] [--runs 3] [--workers N]
//
// (a) each scenario as its own `ks-budget compare --scenario FILE --format json --summary`
//     process: only --alone of them are timed (a process per scenario is slow); the time for
//     --count is extrapolated from their median, and the output says so;
// (b) `ks-budget sweep --scenarios FILE --workers 1`;
// (c) `ks-budget sweep --scenarios FILE` with all cores (os.availableParallelism(), or --workers).
// (b) and (c) are run --runs times each; the median, min and max are printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { count: { type: 'string' }, alone: { type: 'string' }, runs: { type: 'string' }, workers: { type: 'string' } },
});
const COUNT = Number(values.count ?? 1000);
const ALONE = Math.min(COUNT, Number(values.alone ?? 50));
const RUNS = Number(values.runs ?? 3);
const WORKERS = Number(values.workers ?? availableParallelism());
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/ks-budget.cjs');

/** COUNT different scenarios: local shares, national amounts and cuts over several streams and years. */
function scenarios() {
  const out = [];
  for (let i = 0; i < COUNT; i++) {
    const jaar = 2027 + (i % 4);
    const kind = i % 3;
    const w =
      kind === 0
        ? { soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: String(i % 101) }
        : kind === 1
          ? { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag: String(4_000_000 + i * 1000) }
          : { soort: 'korting', stroom: 'integrale-gezinspoli', jaar, geldigheid: 'vanaf-dit-jaar', percentage: String(i % 50) };
    out.push({ versie: 1, naam: `Bench ${i + 1}`, wijzigingen: [w] });
  }
  return out;
}

function time(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, KS_BUDGET_TTY: '0' } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`ks-budget ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median: mid, min: s[0], max: s.at(-1) };
};
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const line = (name, st) => `${name.padEnd(44)} median ${sec(st.median).padStart(10)}  min ${sec(st.min).padStart(10)}  max ${sec(st.max).padStart(10)}`;

const dir = mkdtempSync(path.join(tmpdir(), 'ks-sweep-bench-'));
const all = scenarios();
const jsonl = path.join(dir, 'scenarios.jsonl');
writeFileSync(jsonl, `${all.map((s) => JSON.stringify(s)).join('\n')}\n`);
const singles = all.slice(0, ALONE).map((s, i) => {
  const f = path.join(dir, `s${i + 1}.json`);
  writeFileSync(f, JSON.stringify(s));
  return f;
});

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`ks-budget sweep benchmark: ${COUNT} scenarios, ${cpus().length} CPUs (availableParallelism ${availableParallelism()}), node ${process.version}`);
// Other work on the machine takes cores from the sweep: the load average says how much.
console.log(`load average at the start: ${load()}`);
console.log(`(a) ${ALONE} scenarios as separate "ks-budget compare" processes, each timed:`);
const alone = singles.map((f) => time(['compare', '--scenario', f, '--format', 'json', '--summary']));
const a = stats(alone);
console.log(line('    per process', a));
console.log(`    ${COUNT} processes, extrapolated from the median of ${ALONE} (not measured): ${sec(a.median * COUNT)}`);

const b = [];
const c = [];
for (let r = 0; r < RUNS; r++) {
  b.push(time(['sweep', '--scenarios', jsonl, '--workers', '1']));
  c.push(time(['sweep', '--scenarios', jsonl, '--workers', String(WORKERS)]));
}
const sb = stats(b);
const sc = stats(c);
console.log(`(b)/(c) the whole sweep of ${COUNT} scenarios, ${RUNS} runs each:`);
console.log(line('(b) sweep --workers 1', sb));
console.log(line(`(c) sweep --workers ${WORKERS}`, sc));
console.log(`per scenario (median): (a) ${(a.median).toFixed(0)} ms, (b) ${(sb.median / COUNT).toFixed(1)} ms, (c) ${(sc.median / COUNT).toFixed(1)} ms`);
console.log(`load average at the end: ${load()}`);
console.log(`speed-up (median): (b) against (a) ${((a.median * COUNT) / sb.median).toFixed(1)}x; (c) against (b) ${(sb.median / sc.median).toFixed(2)}x`);
