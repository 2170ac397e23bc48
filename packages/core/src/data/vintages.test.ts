import { describe, it, expect } from 'vitest';
import { baselineData, parseBaselineData } from './baseline.js';
import { rawData } from './raw/index.js';
import { meta } from './raw/meta.js';
import { decisionNotice, decisionNotices, PENDING_DECISIONS } from './decisions.js';
import { documentsOf, sourceReference } from './sources.js';
import { allocateScenario } from '../allocation/allocate-scenario.js';
import type { Allocation } from '../allocation/types.js';
import { emptyScenario } from '../scenario/format.js';
import { explain } from '../explain/explain.js';
import { renderExplanation } from '../explain/render.js';
import { nationalOverview } from '../views/overview.js';
import { overviewTable } from '../export/tables.js';
import { csvMetadata, ENGINE, exportMetadata, metadataTable } from '../export/metadata.js';
import { tableToCsv } from '../export/table.js';
import { parseCsv } from '../csv/parse.js';
import corePackage from '../../package.json' with { type: 'json' };

const data = baselineData();
const allocation = (input: unknown, d = data): Allocation => {
  const out = allocateScenario(d, input);
  if (!out.ok) throw new Error(out.fouten.map((f) => `${f.pad}: ${f.bericht}`).join('\n'));
  return out.allocation;
};
const baseline = allocation(emptyScenario());
const split = PENDING_DECISIONS.find((b) => b.id === 'azwa-lokaal-regionaal')!;

describe('the stand of each figure and its source', () => {
  it('gives every national amount and every cut a source that cites a dated document with an address', () => {
    const o = nationalOverview(baseline);
    expect(o.bronnen.length).toBeGreaterThan(3);
    for (const b of o.bronnen) {
      expect(b.documenten.length, b.tekst).toBeGreaterThan(0);
      expect(b.stand, b.tekst).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
    for (const y of o.jaren) for (const c of y.cellen) if (c.loopt && c.bronnen.length > 0) expect(c.stand).not.toBeNull();
  });

  it('gives every key a source that cites a document of bronnen.csv', () => {
    for (const bron of [data.bredeSpuk2025.bron, data.spukIza2025.bron, ...data.indicatoren.map((i) => i.bron)]) {
      expect(documentsOf(data, bron).length, bron).toBeGreaterThan(0);
    }
  });

  it("takes the stand from the cited documents' dates, the newest when several are cited, and no stand when none has a date", () => {
    const [a, b] = data.bronnen.filter((d) => d.datum !== null);
    const r = sourceReference(data.bronnen, `${a!.bronTekst} p.1; ${b!.bronTekst}`);
    expect(r.documenten).toEqual([a, b]);
    expect(r.stand).toBe(a!.datum! > b!.datum! ? a!.datum : b!.datum);
    expect(sourceReference(data.bronnen, 'een bron die niet in bronnen.csv staat')).toMatchObject({ documenten: [], stand: null, url: null });
  });

  it('a source that gives a document by its address cites that document (the 2027 merger), with its date', () => {
    const merger = data.herindelingenGepland[0]!.bron;
    const r = sourceReference(data.bronnen, merger);
    expect(r.documenten.map((d) => d.titel)).toEqual([expect.stringMatching(/Hilversum en Wijdemeren/)]);
    expect(r.stand).toBe('2025-11-21');
  });

  it('writes the stand and the address of the source in the overview table', () => {
    const t = overviewTable(baseline, { van: 2026, tot: 2026 });
    const stand = t.kolommen.findIndex((c) => c.id === 'stand');
    const url = t.kolommen.findIndex((c) => c.id === 'bron_url');
    expect(t.rijen.length).toBeGreaterThan(0);
    const bron = t.kolommen.findIndex((c) => c.id === 'bron');
    for (const r of t.rijen) {
      expect(r[stand]).toMatch(/^\d{4}/);
      // A link wherever a cited document has one ("Kamerbrief structurele aanpak" has none).
      const documents = String(r[bron]).split('; ').flatMap((x) => sourceReference(data.bronnen, x).documenten);
      if (documents.some((d) => d.url !== null)) expect(r[url]).toMatch(/^https:\/\/\S+( https:\/\/\S+)*$/);
      else expect(r[url]).toBe('');
    }
    expect(t.rijen.some((r) => r[url] !== '')).toBe(true);
  });

  it('says the stand of the source in the explanation, as a Dutch date', () => {
    const e = explain(baseline, { stroom: 'ks-brede-spuk', jaar: 2026, ontvanger: 'GM0344' });
    if (!e.ok) throw new Error(e.bericht);
    expect(e.uitleg.bronnen.length).toBeGreaterThan(0);
    expect(renderExplanation(e.uitleg).join('\n')).toMatch(/\(stand \d{1,2} [a-z]+ 20\d\d\)/);
  });
});

describe('decisions still to come', () => {
  const d = (datum: string) => {
    // The same data, dated otherwise: a newer document in bronnen.csv and a version to match.
    const bronnen = rawData.bronnen;
    const rows = [...bronnen.rows, ['Nieuwer document', 'Nieuwer document', 'VWS', datum, '', '']];
    const raw = { ...rawData, bronnen: { ...bronnen, rows } };
    const out = parseBaselineData(raw, { ...meta, datum, versie: `${datum}+${meta.sha256.slice(0, 12)}` });
    if (!out.ok) throw new Error(out.fouten.join('\n'));
    return out.data;
  };

  it('says the AZWA split is not yet decided, on the figure and in its explanation, while its date has not passed', () => {
    const [n] = decisionNotices(baseline.gegevens, 'nu-niet-zwanger', 2027, '2026-06-01');
    expect(n).toMatchObject({ id: split.id, verouderd: false });
    expect(n!.tekst).toMatch(/^Nog niet besloten/);
    expect(n!.tekst).toContain('derde kwartaal van 2026');
    expect(decisionNotices(baseline.gegevens, 'nu-niet-zwanger', 2026, '2026-06-01')).toEqual([]);
    expect(decisionNotices(baseline.gegevens, 'ks-brede-spuk', 2027, '2026-06-01')).toEqual([]);
  });

  it('says the figure may be out of date once the announced date has passed by the user\'s clock', () => {
    const n = decisionNotice(split, { gegevensDatum: data.versie.datum, vandaag: '2026-12-01' });
    expect(n.verouderd).toBe(true);
    expect(n.tekst).toMatch(/^Mogelijk verouderd: de verdeling/);
    expect(n.titel).toBe('Mogelijk verouderd');
    expect(n.inhoud).toMatch(/^De verdeling/);
    expect(n.tekst).toBe(`${n.titel}: ${n.inhoud.charAt(0).toLowerCase()}${n.inhoud.slice(1)}`);
    expect(n.tekst).toContain('1 december 2026');
    expect(decisionNotice(split, { gegevensDatum: data.versie.datum, vandaag: '2026-09-30' }).verouderd).toBe(false);
  });

  it('gives the staleness notice for the AZWA split for a data set dated after Q3 2026, without any clock', () => {
    const later = d('2026-10-15');
    const a = allocation(emptyScenario(), later);
    const e = explain(a, { stroom: 'integrale-gezinspoli', jaar: 2028, ontvanger: 'GM0344' });
    if (!e.ok) throw new Error(e.bericht);
    expect(e.uitleg.besluiten.map((b) => [b.id, b.verouderd])).toEqual([[split.id, true]]);
    const text = renderExplanation(e.uitleg).join('\n');
    expect(text).toMatch(/Mogelijk verouderd/);
    expect(text).toContain('stand 15 oktober 2026');
    // The embedded data (stand 22 april 2026) without a clock: still open, not stale.
    const now = explain(baseline, { stroom: 'integrale-gezinspoli', jaar: 2028, ontvanger: 'GM0344' });
    expect(now.ok && now.uitleg.besluiten.map((b) => b.verouderd)).toEqual([false]);
  });

  it('never calls a decision without a date stale', () => {
    const rookvrij = PENDING_DECISIONS.find((b) => b.verwacht === null)!;
    expect(decisionNotice(rookvrij, { gegevensDatum: '2030-01-01', vandaag: '2030-01-01' }).verouderd).toBe(false);
  });
});

describe('the version of the data in every export', () => {
  it('keeps the engine version equal to the package version', () => {
    expect(ENGINE.versie).toBe(corePackage.version);
  });

  it('carries the data version, its stand, the scenarios and the open decisions', () => {
    const scenario = allocation({ ...emptyScenario('Zonder herindeling'), herindelingen: 'zonder' });
    const m = exportMetadata([baseline, scenario], ['Basis', 'Zonder herindeling'], { vandaag: '2026-12-01' });
    expect(m.gegevens).toEqual({ versie: data.versie.versie, datum: data.versie.datum, sha256: data.versie.sha256 });
    expect(m.scenarios.map((s) => [s.naam, s.herindelingen])).toEqual([
      ['Basis', 'gepland'],
      ['Zonder herindeling', 'zonder'],
    ]);
    expect(m.besluiten.map((b) => b.id).sort()).toEqual(PENDING_DECISIONS.map((b) => b.id).sort());
    const sheet = metadataTable(m);
    expect(sheet.naam).toBe('Verantwoording');
    expect(sheet.rijen.flat().join(' ')).toContain(data.versie.versie);
  });

  it('describes a CSV file in CSVW without touching it: the columns are the header of the CSV', () => {
    const t = overviewTable(baseline);
    const csv = tableToCsv(t);
    const m = csvMetadata(t, exportMetadata([baseline], ['Basis']), 'landelijk.csv') as { url: string; tableSchema: { columns: { name: string }[] } };
    const parsed = parseCsv(csv, { bestand: 'landelijk.csv' });
    if (!parsed.ok) throw new Error('csv');
    expect(m.url).toBe('landelijk.csv');
    expect(m.tableSchema.columns.map((c) => c.name)).toEqual(parsed.header);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});
