import { isDecimal } from '../money/decimal.js';

/**
 * Makes a value read-only all the way down, so that an application that imports this package
 * cannot change the data it shares with every other caller: objects and arrays are frozen, and
 * a Map or Set gets mutators that refuse. Returns the same value.
 */
export function deepFreeze<T>(value: T, seen = new Set<object>()): T {
  // decimal.js values are immutable through their API, and there are thousands: left as they are.
  if (typeof value !== 'object' || value === null || seen.has(value) || isDecimal(value)) return value;
  seen.add(value);
  if (value instanceof Map || value instanceof Set) {
    lockCollection(value);
    if (value instanceof Map) for (const [k, v] of value) (deepFreeze(k, seen), deepFreeze(v, seen));
    else for (const v of value) deepFreeze(v, seen);
  } else {
    for (const v of Object.values(value)) deepFreeze(v, seen);
  }
  return Object.freeze(value);
}

/** Gives a Map or Set mutators that refuse, and freezes it; its entries are left as they are. */
export function lockCollection<T extends Map<unknown, unknown> | Set<unknown>>(value: T): T {
  const kind = value instanceof Map ? 'Map' : 'Set';
  const refuse = () => {
    throw new TypeError(`de gegevens van @kansrijke-start/core zijn alleen-lezen (${kind})`);
  };
  for (const m of value instanceof Map ? ['set', 'delete', 'clear'] : ['add', 'delete', 'clear']) {
    Object.defineProperty(value, m, { value: refuse, writable: false, configurable: false, enumerable: false });
  }
  return Object.freeze(value);
}
