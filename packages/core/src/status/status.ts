/**
 * The one status vocabulary of the product. Every figure (a national amount, an adjusted total,
 * a recipient's amount) carries one of these codes, and the same code, with the same meaning,
 * is used by the core, the CLI, the app, every export and the README. The code is also the name
 * people see: there is no second label.
 *
 * The statuses say what is known about a figure:
 * - the figure itself is published (`officieel`, `officieel-afgerond`);
 * - it is computed from official inputs but never published as such (`berekend`);
 * - it rests on an assumption of the data (`raming`) or of the scenario (`scenario`), with the
 *   reason;
 * - nothing is known (`onbekend`), which is never the same as 0.
 */

export const STATUS_CODES = ['officieel', 'officieel-afgerond', 'berekend', 'raming', 'scenario', 'onbekend'] as const;
/** The status of a figure: one of `STATUS_CODES` (`officieel` ... `onbekend`); the code is also the name people see. */
export type Status = (typeof STATUS_CODES)[number];

/** The statuses a figure in the reference data can have (`landelijke-budgetten.csv`). */
export type SourceStatus = Extract<Status, 'officieel' | 'officieel-afgerond' | 'raming' | 'onbekend'>;
export const SOURCE_STATUSES = ['officieel', 'officieel-afgerond', 'raming', 'onbekend'] as const satisfies readonly SourceStatus[];

/** What each status means, in Dutch, for every legend that shows statuses. */
export const STATUS_MEANING: Readonly<Record<Status, string>> = {
  officieel: 'Dit bedrag staat zo in een officieel document; de bron staat erbij.',
  'officieel-afgerond':
    'Dit bedrag staat in een officieel document, maar daar afgerond; het exacte bedrag staat in een regeling die niet beschikbaar was.',
  berekend:
    'Berekend uit officiële gegevens (een officieel landelijk bedrag en een officiële verdeelsleutel), maar zelf nergens zo gepubliceerd.',
  raming: 'Een schatting: het bedrag, de verdeelsleutel, de verdeling of de indeling is een aanname. De reden staat bij het bedrag.',
  scenario: 'Rust op een aanname van het scenario: een wijziging die in het scenario is ingevoerd.',
  onbekend: 'Er is geen bedrag bekend. Onbekend is niet hetzelfde als nul en telt nergens als nul mee.',
};

/** The legend: every status with its meaning, in the order from most to least certain. */
export function statusLegend(): readonly { status: Status; betekenis: string }[] {
  return STATUS_CODES.map((status) => ({ status, betekenis: STATUS_MEANING[status] }));
}

const RANK: Readonly<Record<Status, number>> = Object.fromEntries(STATUS_CODES.map((s, i) => [s, i])) as Record<Status, number>;

/** The least certain of the statuses (`officieel` for none). */
export function weakest(...statuses: readonly Status[]): Status {
  let out: Status = 'officieel';
  for (const s of statuses) if (RANK[s] > RANK[out]) out = s;
  return out;
}

/** True for a figure that is itself published. */
export const isPublished = (s: Status): boolean => s === 'officieel' || s === 'officieel-afgerond';

/** One input of a computed figure: its status and, when it is not official, why (Dutch). */
export interface Ground {
  status: Status;
  reden: string | null;
}

/** A status with the reasons that make it less than official (empty for a published or computed figure). */
export interface Qualified {
  status: Status;
  redenen: readonly string[];
}

/**
 * The status of a figure computed from `grounds`: `berekend` when every ground is published
 * (the figure itself is not), otherwise the least certain ground, with the reasons of every
 * ground that is an estimate, a scenario assumption or unknown.
 */
export function derive(grounds: readonly Ground[]): Qualified {
  let status: Status = 'berekend';
  const redenen: string[] = [];
  for (const g of grounds) {
    if (isPublished(g.status) || g.status === 'berekend') continue;
    status = weakest(status, g.status);
    if (g.reden && !redenen.includes(g.reden)) redenen.push(g.reden);
  }
  return { status, redenen };
}
