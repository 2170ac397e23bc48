/**
 * Dates as people here read them: "1 januari 2027". Dates in the data are ISO text, as precise
 * as the source is: a day (2025-09-12), a month (2026-01) or a year (2025).
 */

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'] as const;

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "12 september 2025", "januari 2026" or "2025"; text that is not an ISO date comes back as it is. */
export function formatDate(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const month = MONTHS[Number(mo) - 1];
  if (!month) return iso;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/**
 * A date's ISO day text (yyyy-mm-dd) in the calendar of the Netherlands (Europe/Amsterdam).
 *
 * From 1996 the Netherlands keeps Central European Time (UTC+1) with the EU's summer time
 * (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October
 * (Directive 2000/84/EC, the rule since 1996), so the day is computed from that rule: asking
 * `Intl` with a time zone costs tens of milliseconds the first time (it loads the zone data),
 * which is most of the start-up of a short command. Before 1996 the rules differed, and `Intl`
 * is asked. A test compares the two over the whole range.
 */
export function isoDay(date: Date): string {
  const t = date.getTime();
  const year = date.getUTCFullYear();
  if (year < 1996 || !Number.isFinite(t)) return intlIsoDay(date);
  const summer = t >= lastSundayAt1Utc(year, 2) && t < lastSundayAt1Utc(year, 9);
  const local = new Date(t + (summer ? 2 : 1) * HOUR);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(local.getUTCFullYear()).padStart(4, '0')}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
}

const HOUR = 3_600_000;

/** 01:00 UTC on the last Sunday of a month (0-based) of a year, in milliseconds since 1970. */
function lastSundayAt1Utc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1)); // the month's last day, 01:00 UTC
  return last.getTime() - last.getUTCDay() * 24 * HOUR;
}

/** The same day, asked of `Intl` (its time zone data). */
export function intlIsoDay(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The last day a date as precise as the source covers: 2026-01 → 2026-01-31, 2025 → 2025-12-31. */
export function lastDayOf(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`geen datum: ${iso}`);
  const [, y, mo, d] = m;
  if (d) return iso;
  if (!mo) return `${y}-12-31`;
  const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  return `${y}-${mo}-${String(days).padStart(2, '0')}`;
}

/** Years as ranges, as people write them: "2027", "2027-2030", "2027, 2029" (the list ascending). */
export function yearRanges(list: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < list.length; ) {
    let j = i;
    while (j + 1 < list.length && list[j + 1] === list[j]! + 1) j++;
    parts.push(j === i ? String(list[i]) : `${list[i]}-${list[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
