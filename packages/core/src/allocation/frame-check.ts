import { FRAME } from '../data/frame.js';
import { YEARS } from '../data/types.js';
import { formatEuro } from '../money/format.js';
import { problem, type Problem } from '../scenario/problem.js';
import { streamById } from '../streams/streams.js';
import type { StreamYearResult } from './types.js';

/** Years in which the known amounts of the frame's streams exceed the budget frame (coalition agreement). */
const FRAME_CENTS = BigInt(FRAME.bedrag) * 100n;
const FRAME_STREAMS: ReadonlySet<string> = new Set(FRAME.stromen);
export function frameWarnings(resultaten: readonly StreamYearResult[]): Problem[] {
  const frame = FRAME_CENTS;
  const known = new Map<number, bigint>();
  const unknownIn = new Set<number>();
  // The frame's streams that run in each year, in the frame's order: the warning names those only.
  const running = new Map<number, Set<string>>();
  for (const r of resultaten) {
    if (r.jaar < FRAME.vanaf || !FRAME_STREAMS.has(r.stroom)) continue;
    running.set(r.jaar, (running.get(r.jaar) ?? new Set()).add(r.stroom));
    if (r.totaal === null) unknownIn.add(r.jaar);
    else known.set(r.jaar, (known.get(r.jaar) ?? 0n) + r.totaal);
  }
  const out: Problem[] = [];
  for (const jaar of YEARS) {
    const sum = known.get(jaar) ?? 0n;
    const unknown = unknownIn.has(jaar);
    const names = FRAME.stromen.filter((s) => running.get(jaar)?.has(s)).map((s) => streamById(s).naam).join(', ');
    if (sum > frame) {
      out.push(
        problem(
          'scenario',
          `${jaar}: de bekende bedragen van ${names} zijn samen ${formatEuro(sum, 'auto')}, meer dan het kader van ${formatEuro(frame, 'auto')} (${FRAME.naam})${unknown ? '; onbekende bedragen komen daar nog bij' : ''}.`,
        ),
      );
    }
  }
  return out;
}
