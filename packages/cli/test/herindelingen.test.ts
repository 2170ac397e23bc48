import { beforeAll, describe, expect, it } from 'vitest';
import {
  allocationTable,
  baselineData,
  emptyScenario,
  explain,
  findMunicipality,
  renderExplanation,
  tableToCsv,
  type Allocation,
  type BaselineData,
} from '@kansrijke-start/core';
import { STACK, VANDAAG, baselineAllocation, calculate, csvObjects, files, ksBudget } from './run.js';
import { placeOf, scenarioText } from './fixtures.js';

/** The planned merger of the data: the municipality that goes into another, and that other. */
function plannedMerger(data: BaselineData): { oud: { code: string; naam: string }; nieuw: { code: string; naam: string }; jaar: number } {
  const m = data.herindelingenGepland.find((x) => x.oudeCode !== x.nieuweCode)!;
  return { oud: { code: m.oudeCode, naam: m.oudeNaam }, nieuw: { code: m.nieuweCode, naam: m.nieuweNaam }, jaar: m.jaar };
}

describe('the planned merger through the CLI (--herindelingen)', () => {
  let data: BaselineData;
  let basis: Allocation;
  let zonder: Allocation;
  let m: ReturnType<typeof plannedMerger>;
  beforeAll(() => {
    data = baselineData();
    basis = baselineAllocation(data);
    zonder = calculate(data, { ...emptyScenario(), herindelingen: 'zonder' });
    m = plannedMerger(data);
  });

  it('the data has the merger this file tests: Wijdemeren into Hilversum from 2027', () => {
    expect(m).toEqual({ oud: { code: 'GM1696', naam: 'Wijdemeren' }, nieuw: { code: 'GM0402', naam: 'Hilversum' }, jaar: 2027 });
  });

  it('explain Wijdemeren in 2027 says why, then explains Hilversum with the core text', () => {
    const stroom = 'nu-niet-zwanger';
    const r = ksBudget(['explain', '--gemeente', m.oud.naam, '--year', String(m.jaar), '--stream', stroom]);
    expect(r.status, r.stderr).toBe(0);
    const match = findMunicipality(data, m.oud.naam, { jaar: m.jaar })[0]!;
    expect(match.via).toBe('samenvoeging-gepland');
    const blocks = r.stdout.split('\n\n');
    expect(blocks[0]).toBe(`${m.nieuw.naam} (${m.nieuw.code}), ${m.jaar}, basis\n${match.toelichting}`);
    const e = explain(basis, { stroom, jaar: m.jaar, ontvanger: m.nieuw.code, vandaag: VANDAAG });
    if (!e.ok) throw new Error(e.bericht);
    expect(blocks[1]!.split('\n').slice(1, 1 + renderExplanation(e.uitleg).length)).toEqual(renderExplanation(e.uitleg));
    // By code too.
    const byCode = ksBudget(['explain', '--gemeente', m.oud.code, '--year', String(m.jaar), '--stream', stroom]);
    expect(byCode.stdout).toBe(r.stdout);
  });

  it('explain Wijdemeren in 2026, or in 2027 without the merger, explains Wijdemeren itself', () => {
    const before = ksBudget(['explain', '--gemeente', m.oud.naam, '--year', String(m.jaar - 1)]);
    expect(before.status, before.stderr).toBe(0);
    expect(before.stdout.split('\n')[0]).toBe(`${m.oud.naam} (${m.oud.code}), ${m.jaar - 1}, basis`);
    expect(before.stdout).not.toContain(m.nieuw.naam);

    const without = ksBudget(['explain', '--gemeente', m.oud.naam, '--year', String(m.jaar), '--stream', 'nu-niet-zwanger', '--herindelingen', 'zonder']);
    expect(without.status, without.stderr).toBe(0);
    expect(without.stdout.split('\n')[0]).toBe(`${m.oud.naam} (${m.oud.code}), ${m.jaar}, basis`);
    const e = explain(zonder, { stroom: 'nu-niet-zwanger', jaar: m.jaar, ontvanger: m.oud.code, vandaag: VANDAAG });
    if (!e.ok) throw new Error(e.bericht);
    for (const line of renderExplanation(e.uitleg)) expect(without.stdout).toContain(line);
  });

  it('explain JSON carries the sources (with stand and address) and the pending decisions', () => {
    const r = ksBudget(['explain', '--gemeente', m.oud.naam, '--year', String(m.jaar), '--stream', 'nu-niet-zwanger', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { gemeenten: { code: string; toelichting: string; stromen: { uitleg: { bronnen: unknown[]; besluiten: unknown[] } }[] }[] };
    expect(doc.gemeenten[0]!.code).toBe(m.nieuw.code);
    expect(doc.gemeenten[0]!.toelichting).toContain(m.oud.naam);
    const e = explain(basis, { stroom: 'nu-niet-zwanger', jaar: m.jaar, ontvanger: m.nieuw.code, vandaag: VANDAAG });
    if (!e.ok) throw new Error(e.bericht);
    expect(doc.gemeenten[0]!.stromen[0]!.uitleg.bronnen).toEqual(JSON.parse(JSON.stringify(e.uitleg.bronnen)));
    expect(doc.gemeenten[0]!.stromen[0]!.uitleg.besluiten).toEqual(JSON.parse(JSON.stringify(e.uitleg.besluiten)));
    expect(e.uitleg.besluiten.length).toBeGreaterThan(0);
  });

  it('explain says a figure may be out of date once the announced date has passed (KS_BUDGET_VANDAAG)', () => {
    const r = ksBudget(['explain', '--gemeente', 'GM0014', '--year', '2027', '--stream', 'nu-niet-zwanger'], { env: { KS_BUDGET_VANDAAG: '2026-10-01' } });
    expect(r.status, r.stderr).toBe(0);
    const e = explain(basis, { stroom: 'nu-niet-zwanger', jaar: 2027, ontvanger: 'GM0014', vandaag: '2026-10-01' });
    if (!e.ok) throw new Error(e.bericht);
    const stale = e.uitleg.besluiten.find((b) => b.verouderd)!;
    expect(r.stdout).toContain(stale.tekst);
    expect(ksBudget(['explain', '--gemeente', 'GM0014', '--year', '2027', '--stream', 'nu-niet-zwanger']).stdout).not.toContain('Mogelijk verouderd');
  });

  it('allocate --herindelingen zonder: a Wijdemeren line in 2027, and Hilversum gets less', () => {
    const args = ['allocate', '--years', String(m.jaar), '--stream', 'nu-niet-zwanger'];
    const gepland = ksBudget(args);
    const without = ksBudget([...args, '--herindelingen', 'zonder']);
    expect(without.status, without.stderr).toBe(0);
    expect(without.stdout).toBe(tableToCsv(allocationTable(zonder, { van: m.jaar, tot: m.jaar, stroom: 'nu-niet-zwanger' })));
    const line = (out: string, code: string) => csvObjects(out).rows.find((x) => x['ontvanger'] === code);
    expect(line(gepland.stdout, m.oud.code)).toBeUndefined();
    expect(line(without.stdout, m.oud.code)).toBeDefined();
    const hilversum = (out: string) => line(out, m.nieuw.code)!['bedrag']!;
    expect(hilversum(without.stdout)).not.toBe(hilversum(gepland.stdout));
    expect(BigInt(hilversum(without.stdout))).toBeLessThan(BigInt(hilversum(gepland.stdout)));
    // `gepland` is the default.
    expect(ksBudget([...args, '--herindelingen', 'gepland']).stdout).toBe(gepland.stdout);
  });

  it('--herindelingen overrides the field of a scenario file; its warnings keep their place in the file', () => {
    const change = { soort: 'korting', stroom: 'ks-brede-spuk', jaar: 2027, geldigheid: 'alleen-dit-jaar', percentage: '10' };
    const text = scenarioText('zonder herindeling', [change]).replace('"versie": 1,', '"versie": 1,\n  "herindelingen": "zonder",');
    const f = files({ 's.json': text });
    const args = ['allocate', '--scenario', f['s.json']!, '--years', String(m.jaar), '--stream', 'nu-niet-zwanger'];
    const own = ksBudget(args);
    expect(own.status, own.stderr).toBe(0);
    expect(csvObjects(own.stdout).rows.some((x) => x['ontvanger'] === m.oud.code)).toBe(true);
    const overridden = ksBudget([...args, '--herindelingen', 'gepland']);
    expect(overridden.status, overridden.stderr).toBe(0);
    expect(csvObjects(overridden.stdout).rows.some((x) => x['ontvanger'] === m.oud.code)).toBe(false);
    const at = placeOf(text, change);
    for (const r of [own, overridden]) expect(r.stderr).toContain(`${f['s.json']}, regel ${at.regel}, kolom ${at.kolom} (wijzigingen[0])`);
    expect(overridden.stderr).toBe(own.stderr);
  });

  it('compare --herindelingen applies to both sides and is in the metadata', () => {
    const f = files({ 's.json': scenarioText('leeg', []) });
    const r = ksBudget(['compare', '--scenario', f['s.json']!, '--years', String(m.jaar), '--herindelingen', 'zonder', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { metadata: { scenarios: { herindelingen: string }[] }; regels: { ontvanger: string }[] };
    expect(doc.metadata.scenarios.map((s) => s.herindelingen)).toEqual(['zonder', 'zonder']);
    expect(doc.regels.some((x) => x.ontvanger === m.oud.code)).toBe(true);
  });

  it('a bad --herindelingen is an input error in Dutch, for every command that takes it', () => {
    for (const c of [['allocate'], ['compare', '--scenario', 'x.json'], ['explain', '--gemeente', 'GM0014', '--year', '2027'], ['regio']]) {
      const r = ksBudget([...c, '--herindelingen', 'nee']);
      expect(r.status, c[0]).toBe(2);
      expect(r.stderr).toBe('--herindelingen: "nee" is geen keuze; kies gepland (met de geplande herindelingen) of zonder (zonder de geplande herindelingen)\n');
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});

describe('--gemeente on allocate and compare', () => {
  let data: BaselineData;
  let basis: Allocation;
  beforeAll(() => {
    data = baselineData();
    basis = baselineAllocation(data);
  });
  const linesOf = (a: Allocation, jaar: number, stroom: string, code: string) =>
    a.resultaten.find((r) => r.jaar === jaar && r.stroom === stroom)!.regels.filter((l) => l.ontvanger === code);

  it('allocate --gemeente Wijdemeren: its own rows up to 2026, Hilversum\'s from 2027, and a note saying so', () => {
    const { oud, nieuw, jaar } = plannedMerger(data);
    const r = ksBudget(['allocate', '--gemeente', oud.naam, '--years', `${jaar - 1}-${jaar}`, '--stream', 'nu-niet-zwanger']);
    expect(r.status).toBe(0);
    const rows = csvObjects(r.stdout).rows;
    expect(rows.map((x) => [x['jaar'], x['ontvanger'], x['bedrag']])).toEqual([
      [String(jaar - 1), oud.code, String(linesOf(basis, jaar - 1, 'nu-niet-zwanger', oud.code)[0]!.bedrag! / 100n)],
      [String(jaar), nieuw.code, String(linesOf(basis, jaar, 'nu-niet-zwanger', nieuw.code)[0]!.bedrag! / 100n)],
    ]);
    expect(r.stderr).toContain(`let op: ${oud.naam} (${oud.code}) gaat per 1 januari ${jaar} op in ${nieuw.naam} (${nieuw.code})`);
  });

  it('compare --gemeente keeps only that municipality, by a name in everyday use too', () => {
    const f = files({ 's.json': scenarioText('Gezinspoli', [{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag: '6000000' }]) });
    const r = ksBudget(['compare', '--scenario', f['s.json']!, '--gemeente', 'Den Haag', '--years', '2028']);
    expect(r.status).toBe(0);
    const rows = csvObjects(r.stdout).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((x) => x['ontvanger']))).toEqual(new Set(['GM0518']));
    const unknown = ksBudget(['compare', '--scenario', f['s.json']!, '--gemeente', 'Nergenshuizen']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--gemeente: geen gemeente gevonden voor "Nergenshuizen"');
  });
});
