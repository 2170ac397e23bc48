import { beforeAll, describe, expect, it } from 'vitest';
import { STATUS_CODES, baselineData, type Allocation, type BaselineData, type StreamId } from '@kansrijke-start/core';
import { baselineAllocation, calculate, csvObjects, files, ksBudget } from './run.js';
import { GOOD } from './fixtures.js';

/** The status of one amount as each command shows it. */
function shown(q: { stroom: StreamId; jaar: number; code: string; scenario?: string; reference?: string }) {
  const sc = q.scenario ? ['--scenario', q.scenario] : [];
  const filter = ['--years', String(q.jaar), '--stream', q.stroom];
  const allocate = csvObjects(ksBudget(['allocate', ...filter, ...sc]).stdout).rows.find((r) => r['ontvanger'] === q.code)!['status'];
  // compare always needs a scenario; the baseline side is status_basis.
  const cmp = csvObjects(ksBudget(['compare', ...filter, '--scenario', q.scenario ?? q.reference!]).stdout).rows.find((r) => r['ontvanger'] === q.code)!;
  const compare = q.scenario ? cmp['status_scenario'] : cmp['status_basis'];
  const text = ksBudget(['explain', '--gemeente', q.code, '--year', String(q.jaar), '--stream', q.stroom, ...sc]).stdout;
  const explain = /^Uitkomst: .*\(status: ([^)]+)\)/m.exec(text)?.[1];
  return { allocate, compare, explain, text };
}

describe('one status vocabulary: the same amount has the same status code in every command', () => {
  let data: BaselineData;
  let good: Allocation;
  let basis: Allocation;
  let f: Record<string, string>;
  beforeAll(() => {
    data = baselineData();
    basis = baselineAllocation(data);
    good = calculate(data, GOOD);
    f = files({ 'goed.json': GOOD });
  });

  const lineStatus = (a: Allocation, stroom: StreamId, jaar: number, code: string) =>
    a.resultaten.find((r) => r.stroom === stroom && r.jaar === jaar)!.regels.find((l) => l.ontvanger === code)!.status;

  it('an amount that rests on the scenario is "scenario" in allocate, compare and explain', () => {
    expect(lineStatus(good, 'integrale-gezinspoli', 2028, 'GM0014')).toBe('scenario');
    const s = shown({ stroom: 'integrale-gezinspoli', jaar: 2028, code: 'GM0014', scenario: f['goed.json']! });
    expect({ allocate: s.allocate, compare: s.compare, explain: s.explain }).toEqual({ allocate: 'scenario', compare: 'scenario', explain: 'scenario' });
    expect(s.text).toMatch(/^scenario: /m);
  });

  it('the Brede SPUK amounts of a municipality: "berekend" in 2026, "raming" in 2023, everywhere', () => {
    for (const [jaar, status] of [
      [2026, 'berekend'],
      [2023, 'raming'],
    ] as const) {
      expect(lineStatus(basis, 'ks-brede-spuk', jaar, 'GM0014')).toBe(status);
      const s = shown({ stroom: 'ks-brede-spuk', jaar, code: 'GM0014', reference: f['goed.json']! });
      expect({ jaar, allocate: s.allocate, compare: s.compare, explain: s.explain }).toEqual({ jaar, allocate: status, compare: status, explain: status });
      // A scenario that does not touch the amount leaves its status.
      const untouched = shown({ stroom: 'ks-brede-spuk', jaar, code: 'GM0014', scenario: f['goed.json']! });
      expect({ allocate: untouched.allocate, compare: untouched.compare, explain: untouched.explain }).toEqual({ allocate: status, compare: status, explain: status });
    }
  });

  it('every status any command prints is a code of the vocabulary', () => {
    const allocate = csvObjects(ksBudget(['allocate']).stdout).rows;
    for (const r of allocate) expect(STATUS_CODES).toContain(r['status']);
    const streams = csvObjects(ksBudget(['streams']).stdout).rows;
    for (const r of streams) for (const k of ['bronstatus', 'status']) if (r[k] !== '') expect(STATUS_CODES).toContain(r[k]);
    const text = ksBudget(['explain', '--gemeente', 'GM0014', '--year', '2026']).stdout;
    for (const m of text.matchAll(/\(status: ([^)]+)\)/g)) expect(STATUS_CODES).toContain(m[1]);
  });
});
