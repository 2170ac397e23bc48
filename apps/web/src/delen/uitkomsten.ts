import {
  STATUS_LABELS,
  centsToPlain,
  compare,
  writeCsv,
  type Allocation,
  type BaselineData,
  type ComparisonRow,
  type Scenario,
} from '@kansrijke-start/core';
import { stroomNaam } from '../ui/stromen.js';
import { SOORT_LABEL } from '../scenario/labels.js';
import { euro, geheel, tekst, writeXlsx, type XlsxCell, type XlsxSheet } from './xlsx.js';

/**
 * The results as tables for download: every recipient, stream and year of the baseline and the
 * scenario, and the totals per stream and year. Amounts in euros with a `.` decimal point
 * (cents exact, from bigint); an unknown amount is an empty cell, never 0.
 */

export const KOLOMMEN_ONTVANGERS = [
  'stroom',
  'stroomnaam',
  'jaar',
  'ontvanger',
  'naam',
  'soort',
  'basis_eur',
  'scenario_eur',
  'verschil_eur',
  'status_basis',
  'status_scenario',
] as const;

export const KOLOMMEN_TOTALEN = ['stroom', 'stroomnaam', 'jaar', 'basis_eur', 'scenario_eur', 'verschil_eur', 'status_scenario'] as const;

const bedrag = (c: bigint | null): string => (c === null ? '' : centsToPlain(c));
const status = (s: ComparisonRow['statusBasis']): string => (s === null ? '' : STATUS_LABELS[s]);

export function ontvangerRijen(data: BaselineData, basis: Allocation, scenario: Allocation): ComparisonRow[] {
  return compare(data, basis, scenario).sort((a, b) => a.jaar - b.jaar || a.stroom.localeCompare(b.stroom) || a.ontvanger.localeCompare(b.ontvanger));
}

export interface TotaalRij {
  stroom: ComparisonRow['stroom'];
  jaar: number;
  basis: bigint | null;
  scenario: bigint | null;
  status: string;
}

export function totaalRijen(basis: Allocation, scenario: Allocation): TotaalRij[] {
  const key = (s: string, j: number) => `${s}|${j}`;
  const b = new Map(basis.resultaten.map((r) => [key(r.stroom, r.jaar), r]));
  const s = new Map(scenario.resultaten.map((r) => [key(r.stroom, r.jaar), r]));
  const keys = [...new Set([...b.keys(), ...s.keys()])];
  return keys
    .map((k) => {
      const rb = b.get(k);
      const rs = s.get(k);
      const r = (rs ?? rb)!;
      return { stroom: r.stroom, jaar: r.jaar, basis: rb ? rb.totaal : null, scenario: rs ? rs.totaal : null, status: rs ? STATUS_LABELS[rs.status] : '' };
    })
    .sort((p, q) => p.jaar - q.jaar || p.stroom.localeCompare(q.stroom));
}

const verschil = (b: bigint | null, s: bigint | null): bigint | null => (b !== null && s !== null ? s - b : null);

export function uitkomstenCsv(rows: readonly ComparisonRow[], excel: boolean): string {
  return writeCsv(
    KOLOMMEN_ONTVANGERS,
    rows.map((r) => [
      r.stroom,
      stroomNaam(r.stroom),
      String(r.jaar),
      r.ontvanger,
      r.naam,
      r.soort,
      bedrag(r.basis),
      bedrag(r.scenario),
      bedrag(r.verschil),
      status(r.statusBasis),
      status(r.statusScenario),
    ]),
    { excel },
  );
}

function wijzigingSamenvatting(w: Scenario['wijzigingen'][number]): string {
  switch (w.soort) {
    case 'bedrag':
      return `€ ${w.bedrag}`;
    case 'korting':
    case 'indexatie':
      return `${w.percentage}%`;
    case 'lokaal-regionaal':
      return `${w.lokaalPercentage}% lokaal`;
    case 'verdeling':
      return w.verdeling;
    case 'sleutel':
      return w.sleutel.type === 'formule'
        ? `formule: ${w.sleutel.gewichten.map((g) => `${g.indicator} × ${g.gewicht}`).join(' + ')}${w.sleutel.basisbedrag ? `; basisbedrag € ${w.sleutel.basisbedrag}` : ''}${w.sleutel.minimumbedrag ? `; minimum € ${w.sleutel.minimumbedrag}` : ''}`
        : w.sleutel.type === 'tabel'
          ? `tabel ${w.sleutel.naam} (${w.sleutel.waarden.length} gemeenten)`
          : 'Brede SPUK-sleutel 2025';
    case 'deelname':
      return `${w.gemeenten.length} gemeenten nemen deel; niet-deelnemers: ${w.nietDeelnemers}`;
    case 'reservering':
      return w.ontvangers.map((o) => `${o.naam} € ${o.bedrag}`).join('; ');
  }
}

export function uitkomstenXlsx(scenario: Scenario, rows: readonly ComparisonRow[], totalen: readonly TotaalRij[]): Uint8Array {
  const totaalBlad: XlsxSheet = {
    naam: 'Totalen',
    kolommen: [
      { kop: 'Stroom', breedte: 40 },
      { kop: 'Jaar', breedte: 8 },
      { kop: 'Basis (euro)', breedte: 18 },
      { kop: 'Scenario (euro)', breedte: 18 },
      { kop: 'Verschil (euro)', breedte: 18 },
      { kop: 'Status scenario', breedte: 20 },
    ],
    rijen: totalen.map((t): XlsxCell[] => [tekst(stroomNaam(t.stroom)), geheel(t.jaar), euro(t.basis), euro(t.scenario), euro(verschil(t.basis, t.scenario)), tekst(t.status)]),
  };
  const ontvangersBlad: XlsxSheet = {
    naam: 'Per ontvanger',
    kolommen: [
      { kop: 'Stroom', breedte: 36 },
      { kop: 'Jaar', breedte: 8 },
      { kop: 'Code', breedte: 12 },
      { kop: 'Ontvanger', breedte: 30 },
      { kop: 'Soort', breedte: 12 },
      { kop: 'Basis (euro)', breedte: 16 },
      { kop: 'Scenario (euro)', breedte: 16 },
      { kop: 'Verschil (euro)', breedte: 16 },
      { kop: 'Status basis', breedte: 18 },
      { kop: 'Status scenario', breedte: 18 },
    ],
    rijen: rows.map((r): XlsxCell[] => [
      tekst(stroomNaam(r.stroom)),
      geheel(r.jaar),
      tekst(r.ontvanger),
      tekst(r.naam),
      tekst(r.soort),
      euro(r.basis),
      euro(r.scenario),
      euro(r.verschil),
      tekst(status(r.statusBasis)),
      tekst(status(r.statusScenario)),
    ]),
  };
  const scenarioBlad: XlsxSheet = {
    naam: 'Scenario',
    kolommen: [
      { kop: 'Nr', breedte: 6 },
      { kop: 'Wijziging', breedte: 28 },
      { kop: 'Stroom', breedte: 36 },
      { kop: 'Jaar', breedte: 8 },
      { kop: 'Geldt', breedte: 16 },
      { kop: 'Waarde', breedte: 50 },
      { kop: 'Toelichting', breedte: 40 },
    ],
    rijen: [
      [tekst('Naam'), tekst(scenario.naam)],
      ...(scenario.omschrijving ? [[tekst('Omschrijving'), tekst(scenario.omschrijving)]] : []),
      ...scenario.wijzigingen.map((w, i): XlsxCell[] => [
        geheel(i + 1),
        tekst(SOORT_LABEL[w.soort]),
        tekst(stroomNaam(w.stroom)),
        geheel(w.jaar),
        tekst(w.geldigheid === 'alleen-dit-jaar' ? 'alleen dit jaar' : 'vanaf dit jaar'),
        tekst(wijzigingSamenvatting(w)),
        tekst(w.toelichting ?? ''),
      ]),
    ],
  };
  return writeXlsx([totaalBlad, ontvangersBlad, scenarioBlad]);
}
