import type { Allocation, Table } from '@kansrijke-start/core';
import { CsvDownload } from './csv-download.js';

/**
 * Bar charts as inline SVG. Amounts are converted to numbers only here, to compute pixels;
 * every chart has a table with the exact figures as its text alternative.
 */
export interface Reeks {
  naam: string;
  kleur: string;
  /** One value per category; null (unknown) draws nothing. */
  waarden: (bigint | number | null)[];
}

export interface StaafGrafiekProps {
  id: string;
  titel: string;
  /** Short text for screen readers: what the chart shows and where the figures are. */
  beschrijving: string;
  categorieen: string[];
  reeksen: Reeks[];
  /** Label of a tick value on the y-axis. */
  asLabel: (v: number) => string;
  hoogte?: number;
  breedte?: number;
  legenda?: boolean;
  /** False: the series side by side in each category (grouped), instead of stacked. */
  gestapeld?: boolean;
  /** Font size of the axis labels, in units of the view box (default 12). */
  tekstGrootte?: number;
  /** A shorter label of a category, used when the full labels do not fit their band (such as ’26 for 2026). */
  kortLabel?: (c: string) => string;
  /** A table with the exact figures under the chart, folded away: its text alternative. */
  tabel?: { kop: string; tekst: (v: bigint | number | null) => string };
  /** A CSV download of the chart's figures (the core's `chartTable` of exactly what is drawn). */
  csv?: { bestand: string; tabel: () => Table | Promise<Table>; allocations: readonly Allocation[]; namen: readonly string[] };
}

const n = (v: bigint | number | null): number => (v === null ? 0 : typeof v === 'bigint' ? Number(v) : v);

/** Round tick step: 1, 2 or 5 times a power of ten. */
function niceStep(max: number, ticks: number): number {
  const raw = max / ticks;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

/** Bars: one stack per category with one segment per series, or the series side by side (positive values only). */
export function StaafGrafiek(p: StaafGrafiekProps) {
  const W = p.breedte ?? 900;
  const H = p.hoogte ?? 320;
  const left = Math.round((86 * (p.tekstGrootte ?? 12)) / 12);
  const right = 12;
  const top = 12;
  const bottom = 24 + (p.tekstGrootte ?? 12);
  const stacked = p.gestapeld !== false;
  const fs = p.tekstGrootte ?? 12;
  const totals = p.categorieen.map((_, i) =>
    stacked ? p.reeksen.reduce((s, r) => s + Math.max(0, n(r.waarden[i] ?? null)), 0) : Math.max(0, ...p.reeksen.map((r) => n(r.waarden[i] ?? null))),
  );
  const max = Math.max(1, ...totals);
  const step = niceStep(max, 4);
  const top1 = Math.ceil(max / step) * step;
  const plotH = H - top - bottom;
  const plotW = W - left - right;
  const band = plotW / Math.max(1, p.categorieen.length);
  const barW = stacked ? Math.min(56, band * 0.7) : Math.min(36, (band * 0.8) / Math.max(1, p.reeksen.length));
  const y = (v: number) => top + plotH - (v / top1) * plotH;
  // Labels are about 0.6 em per character; too wide for the band, the short form is used.
  const fits = p.categorieen.every((c) => c.length * fs * 0.6 <= band * 0.95);
  const labelOf = (c: string) => (fits || !p.kortLabel ? c : p.kortLabel(c));
  const ticks: number[] = [];
  for (let t = 0; t <= top1 + step / 2; t += step) ticks.push(t);
  return (
    <figure class="grafiek" id={p.id}>
      <figcaption>{p.titel}</figcaption>
      {p.legenda !== false && p.reeksen.length > 1 && (
        <ul class="legenda">
          {p.reeksen.map((r) => (
            <li key={r.naam}>
              <span class="kleur" style={{ background: r.kleur }} aria-hidden="true" />
              {r.naam}
            </li>
          ))}
        </ul>
      )}
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby={`${p.id}-t ${p.id}-d`}>
        <title id={`${p.id}-t`}>{p.titel}</title>
        <desc id={`${p.id}-d`}>{p.beschrijving}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={W - right} y1={y(t)} y2={y(t)} stroke={t === 0 ? '#000' : '#cccccc'} stroke-width="1" />
            <text x={left - 8} y={y(t) + fs / 3} text-anchor="end" font-size={fs} fill="#333">
              {p.asLabel(t)}
            </text>
          </g>
        ))}
        {p.categorieen.map((c, i) => {
          const x = left + i * band + (band - barW) / 2;
          let acc = 0;
          const label = (
            <text x={left + i * band + band / 2} y={H - bottom + fs + 6} text-anchor="middle" font-size={fs} fill="#333">
              {labelOf(c)}
            </text>
          );
          if (!stacked) {
            const x0 = left + i * band + (band - barW * p.reeksen.length) / 2;
            return (
              <g key={c}>
                {p.reeksen.map((r, k) => {
                  const v = Math.max(0, n(r.waarden[i] ?? null));
                  if (v === 0) return null;
                  return <rect key={r.naam} x={x0 + k * barW} y={y(v)} width={barW} height={Math.max(y(0) - y(v), 0.5)} fill={r.kleur} stroke="#fff" stroke-width="1" />;
                })}
                {label}
              </g>
            );
          }
          return (
            <g key={c}>
              {p.reeksen.map((r) => {
                const v = Math.max(0, n(r.waarden[i] ?? null));
                if (v === 0) return null;
                const y1 = y(acc + v);
                const h = y(acc) - y1;
                acc += v;
                return <rect key={r.naam} x={x} y={y1} width={barW} height={Math.max(h, 0.5)} fill={r.kleur} stroke="#fff" stroke-width="1" />;
              })}
              {label}
            </g>
          );
        })}
      </svg>
      {p.tabel && (
        <details class="grafiek__tabel">
          <summary>{p.tabel.kop}</summary>
          <div class="tabel-wrap" role="region" aria-label={p.tabel.kop} tabIndex={0}>
            <table class="utrecht-table">
              <caption class="utrecht-table__caption visually-hidden">{p.titel}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell" />
                  {p.reeksen.map((r) => (
                    <th key={r.naam} scope="col" class="utrecht-table__header-cell num">
                      {r.naam}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {p.categorieen.map((c, i) => (
                  <tr class="utrecht-table__row" key={c}>
                    <th class="utrecht-table__header-cell" scope="row">{c}</th>
                    {p.reeksen.map((r) => (
                      <td key={r.naam} class="utrecht-table__cell num">
                        {p.tabel!.tekst(r.waarden[i] ?? null)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {p.csv && <CsvDownload label="Cijfers van de grafiek (CSV)" bestand={p.csv.bestand} tabel={p.csv.tabel} allocations={p.csv.allocations} namen={p.csv.namen} />}
    </figure>
  );
}
