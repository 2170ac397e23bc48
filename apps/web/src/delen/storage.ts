import { parseScenario, serializeScenario, type Problem, type Scenario } from '@kansrijke-start/core';

/** Where the browser keeps the scenario between visits. */
export const STORAGE_KEY = 'kansrijke-start:scenario';
/** Where an unreadable stored scenario is kept until the user downloads or discards it. */
export const UNREADABLE_KEY = 'kansrijke-start:scenario-onleesbaar';
/**
 * Where a stored copy goes when saving a newer version failed: it is older than the work in the
 * page, so it is never opened as the current scenario again, only offered as an older version.
 */
export const OLDER_KEY = 'kansrijke-start:scenario-ouder';

export interface Older {
  /** The text as it was kept. */
  tekst: string;
  /** The scenario in it, when it is readable. */
  scenario: Scenario | null;
}

export interface Stored {
  /** The kept scenario, if there is a readable one. */
  scenario: Scenario | null;
  /** A kept text that is no valid scenario (now or from an earlier visit), with what is wrong. */
  onleesbaar: { tekst: string; fouten: Problem[] } | null;
  /** A copy that was put aside because a newer version could not be saved (it may be older than the last work). */
  ouder: Older | null;
}

/**
 * The outcome of saving. When saving fails, the copy the browser had is older than the page: it
 * is put aside as an older version (`opzij`), or removed when even that fails (`verwijderd`), so
 * that a reload never opens it as the current work. `geen`: there was no copy; `blijft`: the
 * browser lets the copy be read but neither replaced nor removed.
 */
export type SaveResult = { ok: true } | { ok: false; vorige: 'opzij' | 'verwijderd' | 'geen' | 'blijft' };

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage blocked
  }
}

/**
 * Reads the kept scenario. An unreadable one is moved aside (not thrown away), so saving the
 * next edit cannot overwrite it before the user has downloaded or discarded it.
 */
export function loadStored(): Stored {
  const s = storage();
  const out: Stored = { scenario: null, onleesbaar: null, ouder: null };
  if (!s) return out;
  try {
    const text = s.getItem(STORAGE_KEY);
    if (text !== null) {
      const p = parseScenario(text);
      if (p.ok) out.scenario = p.scenario;
      else {
        s.setItem(UNREADABLE_KEY, text);
        s.removeItem(STORAGE_KEY);
      }
    }
  } catch {
    /* storage blocked or full: start from what we have */
  }
  try {
    const aside = s.getItem(UNREADABLE_KEY);
    if (aside !== null) {
      const p = parseScenario(aside);
      out.onleesbaar = { tekst: aside, fouten: p.ok ? [] : p.fouten };
    }
    const older = s.getItem(OLDER_KEY);
    if (older !== null) {
      const p = parseScenario(older);
      out.ouder = { tekst: older, scenario: p.ok ? p.scenario : null };
    }
  } catch {
    /* as above */
  }
  return out;
}

/** Saves the scenario; never throws: full or blocked storage leaves the scenario in the page. */
export function saveScenario(scenario: Scenario): SaveResult {
  const s = storage();
  if (!s) return { ok: false, vorige: 'geen' };
  const text = serializeScenario(scenario);
  try {
    s.setItem(STORAGE_KEY, text);
    return { ok: true };
  } catch {
    /* full or blocked: see below */
  }
  // The kept copy is now older than the page. Free its room and try once more: the new version
  // may fit where the two together did not.
  let previous: string | null = null;
  let removed = false;
  try {
    previous = s.getItem(STORAGE_KEY);
  } catch {
    /* not readable */
  }
  if (previous === text) return { ok: true }; // the kept copy already is this scenario
  try {
    s.removeItem(STORAGE_KEY);
    removed = true;
  } catch {
    /* not removable */
  }
  try {
    s.setItem(STORAGE_KEY, text);
    return { ok: true };
  } catch {
    /* still full or blocked */
  }
  if (previous === null) return { ok: false, vorige: 'geen' };
  if (!removed) return { ok: false, vorige: 'blijft' };
  // Keep the older copy aside, under a key that is only ever offered as an older version.
  try {
    s.setItem(OLDER_KEY, previous);
    return { ok: false, vorige: 'opzij' };
  } catch {
    return { ok: false, vorige: 'verwijderd' };
  }
}

export function discardUnreadable(): void {
  try {
    storage()?.removeItem(UNREADABLE_KEY);
  } catch {
    /* nothing to do */
  }
}

export function discardOlder(): void {
  try {
    storage()?.removeItem(OLDER_KEY);
  } catch {
    /* nothing to do */
  }
}

/**
 * Where the browser keeps all named variants (an envelope, see `varianten/lijst.ts`). The
 * variant being edited is also kept under `STORAGE_KEY`, exactly as before variants existed, with
 * all the care above for full or blocked storage; that copy is the newer one of the two, so on
 * loading it replaces the edited variant of the list. A browser with only the old single key gets
 * a list of that one scenario: nothing is lost.
 */
export const VARIANTS_KEY = 'kansrijke-start:varianten';
/** Where an unreadable list of variants is kept until the user downloads or discards it. */
export const VARIANTS_UNREADABLE_KEY = 'kansrijke-start:varianten-onleesbaar';

export interface StoredVariants {
  /** The text of the kept list, if there is one that reads (the caller checks it against the data). */
  tekst: string | null;
  /** A kept list that could not be read, moved aside (not thrown away). */
  onleesbaar: string | null;
}

/**
 * Reads the kept list of variants as text; `leesbaar` says whether a text is a list the app can
 * read. An unreadable one is moved aside, so saving the next change cannot overwrite it.
 */
export function loadVariants(leesbaar: (tekst: string) => boolean): StoredVariants {
  const s = storage();
  const out: StoredVariants = { tekst: null, onleesbaar: null };
  if (!s) return out;
  try {
    const text = s.getItem(VARIANTS_KEY);
    if (text !== null) {
      if (leesbaar(text)) out.tekst = text;
      else {
        s.setItem(VARIANTS_UNREADABLE_KEY, text);
        s.removeItem(VARIANTS_KEY);
      }
    }
  } catch {
    /* storage blocked or full: start from what we have */
  }
  try {
    out.onleesbaar = s.getItem(VARIANTS_UNREADABLE_KEY);
  } catch {
    /* as above */
  }
  return out;
}

/**
 * Saves the list of variants; never throws. When it does not fit, the older list stays: on the
 * next visit the edited variant still comes from `STORAGE_KEY`, the others are as last kept.
 */
export function saveVariants(text: string): boolean {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(VARIANTS_KEY, text);
    return true;
  } catch {
    return false;
  }
}

export function discardUnreadableVariants(): void {
  try {
    storage()?.removeItem(VARIANTS_UNREADABLE_KEY);
  } catch {
    /* nothing to do */
  }
}
