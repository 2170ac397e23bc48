import { FRAME } from '../data/frame.js';
import { YEARS } from '../data/types.js';
import { formatEuro } from '../money/format.js';
import { problem, type Problem } from '../scenario/problem.js';
import { streamById } from '../streams/streams.js';
import type { StreamYearResult } from './types.js';

/** Years in which the known amounts of the frame's streams exceed the budget frame (coalition agreement). */
export function frameWarnings(resultaten: readonly StreamYearResult[]): Problem[] {
  const frame = BigInt(FRAME.bedrag) * 100n;
  const names = FRAME.stromen.map((s) => streamById(s).naam).join(', ');
  const out: Problem[] = [];
  for (const jaar of YEARS) {
    if (jaar < FRAME.vanaf) continue;
    const rs = resultaten.filter((r) => r.jaar === jaar && FRAME.stromen.includes(r.stroom));
    const known = rs.reduce((s, r) => s + (r.totaal ?? 0n), 0n);
    const unknown = rs.some((r) => r.totaal === null);
    if (known > frame) {
      out.push(
        problem(
          'scenario',
          `${jaar}: de bekende bedragen van ${names} zijn samen ${formatEuro(known, 'auto')}, meer dan het kader van ${formatEuro(frame, 'auto')} (${FRAME.naam})${unknown ? '; onbekende bedragen komen daar nog bij' : ''}.`,
        ),
      );
    }
  }
  return out;
}
