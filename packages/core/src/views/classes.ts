import { formatEuro } from '../money/format.js';

/**
 * Classes of a choropleth: the breaks that put amounts (bigint cents) into a few classes a
 * person can read. Breaks are near the quantiles of the known values (about as many
 * municipalities in each class), rounded to the coarsest "nice" step (1, 2 or 5 times a power of
 * ten, in cents) that keeps them apart. Exact: cents in, cents out, no floating point. An
 * unknown value (null) is in no class: it is shown as unknown, never as 0.
 */

/** One class: the values from `van` up to `tot`; null is no bound. */
export interface ValueClass {
  /** Lower bound in cents; null = no lower bound. */
  van: bigint | null;
  vanInclusief: boolean;
  /** Upper bound in cents; null = no upper bound. */
  tot: bigint | null;
  totInclusief: boolean;
  /** How many of the values the classes were made from fall in it. */
  aantal: number;
}

/** The legend classes of a set of values: ordered classes with their counts, the step of the breaks, and how many values are unknown. */
export interface ClassScheme {
  /** Ordered from low to high; every known value falls in exactly one. */
  klassen: readonly ValueClass[];
  /** The step the breaks are multiples of (cents): 1, 2 or 5 times a power of ten. */
  stap: bigint;
  /**
   * With a class of its own for exactly 0 ("geen verschil", also when no value is 0), negative
   * classes below it (only when a value is negative) and positive ones above (only when one is
   * positive).
   */
  divergerend: boolean;
  /** The smallest and largest known value; null when no value is known. */
  min: bigint | null;
  max: bigint | null;
  /** How many values were unknown (null). */
  onbekend: number;
}

/** How classes are made: how many, and whether the values diverge around zero (differences). */
export interface ClassOptions {
  /** At most this many classes (besides the class for 0 when diverging); default 5, at least 1. */
  klassen?: number;
  /** A class of its own for exactly 0, the negative values below it and the positive ones above (differences). */
  divergerend?: boolean;
  /** The finest step of the breaks, in cents (default 1: a cent; 100 for whole euros). 1, 2 or 5 times a power of ten. */
  minStap?: bigint;
}

/** The steps 1, 2, 5, 10, 20, 50, ... cents from `min` up to the first that is at least `upTo`. */
function stepsUpTo(min: bigint, upTo: bigint): bigint[] {
  const out: bigint[] = [];
  for (let p = 1n; ; p *= 10n) {
    for (const m of [1n, 2n, 5n]) {
      const s = m * p;
      if (s < min) continue;
      out.push(s);
      if (s >= upTo) return out;
    }
  }
}

/** Whether `s` is 1, 2 or 5 times a power of ten. */
export function isNiceStep(s: bigint): boolean {
  if (s <= 0n) return false;
  let x = s;
  while (x % 10n === 0n) x /= 10n;
  return x === 1n || x === 2n || x === 5n;
}

/** `v` rounded to the nearest multiple of `step`, half up (toward +infinity). */
function roundTo(v: bigint, step: bigint): bigint {
  const q = v >= 0n ? v / step : -((-v + step - 1n) / step); // floor
  const rest = v - q * step;
  return 2n * rest >= step ? (q + 1n) * step : q * step;
}

/** The values at the quantiles 1/k, ..., (k-1)/k of sorted `vs`, distinct, each above `low`. */
function quantiles(vs: readonly bigint[], k: number, low: bigint): bigint[] {
  const out: bigint[] = [];
  for (let i = 1; i < k; i++) {
    const q = vs[Math.floor((i * vs.length) / k)]!;
    if (q > low && (out.length === 0 || q > out[out.length - 1]!)) out.push(q);
  }
  return out;
}

/**
 * The breaks of one side: the raw quantile breaks rounded to the coarsest step (from `minStap`)
 * at which as many distinct breaks remain, each strictly inside (`low`, `high`] (or (`low`,
 * `high`) when `highOpen`). Below `minStap` breaks may merge; then there are fewer classes.
 */
function niceBreaks(raw: readonly bigint[], low: bigint, high: bigint, highOpen: boolean, minStap: bigint): { breaks: bigint[]; stap: bigint } {
  const inside = (b: bigint) => b > low && (highOpen ? b < high : b <= high);
  const steps = stepsUpTo(minStap, high - low > 0n ? high - low : 1n).reverse();
  // From coarse to fine: the first step that keeps every break, else the one that keeps most.
  let best: { breaks: bigint[]; stap: bigint } = { breaks: [], stap: steps[0]! };
  for (const stap of steps) {
    const breaks: bigint[] = [];
    for (const b of raw.map((x) => roundTo(x, stap))) if (inside(b) && (breaks.length === 0 || b > breaks[breaks.length - 1]!)) breaks.push(b);
    if (breaks.length === raw.length) return { breaks, stap };
    if (breaks.length > best.breaks.length) best = { breaks, stap };
  }
  return best;
}

const cls = (van: bigint | null, vanInclusief: boolean, tot: bigint | null, totInclusief: boolean): ValueClass => ({ van, vanInclusief, tot, totInclusief, aantal: 0 });

/** Classes [-inf, b1), [b1, b2), ..., [bn, `top`) where `top` null is no bound, else exclusive. */
function ladder(breaks: readonly bigint[], bottom: { van: bigint; inclusief: boolean } | null, top: bigint | null): ValueClass[] {
  const bounds = [...breaks];
  const out: ValueClass[] = [];
  for (let i = 0; i <= bounds.length; i++) {
    const van = i === 0 ? (bottom?.van ?? null) : bounds[i - 1]!;
    const vanInclusief = i === 0 ? (bottom?.inclusief ?? false) : true;
    const tot = i === bounds.length ? top : bounds[i]!;
    out.push(cls(van, vanInclusief, tot, false));
  }
  return out;
}

/** Whether `v` lies in class `c`. */
export function inClass(c: ValueClass, v: bigint): boolean {
  const aboveLow = c.van === null || v > c.van || (c.vanInclusief && v === c.van);
  const belowHigh = c.tot === null || v < c.tot || (c.totInclusief && v === c.tot);
  return aboveLow && belowHigh;
}

/** The index of the class of `v` in the scheme, or null for an unknown value (or none: only when the scheme has no classes). */
export function classIndex(scheme: ClassScheme, v: bigint | null): number | null {
  if (v === null) return null;
  const i = scheme.klassen.findIndex((c) => inClass(c, v));
  return i < 0 ? null : i;
}

/** The classes of `values` (cents; null = unknown). */
export function classBreaks(values: readonly (bigint | null)[], opts: ClassOptions = {}): ClassScheme {
  const k = Math.max(1, Math.floor(opts.klassen ?? 5));
  const minStap = opts.minStap ?? 1n;
  if (!isNiceStep(minStap)) throw new RangeError(`classBreaks: minStap ${minStap} is geen 1, 2 of 5 maal een macht van tien`);
  const known = values.filter((v): v is bigint => v !== null).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const onbekend = values.length - known.length;
  const min = known[0] ?? null;
  const max = known[known.length - 1] ?? null;
  const divergerend = opts.divergerend === true;
  let klassen: ValueClass[];
  let stap = minStap;
  if (min === null || max === null) {
    klassen = [];
  } else if (!divergerend) {
    const { breaks, stap: s } = niceBreaks(quantiles(known, k, min), min, max, false, minStap);
    stap = s;
    klassen = ladder(breaks, null, null);
  } else {
    const neg = known.filter((v) => v < 0n);
    const pos = known.filter((v) => v > 0n);
    const kNeg = Math.max(1, Math.floor(k / 2));
    const kPos = Math.max(1, k - kNeg);
    klassen = [];
    const steps: bigint[] = [];
    if (neg.length > 0) {
      const nb = niceBreaks(quantiles(neg, kNeg, neg[0]!), neg[0]!, 0n, true, minStap);
      steps.push(nb.stap);
      klassen.push(...ladder(nb.breaks, null, 0n));
    }
    // Always a class for exactly 0, also when no value is 0: the scale stays one line through 0.
    klassen.push(cls(0n, true, 0n, true));
    if (pos.length > 0) {
      const pb = niceBreaks(quantiles(pos, kPos, pos[0]!), pos[0]!, pos[pos.length - 1]!, false, minStap);
      steps.push(pb.stap);
      klassen.push(...ladder(pb.breaks, { van: 0n, inclusief: false }, null));
    }
    stap = steps.reduce((a, b) => (b < a ? b : a), steps[0] ?? minStap);
  }
  for (const v of known) {
    const c = klassen.find((x) => inClass(x, v));
    if (c) c.aantal++;
  }
  return { klassen, stap, divergerend, min, max, onbekend };
}

/** How class labels are written: whether " per inwoner" follows each amount. */
export interface LabelOptions {
  /** " per inwoner" after each amount. */
  perInwoner?: boolean;
}

/**
 * A class in Dutch words: "minder dan € 10", "€ 10 tot € 20", "€ 50 of meer", "meer dan € 0 tot
 * € 5", "geen verschil (€ 0)"; with `perInwoner` each with " per inwoner". "tot" is exclusive,
 * as in "€ 10 tot € 20" (20 itself is in the next class). Cents are shown when the step of the
 * scheme is below a euro.
 */
export function classLabel(scheme: ClassScheme, c: ValueClass, opts: LabelOptions = {}): string {
  const decimals = scheme.stap < 100n ? 'always' : 'auto';
  const e = (v: bigint) => formatEuro(v, decimals);
  const suffix = opts.perInwoner ? ' per inwoner' : '';
  if (c.van === 0n && c.tot === 0n) return scheme.divergerend ? `geen verschil (${e(0n)}${suffix})` : `${e(0n)}${suffix}`;
  if (c.van === null && c.tot === null) {
    // One class for every value: say the range of the values.
    if (scheme.min === null || scheme.max === null) return `alle bedragen${suffix}`;
    return scheme.min === scheme.max ? `${e(scheme.min)}${suffix}` : `${e(scheme.min)} tot en met ${e(scheme.max)}${suffix}`;
  }
  if (c.van === null) return `minder dan ${e(c.tot!)}${suffix}`;
  if (c.tot === null) return c.vanInclusief ? `${e(c.van)} of meer${suffix}` : `meer dan ${e(c.van)}${suffix}`;
  return c.vanInclusief ? `${e(c.van)} tot ${e(c.tot)}${suffix}` : `meer dan ${e(c.van)} tot ${e(c.tot)}${suffix}`;
}
