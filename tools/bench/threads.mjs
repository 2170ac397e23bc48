// Where the CPU time of `ks-budget sweep` goes, per thread of the process: the main thread, each
// worker thread, and V8's background threads (the optimizing compiler, the collector's helpers).
// `npm run threads -w @kansrijke-start/bench -- [SCENARIOS] [WORKERS...]`, on Linux: it reads
// /proc/PID/task/*/stat of the running process every 20 ms and keeps each thread's last reading.
// Not a test: it prints figures (the numbers behind the README's account of why a second thread
// does not pay at 1,000 scenarios on two cores). Uses the built CLI (`npm run build -w ks-budget`).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@kansrijke-start/core';
import { sweepScenarios } from './cases/sweep.mjs';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/cli/bin/ks-budget.cjs');
const [count = '1000', ...workerCounts] = process.argv.slice(2);
const TICK = 100; // clock ticks per second (USER_HZ): /proc reports CPU time in these

if (process.platform !== 'linux') {
  console.error('threads.mjs leest /proc en werkt alleen onder Linux');
  process.exit(1);
}

const file = path.join(mkdtempSync(path.join(tmpdir(), 'ks-threads-')), 'scenarios.jsonl');
writeFileSync(file, sweepScenarios(core.baselineData(), Number(count)).map((s) => JSON.stringify(s)).join('\n') + '\n');

/** CPU time (user + system, ms) of each thread of a process, by thread id; threads that ended are gone. */
function readThreads(pid) {
  const out = new Map();
  let tids = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), ((Number(fields[11]) + Number(fields[12])) * 1000) / TICK);
    } catch {
      // the thread ended between the listing and the reading
    }
  }
  return out;
}

const fmt = (ms) => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;

async function measure(workers) {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'sweep', '--scenarios', file, '--workers', String(workers), '--format', 'csv'], { stdio: ['ignore', 'ignore', 'ignore'] });
  const last = new Map();
  const poll = setInterval(() => {
    for (const [tid, ms] of readThreads(child.pid)) last.set(tid, ms);
  }, 20);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  const wall = performance.now() - started;
  if (code !== 0 && code !== 2) throw new Error(`ks-budget sweep stopte met code ${code}`);
  // The main thread has the process's id; the worker threads run JavaScript, V8's background
  // threads compile and collect: told apart by which computed most, after the main thread.
  const main = last.get(child.pid) ?? 0;
  const others = [...last].filter(([tid]) => tid !== child.pid).map(([, ms]) => ms).sort((a, b) => b - a);
  const jsThreads = others.slice(0, workers - 1);
  const background = others.slice(workers - 1).reduce((a, b) => a + b, 0);
  const threads = [...last].sort(([a], [b]) => a - b).map(([tid, ms]) => `${tid === child.pid ? 'hoofd' : tid}: ${fmt(ms)}`);
  return { workers, wall, main, jsThreads, background, threads };
}

console.log(`ks-budget sweep van ${Number(count).toLocaleString('nl-NL')} scenario's; CPU-tijd per thread (gebruiker + systeem), afgelezen uit /proc\n`);
for (const w of workerCounts.length > 0 ? workerCounts.map(Number) : [1, 2]) {
  const r = await measure(w);
  const js = r.jsThreads.length > 0 ? `, rekenthreads ${r.jsThreads.map(fmt).join(' + ')}` : '';
  console.log(`  per thread, in de volgorde van start: ${r.threads.join(', ')}`);
  console.log(`--workers ${w}: wandklok ${fmt(r.wall)}; hoofdthread ${fmt(r.main)}${js}; achtergrond van V8 (compiler, opruimen) ${fmt(r.background)}; samen ${fmt(r.main + r.jsThreads.reduce((a, b) => a + b, 0) + r.background)}`);
}
