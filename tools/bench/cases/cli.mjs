// ks-budget as people start it: wall time of whole processes, next to `node -e 0` (the floor
// that no Node program can go below), timed alternately so that both see the same machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@kansrijke-start/core';
import { stats } from '../lib.mjs';
import { sweepScenarios } from './sweep.mjs';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../packages/cli/bin/ks-budget.cjs');

function wall(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 2 ** 20, env: { ...process.env, KS_BUDGET_TTY: '0', KS_BUDGET_STDERR_TTY: '0' } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

/** How many times faster the run with all cores is than the run with one (`extra[0]`). */
const ratio = (m) => `${(m.extra[0].median / m.median).toFixed(2).replace('.', ',')}x`;

/** `ks-budget sweep` of `count` scenarios on all cores, timed alternately with `--workers 1`. */
function cliSweep(count, { target, check, runs = 3 }) {
  return {
    id: count === 1000 ? 'cliSweep' : `cliSweep${count}`,
    kind: 'process',
    label: `\`ks-budget sweep\` van ${count.toLocaleString('nl-NL')} scenario's, alle kernen`,
    target,
    runs,
    check,
    setup() {
      const dir = mkdtempSync(path.join(tmpdir(), 'ks-bench-'));
      const file = path.join(dir, 'scenarios.jsonl');
      writeFileSync(file, sweepScenarios(core.baselineData(), count).map((s) => JSON.stringify(s)).join('\n') + '\n');
      const args = (workers) => [BIN, 'sweep', '--scenarios', file, '--workers', String(workers), '--format', 'csv'];
      return {
        work(n) {
          const all = [];
          const one = [];
          for (let i = 0; i < n; i++) {
            all.push(wall(args(availableParallelism())));
            one.push(wall(args(1)));
          }
          const m = { ...stats(all), extra: [{ label: `--workers 1 (${availableParallelism()} kernen beschikbaar)`, ...stats(one) }] };
          if (!check) m.extra[0].tekst = `alle kernen ${ratio(m)} zo snel als één`;
          return m;
        },
      };
    },
  };
}

export const benchmarks = [
  {
    id: 'cliExplain',
    kind: 'process',
    label: '`ks-budget explain --gemeente Utrecht --year 2027`, wandkloktijd',
    target: '≤ 1,5x node -e 0',
    runs: 21,
    check: (m) => ({ ok: m.median <= 1.5 * m.extra[0].median, tekst: `${(m.median / m.extra[0].median).toFixed(2).replace('.', ',')}x node -e 0` }),
    setup() {
      return {
        work(runs) {
          const cli = [];
          const floor = [];
          wall([BIN, 'explain', '--gemeente', 'Utrecht', '--year', '2027']);
          for (let i = 0; i < runs; i++) {
            cli.push(wall([BIN, 'explain', '--gemeente', 'Utrecht', '--year', '2027']));
            floor.push(wall(['-e', '0']));
          }
          return { ...stats(cli), extra: [{ label: 'node -e 0', ...stats(floor) }] };
        },
      };
    },
  },
  cliSweep(1000, {
    target: 'sneller dan met één kern',
    check: (m) => ({ ok: m.median < m.extra[0].median, tekst: `${ratio(m)} zo snel als één kern` }),
  }),
  // No target: where, on this machine, the second core starts to pay for its thread's start and its compiler.
  cliSweep(3000, { target: '', check: null, runs: 2 }),
];
