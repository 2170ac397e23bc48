import { afterEach, describe, expect, test } from 'vitest';
import { emptyScenario, serializeScenario, type Scenario } from '@kansrijke-start/core';
import { discardUnreadableVariants, loadStored, loadVariants, saveScenario, saveVariants, OLDER_KEY, STORAGE_KEY, VARIANTS_KEY, VARIANTS_UNREADABLE_KEY } from './storage.js';

/** A Storage whose writes of values longer than `room` fail like a full one; `blocked` refuses every write or removal. */
class FakeStorage {
  items = new Map<string, string>();
  constructor(
    public room = Infinity,
    public removable = true,
  ) {}
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (v.length > this.room) throw new DOMException('exceeded the quota', 'QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string) {
    if (!this.removable) throw new DOMException('blocked', 'SecurityError');
    this.items.delete(k);
  }
}

const g = globalThis as { localStorage?: unknown };
function use(s: FakeStorage) {
  g.localStorage = s;
  return s;
}
afterEach(() => {
  delete g.localStorage;
});

const klein: Scenario = emptyScenario('Klein');
const groot: Scenario = {
  ...emptyScenario('Groot'),
  wijzigingen: [{ soort: 'bedrag', stroom: 'ks-brede-spuk', jaar: 2025, geldigheid: 'alleen-dit-jaar', bedrag: '1' }],
};

describe('the choice about the planned merger is kept', () => {
  test('saved and read back', () => {
    use(new FakeStorage());
    const zonder: Scenario = { ...groot, herindelingen: 'zonder' };
    expect(saveScenario(zonder)).toEqual({ ok: true });
    expect(loadStored().scenario).toEqual(zonder);
  });
});

describe('saving the scenario never leaves an older copy where the current one is kept', () => {
  test('saved', () => {
    const s = use(new FakeStorage());
    expect(saveScenario(groot)).toEqual({ ok: true });
    expect(s.getItem(STORAGE_KEY)).toBe(serializeScenario(groot));
  });

  test('room for the old copy, not for the new one: the old one is put aside as older', () => {
    const s = use(new FakeStorage());
    saveScenario(klein);
    s.room = serializeScenario(klein).length;
    expect(saveScenario(groot)).toEqual({ ok: false, vorige: 'opzij' });
    expect(s.getItem(STORAGE_KEY)).toBeNull();
    expect(s.getItem(OLDER_KEY)).toBe(serializeScenario(klein));
    expect(loadStored()).toMatchObject({ scenario: null, ouder: { tekst: serializeScenario(klein), scenario: klein } });
    // A next failure finds no copy any more.
    expect(saveScenario(groot)).toEqual({ ok: false, vorige: 'geen' });
  });

  test('room for the new one once the old one is gone: saved', () => {
    const s = use(new FakeStorage());
    saveScenario(klein);
    const full = s.setItem.bind(s);
    let first = true;
    s.setItem = (k, v) => {
      if (first) {
        first = false;
        throw new DOMException('exceeded the quota', 'QuotaExceededError');
      }
      full(k, v);
    };
    expect(saveScenario(groot)).toEqual({ ok: true });
    expect(s.getItem(STORAGE_KEY)).toBe(serializeScenario(groot));
    expect(s.getItem(OLDER_KEY)).toBeNull();
  });

  test('no write at all: the old copy is removed', () => {
    const s = use(new FakeStorage());
    saveScenario(klein);
    s.room = -1;
    expect(saveScenario(groot)).toEqual({ ok: false, vorige: 'verwijderd' });
    expect(s.getItem(STORAGE_KEY)).toBeNull();
    expect(loadStored()).toEqual({ scenario: null, onleesbaar: null, ouder: null });
  });

  test('neither write nor removal: said so', () => {
    const s = use(new FakeStorage());
    saveScenario(klein);
    s.room = -1;
    s.removable = false;
    expect(saveScenario(groot)).toEqual({ ok: false, vorige: 'blijft' });
  });

  test('the same scenario as kept: nothing to do', () => {
    const s = use(new FakeStorage());
    saveScenario(klein);
    s.room = -1;
    expect(saveScenario(klein)).toEqual({ ok: true });
  });

  test('no storage at all', () => {
    expect(saveScenario(klein)).toEqual({ ok: false, vorige: 'geen' });
  });
});

describe('the list of variants', () => {
  const leesbaar = (t: string) => t.startsWith('{');

  test('saved and read back; an unreadable list is moved aside, not lost', () => {
    const s = use(new FakeStorage());
    expect(saveVariants('{"lijst": 1}')).toBe(true);
    expect(loadVariants(leesbaar)).toEqual({ tekst: '{"lijst": 1}', onleesbaar: null });
    s.setItem(VARIANTS_KEY, 'kapot');
    expect(loadVariants(leesbaar)).toEqual({ tekst: null, onleesbaar: 'kapot' });
    expect(s.getItem(VARIANTS_KEY)).toBeNull();
    // Saving the next list does not overwrite what was moved aside.
    expect(saveVariants('{"lijst": 2}')).toBe(true);
    expect(s.getItem(VARIANTS_UNREADABLE_KEY)).toBe('kapot');
    discardUnreadableVariants();
    expect(loadVariants(leesbaar)).toEqual({ tekst: '{"lijst": 2}', onleesbaar: null });
  });

  test('full or blocked storage: saving says so and never throws; the single key is not touched', () => {
    const s = use(new FakeStorage(10));
    s.items.set(STORAGE_KEY, serializeScenario(klein));
    expect(saveVariants('{"een lange lijst": true}')).toBe(false);
    expect(s.getItem(STORAGE_KEY)).toBe(serializeScenario(klein));
    delete g.localStorage;
    expect(saveVariants('{}')).toBe(false);
    expect(loadVariants(leesbaar)).toEqual({ tekst: null, onleesbaar: null });
  });
});
