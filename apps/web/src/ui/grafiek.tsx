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
}

const n = (v: bigint | number | null): number => (v === null ? 0 : typeof v === 'bigint' ? Number(v) : v);

/** Round tick step: 1, 2 or 5 times a power of ten. */
function niceStep(max: number, ticks: number): number {
  const raw = max / ticks;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

/** Stacked bars: one bar per category, one segment per series (positive values only). */
export function StaafGrafiek(p: StaafGrafiekProps) {
  const W = p.breedte ?? 900;
  const H = p.hoogte ?? 320;
  const left = 86;
  const right = 12;
  const top = 12;
  const bottom = 36;
  const totals = p.categorieen.map((_, i) => p.reeksen.reduce((s, r) => s + Math.max(0, n(r.waarden[i] ?? null)), 0));
  const max = Math.max(1, ...totals);
  const step = niceStep(max, 4);
  const top1 = Math.ceil(max / step) * step;
  const plotH = H - top - bottom;
  const plotW = W - left - right;
  const band = plotW / Math.max(1, p.categorieen.length);
  const barW = Math.min(56, band * 0.7);
  const y = (v: number) => top + plotH - (v / top1) * plotH;
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
            <text x={left - 8} y={y(t) + 4} text-anchor="end" font-size="12" fill="#333">
              {p.asLabel(t)}
            </text>
          </g>
        ))}
        {p.categorieen.map((c, i) => {
          const x = left + i * band + (band - barW) / 2;
          let acc = 0;
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
              <text x={left + i * band + band / 2} y={H - bottom + 18} text-anchor="middle" font-size="12" fill="#333">
                {c}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
