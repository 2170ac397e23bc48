import type { Allocation, AllocationLine, StreamId, StreamYearResult } from '@kansrijke-start/core';

/** One amount in a municipality's overview: its own share, or a region's share it receives as mandate holder. */
export interface GemeenteRegel {
  sleutel: string; // `${stroom}|${jaar}|${ontvanger}`
  stroom: StreamId;
  jaar: number;
  result: StreamYearResult;
  /** null: the stream is not divided over municipalities this year. */
  line: AllocationLine | null;
  alsMandaatgemeente: boolean;
}

const cache = new WeakMap<Allocation, Map<string, GemeenteRegel[]>>();

/** All stream-years with what the municipality gets (or that it is not divided), in year order. */
export function gemeenteRegels(allocation: Allocation, code: string): GemeenteRegel[] {
  let perCode = cache.get(allocation);
  if (!perCode) cache.set(allocation, (perCode = new Map()));
  const known = perCode.get(code);
  if (known) return known;
  const out: GemeenteRegel[] = [];
  for (const r of allocation.resultaten) {
    const own = r.regels.find((l) => l.soort === 'gemeente' && l.ontvanger === code) ?? null;
    const distributed = r.regels.some((l) => l.soort === 'gemeente');
    if (own || !distributed) {
      out.push({ sleutel: `${r.stroom}|${r.jaar}|${code}`, stroom: r.stroom, jaar: r.jaar, result: r, line: own, alsMandaatgemeente: false });
    }
    for (const l of r.regels) {
      if (l.soort === 'regio' && l.mandaatgemeente?.code === code) {
        out.push({ sleutel: `${r.stroom}|${r.jaar}|${l.ontvanger}`, stroom: r.stroom, jaar: r.jaar, result: r, line: l, alsMandaatgemeente: true });
      }
    }
  }
  out.sort((a, b) => a.jaar - b.jaar);
  perCode.set(code, out);
  return out;
}
