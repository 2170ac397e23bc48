import { beforeAll, describe, expect, it } from 'vitest';
import { closeSync, existsSync, lstatSync, openSync, readFileSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { baselineData, formatEuro, letterToHtml, membershipIn, municipalityLetter, regionLetter, regionsOf, type Allocation, type BaselineData } from '@kansrijke-start/core';
import { BIN, STACK, VANDAAG, baselineAllocation, calculate, files, ksBudget } from './run.js';
import { BAD, GOOD, SPLIT } from './fixtures.js';

/** The year total cell of the row of a year (its own, or a row of years such as 2019-2022) in the letter's table of amounts. */
function yearTotal(html: string, jaar: number): string | null {
  const table = /<table class="bedragen">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  for (const m of table.matchAll(/<tr><th scope="row">(\d{4})(?:-(\d{4}))?<\/th>([\s\S]*?)<\/tr>/g)) {
    const van = Number(m[1]);
    const tot = m[2] ? Number(m[2]) : van;
    if (jaar >= van && jaar <= tot) return /<td class="num totaal[^"]*">([^<]*)/.exec(m[3]!)?.[1] ?? null;
  }
  return null;
}

/** Every URL-carrying attribute or construct that would make the file depend on something else. */
const EXTERNAL = /<script|<link|<img|<iframe|\bsrc=|\bhref=|@import|url\(/i;

describe('ks-budget brief', () => {
  let data: BaselineData;
  let basis: Allocation;
  beforeAll(() => {
    data = baselineData();
    basis = baselineAllocation(data);
  });

  it('writes a self-contained letter for a municipality and a scenario, with the core year totals', () => {
    const f = files({ 'scenario.json': GOOD });
    const uit = path.join(path.dirname(f['scenario.json']!), 'brief.html');
    const r = ksBudget(['brief', '--gemeente', 'Utrecht', '--scenario', f['scenario.json']!, '--uit', uit]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(uit);
    const html = readFileSync(uit, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(EXTERNAL);
    expect(html).toContain('Gezinspoli 6 mln in 2028');
    // Each year total is the sum of Utrecht's lines in the scenario, as the core computes them.
    const scenario = calculate(data, GOOD);
    let years = 0;
    for (const jaar of new Set(scenario.resultaten.map((x) => x.jaar))) {
      const lines = scenario.resultaten.filter((x) => x.jaar === jaar).flatMap((x) => x.regels.filter((l) => l.soort === 'gemeente' && l.ontvanger === 'GM0344'));
      const cellText = yearTotal(html, jaar);
      expect(cellText, String(jaar)).not.toBeNull();
      if (lines.length === 0) {
        expect(cellText, String(jaar)).not.toMatch(/€/);
        continue;
      }
      years++;
      expect(cellText, String(jaar)).toBe(formatEuro(lines.reduce((s, l) => s + l.bedrag!, 0n), 'auto'));
    }
    expect(years).toBeGreaterThan(4);
    // The same bytes as the core's letter: the CLI only writes it.
    expect(html).toBe(letterToHtml(municipalityLetter(data, [basis, scenario], 'GM0344', { namen: ['Basis', 'Gezinspoli 6 mln in 2028'], vandaag: VANDAAG })));
  });

  it('writes to standard output without --uit; --zonder-bijlage leaves the appendix out', () => {
    const r = ksBudget(['brief', '--gemeente', 'GM0363']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(letterToHtml(municipalityLetter(data, [basis], 'GM0363', { namen: ['Basis'], vandaag: VANDAAG })));
    expect(r.stdout).toContain('class="bijlage"');
    const kort = ksBudget(['brief', '--gemeente', 'GM0363', '--zonder-bijlage']);
    expect(kort.stdout).not.toContain('class="bijlage"');
    expect(kort.stdout.length).toBeLessThan(r.stdout.length / 2);
  });

  it('writes the letter of a GGD region: its totals are the sums of its municipalities', () => {
    const region = regionsOf(data, 'ggd')[0]!;
    const f = files({ 'split.json': SPLIT });
    const r = ksBudget(['brief', '--regio', region.code, '--scenario', f['split.json']!]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(EXTERNAL);
    const scenario = calculate(data, SPLIT);
    expect(r.stdout).toBe(letterToHtml(regionLetter(data, [basis, scenario], region.code, { namen: ['Basis', 'Nu Niet Zwanger 60% lokaal'], vandaag: VANDAAG })));
    const r2027 = scenario.resultaten.filter((x) => x.jaar === 2027);
    let sum = 0n;
    for (const x of r2027) {
      const m = membershipIn(data, x.indeling, 'ggd').regioVan;
      for (const l of x.regels) if (l.soort === 'gemeente' && m.get(l.ontvanger) === region.code) sum += l.bedrag!;
    }
    expect(yearTotal(r.stdout, 2027)).toBe(formatEuro(sum, 'auto'));
    expect(r.stdout).toContain(region.naam);
  });

  it('says in Dutch what is wrong: no or two recipients, an unknown one, a bad scenario, a file that cannot be written', () => {
    const none = ksBudget(['brief']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('geef de gemeente (--gemeente CODE|NAAM) of de GGD-regio');
    const both = ksBudget(['brief', '--gemeente', 'Utrecht', '--regio', 'GG3606']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('gaan niet samen');
    const unknown = ksBudget(['brief', '--gemeente', 'Atlantis']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('--gemeente: geen gemeente gevonden voor "Atlantis"; geef een gemeentecode (zoals GM0014) of een naam\n'.replace('GM0014', data.gemeenten[0]!.code));
    const noRegion = ksBudget(['brief', '--regio', 'GG0000']);
    expect(noRegion.status).toBe(2);
    expect(noRegion.stderr).toMatch(/^--regio: geen GGD-regio gevonden voor "GG0000"/);
    const f = files({ 'fout.json': BAD });
    const bad = ksBudget(['brief', '--gemeente', 'Utrecht', '--scenario', f['fout.json']!]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/fout\.json, regel 5, kolom \d+ \(wijzigingen\[0\]\.jaar\)/);
    expect(bad.stdout).toBe('');
    const missing = '/bestaat/niet/brief.html';
    const write = ksBudget(['brief', '--gemeente', 'Utrecht', '--uit', missing]);
    expect(write.status).toBe(2);
    expect(write.stderr).toBe(`${missing}: de brief is niet geschreven: de map bestaat niet\n`);
    expect(existsSync(missing)).toBe(false);
    const dir = ksBudget(['brief', '--gemeente', 'Utrecht', '--uit', path.dirname(f['fout.json']!)]);
    expect(dir.stderr).toContain('dit is een map, geen bestand');
    for (const x of [none, both, unknown, noRegion, bad, write, dir]) expect(x.stderr).not.toMatch(STACK);
  });

  it('follows a symbolic link (the link stays, the file it points to gets the letter)', () => {
    const f = files({ 'doel.html': 'oud' });
    const link = path.join(path.dirname(f['doel.html']!), 'brief.html');
    symlinkSync(f['doel.html']!, link);
    const r = ksBudget(['brief', '--gemeente', 'Utrecht', '--uit', link]);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(f['doel.html']);
    expect(readFileSync(f['doel.html']!, 'utf8')).toMatch(/^<!doctype html>/i);
  });

  // /dev/full: every write fails with "no space left". Reached through a link of our own, so that
  // code that replaced what it writes to would replace the link, never the device.
  it.skipIf(!existsSync('/dev/full'))('writes into a device instead of replacing it, and says when the disk is full', () => {
    const f = files({ 'x.txt': '' });
    const full = path.join(path.dirname(f['x.txt']!), 'vol.html');
    symlinkSync('/dev/full', full);
    const r = ksBudget(['brief', '--gemeente', 'Utrecht', '--uit', full]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${full}: de brief is niet geschreven: de schijf is vol\n`);
    expect(lstatSync(full).isSymbolicLink()).toBe(true);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    const m = ksBudget(['allocate', '--years', '2026', '--metadata', full]);
    expect(m.status).toBe(2);
    expect(m.stderr).toBe(`${full}: de metadata is niet geschreven: de schijf is vol\n`);
    // Standard output on a full disk: said as such, not as a fault of ks-budget.
    const fd = openSync('/dev/full', 'w');
    const out = spawnSync(process.execPath, [BIN, 'streams'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { ...process.env, KS_DEBUG: '', KS_BUDGET_VANDAAG: VANDAAG } });
    closeSync(fd);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe('ks-budget: de uitvoer kan niet worden geschreven: de schijf is vol (ENOSPC)\n');
    // A sweep's detail file on a full disk: the file and the reason, exit 2.
    const s = files({ 's.jsonl': '{"versie":1,"naam":"A","wijzigingen":[]}\n' });
    const sw = ksBudget(['sweep', '--scenarios', s['s.jsonl']!, '--detail', full, '--format', 'csv']);
    expect(sw.status).toBe(2);
    expect(sw.stderr).toContain(`--detail ${full}: het bestand kan niet verder worden geschreven (de schijf is vol)`);
    for (const x of [r, m, sw]) expect(x.stderr).not.toMatch(STACK);
  });

  it('has Dutch usage that names both ways of choosing the recipient', () => {
    const r = ksBudget(['brief', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Gebruik: ks-budget brief/);
    for (const o of ['--gemeente', '--regio', '--scenario', '--uit', '--zonder-bijlage']) expect(r.stdout).toContain(o);
  });
});
