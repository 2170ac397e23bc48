import { parseScenario, serializeScenario, type Problem, type Scenario } from '@kansrijke-start/core';

/** Where the browser keeps the scenario between visits. */
export const STORAGE_KEY = 'kansrijke-start:scenario';
/** Where an unreadable stored scenario is kept until the user downloads or discards it. */
export const UNREADABLE_KEY = 'kansrijke-start:scenario-onleesbaar';

export interface Stored {
  /** The kept scenario, if there is a readable one. */
  scenario: Scenario | null;
  /** A kept text that is no valid scenario (now or from an earlier visit), with what is wrong. */
  onleesbaar: { tekst: string; fouten: Problem[] } | null;
}

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
  const out: Stored = { scenario: null, onleesbaar: null };
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
    const aside = s.getItem(UNREADABLE_KEY);
    if (aside !== null) {
      const p = parseScenario(aside);
      out.onleesbaar = { tekst: aside, fouten: p.ok ? [] : p.fouten };
    }
  } catch {
    /* storage blocked or full: start from what we have */
  }
  return out;
}

export function saveScenario(scenario: Scenario): boolean {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(STORAGE_KEY, serializeScenario(scenario));
    return true;
  } catch {
    return false; // full or blocked: the scenario stays in the page
  }
}

export function discardUnreadable(): void {
  try {
    storage()?.removeItem(UNREADABLE_KEY);
  } catch {
    /* nothing to do */
  }
}
