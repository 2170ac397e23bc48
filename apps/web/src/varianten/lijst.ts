import { allocateScenario, checkJsonSyntax, emptyScenario, locator, parseScenario, serializeScenario, type BaselineData, type Problem, type Scenario } from '@kansrijke-start/core';

/**
 * The named variants a user keeps in the browser: a list of scenarios, the one being edited,
 * and at most two chosen to compare with the baseline. Every operation is a pure function from
 * one list to the next; `state.ts` holds the current list in a signal.
 */

export interface Variant {
  /** Stable within the page (not kept): what buttons and choices refer to. */
  id: number;
  scenario: Scenario;
}

export interface Varianten {
  lijst: readonly Variant[];
  /** The id of the variant being edited. */
  huidig: number;
  /** The ids of the variants compared with the baseline, in the order chosen (at most two). */
  vergelijk: readonly number[];
}

/** At most this many variants are compared with the baseline at once. */
export const MAX_VERGELIJK = 2;
/** At most this many variants are kept (a list of 2000-change scenarios must still fit a browser's storage). */
export const MAX_VARIANTEN = 50;
const MAX_NAAM = 200;

/** What the file and the browser's copy of all variants say they are. */
export const VARIANTEN_SOORT = 'kansrijke-start-varianten';
export const VARIANTEN_VERSIE = 1;

let lastId = 0;
const nextId = (): number => ++lastId;

/** A list of one variant: the given scenario, being edited. */
export function eenVariant(scenario: Scenario): Varianten {
  const id = nextId();
  return { lijst: [{ id, scenario }], huidig: id, vergelijk: [] };
}

export const huidigeVan = (v: Varianten): Variant => v.lijst.find((x) => x.id === v.huidig) ?? v.lijst[0]!;

/** The same scenario: the same text when written out (names included). */
export const zelfde = (a: Scenario, b: Scenario): boolean => a === b || serializeScenario(a) === serializeScenario(b);

/**
 * `naam` when no variant has that name yet; otherwise the first free of `naam (2)`, `naam (3)`,
 * ... or, for a copy, `naam (kopie)`, `naam (kopie 2)`, ... The name is shortened where needed
 * so that it stays within the 200 characters a scenario name may have.
 */
export function uniekeNaam(naam: string, bestaande: readonly string[], kopie = false): string {
  const taken = new Set(bestaande);
  const withSuffix = (suffix: string) => `${naam.slice(0, MAX_NAAM - suffix.length)}${suffix}`;
  if (!kopie && !taken.has(naam)) return naam;
  for (let n = kopie ? 1 : 2; ; n++) {
    const candidate = withSuffix(kopie ? (n === 1 ? ' (kopie)' : ` (kopie ${n})`) : ` (${n})`);
    if (!taken.has(candidate)) return candidate;
  }
}

const namen = (v: Varianten): string[] => v.lijst.map((x) => x.scenario.naam);

/** Adds `scenario` after the variant at `na` (or at the end) under a name no other variant has, and edits it. */
function insert(v: Varianten, scenario: Scenario, na: number, kopie = false): Varianten {
  const id = nextId();
  const naam = uniekeNaam(scenario.naam, namen(v), kopie);
  const lijst = [...v.lijst];
  lijst.splice(na + 1, 0, { id, scenario: { ...scenario, naam } });
  return { ...v, lijst, huidig: id };
}

/** A new variant that is the baseline, named "Nieuwe variant" (or "Nieuwe variant (2)", ...), being edited. */
export function nieuweVariant(v: Varianten): Varianten {
  return insert(v, emptyScenario('Nieuwe variant'), v.lijst.length - 1);
}

/** A copy of a variant right after it, named "... (kopie)", being edited. */
export function dupliceer(v: Varianten, id: number): Varianten {
  const i = v.lijst.findIndex((x) => x.id === id);
  if (i < 0) return v;
  return insert(v, v.lijst[i]!.scenario, i, true);
}

/** Renames a variant (the name is the scenario's own name). */
export function hernoem(v: Varianten, id: number, naam: string): Varianten {
  return { ...v, lijst: v.lijst.map((x) => (x.id === id ? { ...x, scenario: { ...x.scenario, naam: naam.slice(0, MAX_NAAM) } } : x)) };
}

/** Back to the baseline: no changes and the baseline's choice about mergers; the name stays. */
export function herstel(v: Varianten, id: number): Varianten {
  return { ...v, lijst: v.lijst.map((x) => (x.id === id ? { ...x, scenario: { ...emptyScenario(x.scenario.naam), afronding: x.scenario.afronding } } : x)) };
}

/**
 * Removes a variant. When it was being edited, its neighbour is edited next; the last variant
 * removed leaves one that is the baseline, so there is always one to edit.
 */
export function verwijder(v: Varianten, id: number): Varianten {
  const i = v.lijst.findIndex((x) => x.id === id);
  if (i < 0) return v;
  const lijst = v.lijst.filter((x) => x.id !== id);
  if (lijst.length === 0) return eenVariant(emptyScenario());
  const huidig = v.huidig === id ? lijst[Math.min(i, lijst.length - 1)]!.id : v.huidig;
  return { lijst, huidig, vergelijk: v.vergelijk.filter((x) => x !== id) };
}

export function kies(v: Varianten, id: number): Varianten {
  return v.lijst.some((x) => x.id === id) ? { ...v, huidig: id } : v;
}

/** The variant being edited gets this scenario. */
export function metHuidig(v: Varianten, scenario: Scenario): Varianten {
  const h = huidigeVan(v);
  if (h.scenario === scenario) return v;
  return { ...v, lijst: v.lijst.map((x) => (x.id === h.id ? { ...x, scenario } : x)) };
}

/** The variants to compare: known ids, each once, at most two, in the order given. */
export function vergelijkMet(v: Varianten, ids: readonly number[]): Varianten {
  const known = new Set(v.lijst.map((x) => x.id));
  const vergelijk = [...new Set(ids)].filter((id) => known.has(id)).slice(0, MAX_VERGELIJK);
  return { ...v, vergelijk };
}

/**
 * Adds a scenario (from a link or a file) as a variant and edits it; when a variant already is
 * exactly this scenario, that one is edited instead and nothing is added.
 */
export function voegToe(v: Varianten, scenario: Scenario): { varianten: Varianten; nieuw: boolean } {
  const same = v.lijst.find((x) => zelfde(x.scenario, scenario));
  if (same) return { varianten: { ...v, huidig: same.id }, nieuw: false };
  return { varianten: insert(v, scenario, v.lijst.length - 1), nieuw: true };
}

/** The envelope of all variants, as JSON text: for the export file and for the browser's copy. */
export function serializeVarianten(v: Varianten, keuze = true): string {
  const index = (id: number) => v.lijst.findIndex((x) => x.id === id);
  const envelope = {
    soort: VARIANTEN_SOORT,
    versie: VARIANTEN_VERSIE,
    ...(keuze ? { huidig: index(v.huidig), vergelijk: v.vergelijk.map(index) } : {}),
    varianten: v.lijst.map((x) => JSON.parse(serializeScenario(x.scenario)) as unknown),
  };
  return JSON.stringify(envelope, null, 2);
}

export type VariantenResult = { ok: true; scenarios: Scenario[]; huidig: number | null; vergelijk: number[] } | { ok: false; fouten: Problem[] };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Reads a file (or the browser's copy) of variants: the envelope, then every variant by the
 * core, which checks it against the data (without `data`, as for the browser's own copy, only
 * that it is a valid scenario: a kept variant that no longer fits the data is kept). Nothing is accepted unless every variant is: a
 * problem names the variant (number and name) and where it is (the path, and in a text the line
 * and column). A file with one scenario (as "Download scenario" gives) is read as one variant.
 */
export function parseVarianten(input: string, data: BaselineData | null): VariantenResult {
  const check = (x: unknown) => {
    const c = data ? allocateScenario(data, x) : parseScenario(x);
    return c.ok ? { ok: true as const, scenario: c.scenario } : { ok: false as const, fouten: c.fouten };
  };
  const syntax = checkJsonSyntax(input);
  if (syntax) return { ok: false, fouten: [{ pad: 'varianten', bericht: `dit is geen geldige JSON: ${syntax.bericht}`, plaats: { regel: syntax.line, kolom: syntax.column } }] };
  const value: unknown = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  const place = locator(input);
  const at = (pad: string) => {
    const p = place(pad);
    return p ? { regel: p.line, kolom: p.column } : null;
  };
  if (isObject(value) && 'wijzigingen' in value && !('varianten' in value)) {
    const c = check(input);
    return c.ok ? { ok: true, scenarios: [c.scenario], huidig: null, vergelijk: [] } : { ok: false, fouten: c.fouten };
  }
  if (!isObject(value) || value.soort !== VARIANTEN_SOORT) {
    return { ok: false, fouten: [{ pad: 'varianten', bericht: `dit is geen bestand met varianten (het veld "soort" moet "${VARIANTEN_SOORT}" zijn)`, plaats: at('soort') }] };
  }
  if (value.versie !== VARIANTEN_VERSIE) {
    return { ok: false, fouten: [{ pad: 'versie', bericht: `deze versie van het bestand met varianten wordt niet ondersteund (verwacht: ${VARIANTEN_VERSIE})`, plaats: at('versie') }] };
  }
  const lijst = value.varianten;
  if (!Array.isArray(lijst)) return { ok: false, fouten: [{ pad: 'varianten', bericht: 'varianten moet een lijst van scenario’s zijn', plaats: at('varianten') }] };
  if (lijst.length === 0) return { ok: false, fouten: [{ pad: 'varianten', bericht: 'het bestand bevat geen varianten', plaats: at('varianten') }] };
  if (lijst.length > MAX_VARIANTEN) {
    return { ok: false, fouten: [{ pad: 'varianten', bericht: `een bestand heeft hoogstens ${MAX_VARIANTEN} varianten, niet ${lijst.length}`, plaats: at('varianten') }] };
  }
  const fouten: Problem[] = [];
  const scenarios: Scenario[] = [];
  lijst.forEach((item, i) => {
    const c = check(item);
    if (c.ok) {
      scenarios.push(c.scenario);
      return;
    }
    const naam = isObject(item) && typeof item.naam === 'string' && item.naam ? ` (“${item.naam.slice(0, 60)}”)` : '';
    for (const f of c.fouten) {
      const pad = f.pad === 'scenario' || f.pad === '' ? `varianten[${i}]` : `varianten[${i}].${f.pad}`.replace('.[', '[');
      fouten.push({ pad, bericht: `variant ${i + 1}${naam}: ${f.bericht}`, plaats: at(pad) });
    }
  });
  if (fouten.length > 0) return { ok: false, fouten };
  const index = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < scenarios.length ? x : null);
  const vergelijk = Array.isArray(value.vergelijk) ? value.vergelijk.map(index).filter((x): x is number => x !== null) : [];
  return { ok: true, scenarios, huidig: index(value.huidig), vergelijk };
}

/** A list from what was read: the variants as they were, with the one edited and those compared. */
export function uitGelezen(r: Extract<VariantenResult, { ok: true }>): Varianten {
  let v: Varianten = { lijst: [], huidig: 0, vergelijk: [] };
  for (const s of r.scenarios) v = { ...v, lijst: [...v.lijst, { id: nextId(), scenario: s }] };
  const id = (i: number | null) => (i === null ? undefined : v.lijst[i]?.id);
  return vergelijkMet({ ...v, huidig: id(r.huidig) ?? v.lijst[0]!.id }, r.vergelijk.map((i) => v.lijst[i]!.id));
}

/**
 * Adds every scenario of a file as a variant (with a free name; one that already is a variant
 * is not added twice) and edits the first of them. Nothing changes when the list would get more
 * than `MAX_VARIANTEN` variants (`teVeel`).
 */
export function importeer(v: Varianten, scenarios: readonly Scenario[]): { varianten: Varianten; toegevoegd: number; teVeel: boolean } {
  let out = v;
  let toegevoegd = 0;
  let eerste: number | null = null;
  for (const s of scenarios) {
    const r = voegToe(out, s);
    out = r.varianten;
    if (r.nieuw) toegevoegd++;
    eerste ??= out.huidig;
  }
  if (out.lijst.length > MAX_VARIANTEN) return { varianten: v, toegevoegd: 0, teVeel: true };
  return { varianten: eerste === null ? out : { ...out, huidig: eerste }, toegevoegd, teVeel: false };
}

/** The letter of the k-th compared variant (0 = "A"): how the comparison names its sides. */
export const letter = (k: number): string => String.fromCharCode(65 + k);

/**
 * The names of a comparison's sides: "Basis", then each compared variant's name; a name that is
 * empty or already used by an earlier side (such as a variant called "Basis") gets its letter
 * ("Basis (variant A)"), so that every column of a table has its own header.
 */
export function zijdeNamen(variantNamen: readonly string[]): string[] {
  const out = ['Basis'];
  variantNamen.forEach((n, k) => {
    const naam = n.trim() || 'Scenario';
    out.push(out.includes(naam) ? `${naam} (variant ${letter(k)})` : naam);
  });
  return out;
}
