// Benchmarks of the core, run with `npm run bench` (after `npm ci`, which builds the core).
// Not a test: it reports figures. Each benchmark runs in its own Node process so that its peak
// memory (maximum resident set size) is its own. Reports the median wall time over repeated runs.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const BENCHES = {
  baseline: { label: 'hele basis, zonder caches (alle stromen, jaren, ontvangers)', target: 10, runs: 200 },
  baselineWarm: { label: 'hele basis, opnieuw (met caches, zoals de app)', target: 10, runs: 200 },
  apportion100k: { label: 'verdeling over 100.000 ontvangers, € 18 mln', target: 100, runs: 15 },
  apportion100kHuge: { label: 'verdeling over 100.000 ontvangers, € 987 mld', target: 100, runs: 15 },
  sweep1000: { label: 'sweep van 1.000 scenario\'s', target: 5000, runs: 3 },
};

/** A small deterministic PRNG (mulberry32), so every run measures the same inputs. */
function prng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function runOne(name) {
  const core = await import('@kansrijke-start/core');
  const data = core.baselineData();
  let work;
  if (name === 'baseline' || name === 'baselineWarm') {
    const scenario = core.emptyScenario();
    work = () => {
      // A fresh data object has a new identity, so no result of an earlier run is re-used.
      const out = core.allocateScenario(name === 'baseline' ? { ...data } : data, scenario);
      if (!out.ok) throw new Error('baseline failed');
    };
  } else if (name === 'apportion100k' || name === 'apportion100kHuge') {
    // 100,000 weights with 3 decimals; a realistic national amount takes the exact-double path,
    // an extreme one (close to 10^12 euro) the bigint path.
    const total = name === 'apportion100k' ? '18000000' : '987654321012';
    const rnd = prng(42);
    const weights = Array.from({ length: 100_000 }, (_, i) => ({
      code: `R${String(i).padStart(6, '0')}`,
      weight: (rnd() * 100000).toFixed(3),
    }));
    work = () => {
      const out = core.apportion({ total, weights });
      if (!out.ok) throw new Error('apportion failed');
    };
  } else if (name === 'sweep1000') {
    const rnd = prng(7);
    // Indicators with a value for every municipality: a key on one with unknown values
    // (inwoners-2026 for Hilversum and Wijdemeren) is refused unless the scenario supplies them.
    const known = new Set(data.indicatoren.filter((i) => [...i.waarden.values()].every((v) => v !== null)).map((i) => i.id));
    const indicators = core.INDICATOR_IDS.filter((id) => known.has(id));
    const scenarios = Array.from({ length: 1000 }, (_, i) => ({
      versie: 1,
      naam: `sweep ${i}`,
      afronding: 'euro',
      wijzigingen: [
        { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: String(4_000_000 + Math.floor(rnd() * 4_000_000)) },
        { soort: 'korting', stroom: 'ks-gala-structureel', jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage: String(Math.floor(rnd() * 20)) },
        { soort: 'indexatie', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', percentage: (rnd() * 4).toFixed(2) },
        { soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: String(Math.floor(rnd() * 100)) },
        {
          soort: 'sleutel', stroom: 'integrale-gezinspoli', jaar: 2027, geldigheid: 'vanaf-dit-jaar',
          sleutel: {
            type: 'formule',
            gewichten: [
              { indicator: indicators[Math.floor(rnd() * indicators.length)], gewicht: String(1 + Math.floor(rnd() * 9)) },
              { indicator: 'inwoners-2024', gewicht: String(1 + Math.floor(rnd() * 9)) },
            ],
            minimumbedrag: String(Math.floor(rnd() * 5000)),
          },
        },
      ],
    }));
    work = () => {
      for (const s of scenarios) {
        const out = core.allocateScenario(data, s);
        if (!out.ok) throw new Error(`sweep failed: ${JSON.stringify(out.fouten)}`);
      }
    };
  }
  const runs = BENCHES[name].runs;
  work(); // warm-up: JIT and the memoized baseline data
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ median, min: times[0], max: times[times.length - 1], runs, maxRssMiB }));
}

if (process.argv[2]) {
  await runOne(process.argv[2]);
} else {
  console.log(`Node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
  console.log('benchmark'.padEnd(58), 'mediaan'.padStart(10), 'doel'.padStart(10), 'piekgeheugen (RSS)'.padStart(20), ' runs');
  let allMet = true;
  for (const [name, b] of Object.entries(BENCHES)) {
    const r = spawnSync(process.execPath, [self, name], { encoding: 'utf8' });
    if (r.status !== 0) {
      console.error(r.stderr);
      process.exit(1);
    }
    const m = JSON.parse(r.stdout);
    const met = m.median <= b.target;
    allMet &&= met;
    console.log(
      b.label.padEnd(58),
      `${m.median.toFixed(2)} ms`.padStart(10),
      `≤ ${b.target} ms`.padStart(10),
      `${m.maxRssMiB.toFixed(1)} MiB`.padStart(20),
      ` ${m.runs}`,
      met ? '' : '  (boven het doel)',
    );
  }
  console.log(allMet ? '\nAlle doelen gehaald.' : '\nNiet alle doelen gehaald.');
}
