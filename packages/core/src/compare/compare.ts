import type { BaselineData, StreamId } from '../data/types.js';
import type { Allocation, RecipientKind, ResultStatus } from '../allocation/allocate.js';
import { type Fraction, fraction } from '../money/fraction.js';

/** One recipient, stream and year in two allocations. Amounts in cents; null = unknown or absent. */
export interface ComparisonRow {
  stroom: StreamId;
  jaar: number;
  ontvanger: string;
  naam: string;
  soort: RecipientKind;
  basis: bigint | null;
  scenario: bigint | null;
  statusBasis: ResultStatus | null;
  statusScenario: ResultStatus | null;
  /** scenario - basis; null when either is unknown or absent. */
  verschil: bigint | null;
  /** Difference as a fraction of the base (0.05 = 5%); null when the base is 0 or unknown. */
  verschilFractie: Fraction | null;
  /** Inhabitants on 1 January 2024 (municipalities only), for euro per inhabitant. */
  inwoners: bigint | null;
}

type Line = { naam: string; soort: RecipientKind; bedrag: bigint | null; status: ResultStatus };

function index(a: Allocation): Map<string, Line> {
  const m = new Map<string, Line>();
  for (const r of a.resultaten) for (const l of r.regels) m.set(`${r.stroom}|${r.jaar}|${l.ontvanger}`, l);
  return m;
}

/**
 * Compares two allocations (a scenario against the baseline, or two scenarios) per recipient,
 * stream and year. A stream that runs in only one of the two shows as absent (null) on the other side.
 */
export function compare(data: BaselineData, basis: Allocation, scenario: Allocation): ComparisonRow[] {
  const a = index(basis);
  const b = index(scenario);
  const inhabitants = data.indicatoren.find((i) => i.id === 'inwoners-2024')?.waarden;
  const keys = new Set([...a.keys(), ...b.keys()]);
  const rows: ComparisonRow[] = [];
  for (const key of keys) {
    const [stroom, jaar, ontvanger] = key.split('|') as [StreamId, string, string];
    const la = a.get(key);
    const lb = b.get(key);
    const l = (lb ?? la)!;
    const va = la?.bedrag ?? null;
    const vb = lb?.bedrag ?? null;
    const inw = l.soort === 'gemeente' ? inhabitants?.get(ontvanger) : undefined;
    rows.push({
      stroom,
      jaar: Number(jaar),
      ontvanger,
      naam: l.naam,
      soort: l.soort,
      basis: va,
      scenario: vb,
      statusBasis: la?.status ?? null,
      statusScenario: lb?.status ?? null,
      verschil: va !== null && vb !== null ? vb - va : la === undefined && vb !== null ? vb : lb === undefined && va !== null ? -va : null,
      verschilFractie: va !== null && vb !== null && va !== 0n ? fraction(vb - va, va) : null,
      inwoners: inw ? BigInt(inw.toFixed(0)) : null,
    });
  }
  return rows;
}

/** Euro per inhabitant as an exact fraction of euros; null without inhabitants or amount. */
export function perInhabitant(cents: bigint | null, inwoners: bigint | null): Fraction | null {
  if (cents === null || inwoners === null || inwoners === 0n) return null;
  return fraction(cents, inwoners * 100n);
}
