// `npm run bench`: the benchmarks of the core and of ks-budget. Not a test: it prints figures.
//
// Each benchmark runs in a Node process of its own, so that its peak memory (the process's
// maximum resident set size, RSS) is its own; "groei" is how much the RSS grew from just before
// the timed work to its peak. A full garbage collection runs before each timed call, outside the
// timing, so that the peak is one call's working set, not the uncollected garbage of the calls
// before it. Every row gives the median, min and max wall time over its runs
// and the target of issue 11. A row with a reference (dinero.js) times both alternately in the
// same process and gives the ratio of their medians.
//
// A case with `memory: 'single'` (the apportionments) takes its memory figures from a second
// process of its own that sets up the same input and makes one call, cold, the way ks-budget
// makes it: "piek RSS" is that process's peak, "groei" the growth of the RSS during that one call
// (the peak from just before the call to its end, on Linux from the kernel's high-water mark
// reset just before the call). After the verdict come what that call left in V8's heap and in
// memory outside it (its result and garbage not yet collected: unlike the RSS, this grows in step
// with the input, as the heap had pages committed before the call), and the peak of the process
// that timed the calls, over all of them ("na N aanroepen"), for comparison.
//
//   npm run bench                  every case
//   npm run bench -- apportion     only the rows whose id starts with "apportion"
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { stats } from './lib.mjs';

const CASE_FILES = ['./cases/baseline.mjs', './cases/apportion.mjs', './cases/sweep.mjs', './cases/cli.mjs'];
const self = fileURLToPath(import.meta.url);

async function allCases() {
  const out = [];
  for (const f of CASE_FILES) out.push(...(await import(f)).benchmarks);
  return out;
}

/** Peak RSS in bytes since the last `resetPeakRss` (Linux), or of the whole process. */
function peakRss() {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {}
  return process.resourceUsage().maxRSS * 1024;
}

/** Sets the kernel's high-water mark of the RSS to the current RSS (Linux 4.0 and later); false elsewhere. */
function resetPeakRss() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** In a child for the memory figures: set up one benchmark and make one call, cold. */
async function runMemoryChild(b) {
  const { work } = await b.setup();
  globalThis.gc?.();
  const heap = () => {
    const h = getHeapStatistics();
    return h.used_heap_size + h.external_memory;
  };
  const heapBefore = heap();
  const rssBefore = process.memoryUsage().rss;
  const reset = resetPeakRss();
  const before = reset ? peakRss() : rssBefore;
  work();
  const during = peakRss();
  // What the call left on the heap and outside it (its result and its garbage, less whatever a
  // collection during the call already freed): it grows with the input, unlike the RSS, part of
  // which the heap had committed before the call.
  const heapMiB = (heap() - heapBefore) / 2 ** 20;
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ peakMiB: Math.max(peak, during) / 2 ** 20, growthMiB: Math.max(0, during - Math.min(before, rssBefore)) / 2 ** 20, heapMiB }));
}

/** In the child: set up one benchmark, warm it up, time it, and print the figures as JSON. */
async function runChild(id) {
  const b = (await allCases()).find((c) => c.id === id);
  if (process.env.KS_BENCH_MEMORY) return runMemoryChild(b);
  const { work, reference } = await b.setup();
  const runs = b.runs;
  if (b.kind === 'process') {
    // work() itself returns wall times measured around a child process
    const r = await work(runs);
    process.stdout.write(JSON.stringify({ ...r, runs }));
    return;
  }
  work();
  reference?.work();
  const rssBefore = process.memoryUsage().rss;
  const times = [];
  const refTimes = [];
  for (let i = 0; i < runs; i++) {
    // A full collection before each timed call (not timed), so that the peak RSS is that of one
    // call's working set rather than of the garbage of the calls before it.
    globalThis.gc?.();
    let t0 = performance.now();
    work();
    times.push(performance.now() - t0);
    if (reference) {
      globalThis.gc?.();
      t0 = performance.now();
      reference.work();
      refTimes.push(performance.now() - t0);
    }
  }
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const out = { ...stats(times), runs, peakMiB: maxRss / 2 ** 20, growthMiB: Math.max(0, maxRss - rssBefore) / 2 ** 20 };
  if (reference) out.reference = { label: reference.label, ...stats(refTimes) };
  process.stdout.write(JSON.stringify(out));
}

const fmtMs = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const nl = (x, d = 1) => x.toFixed(d).replace('.', ',');

async function main(filter) {
  console.log(`Node ${process.version}, ${cpus().length} kernen (${availableParallelism()} beschikbaar), ${cpus()[0]?.model ?? ''}\n`);
  const header = ['benchmark', 'mediaan', 'min', 'max', 'piek RSS', 'groei', 'doel', ''];
  const rows = [];
  let allMet = true;
  for (const b of await allCases()) {
    if (filter && !b.id.startsWith(filter)) continue;
    const child = (env) => {
      const r = spawnSync(process.execPath, ['--expose-gc', self], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, env: { ...process.env, KS_BENCH_CHILD: b.id, ...env } });
      if (r.status !== 0) {
        console.error(`${b.id} mislukt:\n${r.stderr}`);
        process.exit(1);
      }
      return JSON.parse(r.stdout);
    };
    const m = child({});
    let afterRuns = '';
    if (b.memory === 'single') {
      const runsPeak = m.peakMiB;
      Object.assign(m, child({ KS_BENCH_MEMORY: '1' }));
      afterRuns = `één aanroep: heap en extern +${nl(m.heapMiB)} MiB; na ${m.runs + 1} aanroepen: piek ${nl(runsPeak)} MiB`;
    }
    const verdict = b.check ? b.check(m) : null;
    if (verdict && !verdict.ok) allMet = false;
    rows.push([
      b.label,
      fmtMs(m.median),
      fmtMs(m.min),
      fmtMs(m.max),
      m.peakMiB === undefined ? '' : `${nl(m.peakMiB)} MiB`,
      m.growthMiB === undefined ? '' : `${nl(m.growthMiB)} MiB`,
      b.target ?? '',
      [verdict ? `${verdict.ok ? 'gehaald' : 'NIET gehaald'}${verdict.tekst ? ` (${verdict.tekst})` : ''}` : '', afterRuns && `(${afterRuns})`].filter(Boolean).join(' '),
    ]);
    if (m.reference) {
      rows.push([`  ter vergelijking: ${m.reference.label}`, fmtMs(m.reference.median), fmtMs(m.reference.min), fmtMs(m.reference.max), '', '', '', `${nl(m.reference.median / m.median)}x zo snel`]);
    }
    if (m.extra) for (const e of m.extra) rows.push([`  ${e.label}`, fmtMs(e.median), fmtMs(e.min), fmtMs(e.max), '', '', '', e.tekst ?? '']);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log(allMet ? '\nAlle doelen gehaald.' : '\nNiet alle doelen gehaald.');
}

if (process.env.KS_BENCH_CHILD) {
  await runChild(process.env.KS_BENCH_CHILD);
} else {
  await main(process.argv[2]);
}
