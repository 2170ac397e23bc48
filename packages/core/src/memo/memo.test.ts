import { describe, expect, it } from 'vitest';
import { contentOf, keyOf, memo, memoPerContent, memoPerOwner } from './memo.js';

describe('memo', () => {
  it('computes once per owner and equal input, and keeps owners apart', () => {
    let calls = 0;
    const f = memo(10, (owner: { n: number }, x: { a: number; b: bigint }) => (calls++, owner.n + x.a + Number(x.b)));
    const o1 = { n: 1 };
    const o2 = { n: 100 };
    expect(f(o1, { a: 1, b: 2n })).toBe(4);
    expect(f(o1, { a: 1, b: 2n })).toBe(4);
    expect(calls).toBe(1);
    expect(f(o2, { a: 1, b: 2n })).toBe(103);
    expect(f(o1, { a: 1, b: 3n })).toBe(5);
    expect(calls).toBe(3);
  });

  it('drops the oldest result when full, and remembers undefined results too', () => {
    let calls = 0;
    const f = memo(2, (_o: object, x: number) => (calls++, x === 0 ? undefined : x));
    const o = {};
    f(o, 0);
    f(o, 0);
    expect(calls).toBe(1);
    f(o, 1);
    f(o, 2); // drops 0
    f(o, 0);
    expect(calls).toBe(4);
  });

  it('drops the least recently used: a result read again stays', () => {
    let calls = 0;
    const f = memo(2, (_o: object, x: number) => (calls++, x));
    const o = {};
    f(o, 1);
    f(o, 2);
    f(o, 1); // 1 is now the most recent
    f(o, 3); // drops 2
    f(o, 1);
    expect(calls).toBe(3);
    f(o, 2);
    expect(calls).toBe(4);
  });

  it('drops the least recently used with many results per slot too (kept in a map, not in lists)', () => {
    let calls = 0;
    const f = memo(5, (_o: object, x: number) => (calls++, x));
    const o = {};
    for (let x = 1; x <= 5; x++) f(o, x);
    f(o, 1); // 1 is now the most recent; 2 the least
    f(o, 6); // drops 2
    expect(calls).toBe(6);
    f(o, 1);
    f(o, 3);
    expect(calls).toBe(6);
    f(o, 2);
    expect(calls).toBe(7);
  });

  it('keeps `max` results per slot, so that the versions of one slot do not push out the others', () => {
    let calls = 0;
    const f = memo(2, (_o: object, x: { slot: string; v: number }) => (calls++, x.v), { slot: (x) => x.slot, slots: 8 });
    const o = {};
    f(o, { slot: 'vast', v: 0 });
    for (let v = 1; v <= 10; v++) f(o, { slot: 'wisselend', v });
    f(o, { slot: 'vast', v: 0 });
    expect(calls).toBe(11);
    f(o, { slot: 'wisselend', v: 9 });
    f(o, { slot: 'wisselend', v: 10 });
    expect(calls).toBe(11);
    f(o, { slot: 'wisselend', v: 8 });
    expect(calls).toBe(12);
  });

  it('writes bigints into the key, so 1n and 1 differ', () => {
    expect(keyOf({ a: 1n })).not.toBe(keyOf({ a: 1 }));
    let calls = 0;
    const g = memoPerOwner((o: object) => (calls++, Object.keys(o).length));
    const o = { x: 1 };
    expect(g(o)).toBe(1);
    expect(g(o)).toBe(1);
    expect(calls).toBe(1);
  });
});

describe('contentOf and remembering per content', () => {
  it('gives a copy with the same fields the same token, and one with a field replaced another', () => {
    const a = { x: [1], y: { z: 2 }, n: 3 };
    const copy = { ...a };
    expect(contentOf(copy)).toBe(contentOf(a));
    expect(contentOf({ ...a, x: [1] })).not.toBe(contentOf(a)); // an equal but other object
    expect(contentOf({ ...a, n: 4 })).not.toBe(contentOf(a));
    expect(contentOf({ y: a.y, x: a.x, n: 3 })).not.toBe(contentOf(a)); // other field order: another shape
  });

  it('memoPerContent and the perContent option share results between copies only', () => {
    let calls = 0;
    const f = memoPerContent((o: { x: number[] }) => (calls++, o.x.length));
    const a = { x: [1, 2] };
    expect(f(a)).toBe(2);
    expect(f({ ...a })).toBe(2);
    expect(calls).toBe(1);
    expect(f({ x: [1, 2, 3] })).toBe(3);
    expect(calls).toBe(2);
    let memoCalls = 0;
    const g = memo(4, (o: { x: number[] }, k: number) => (memoCalls++, o.x.length + k), { perContent: true });
    expect(g(a, 1)).toBe(3);
    expect(g({ ...a }, 1)).toBe(3);
    expect(memoCalls).toBe(1);
    const h = memo(4, (o: { x: number[] }, k: number) => (memoCalls++, o.x.length + k));
    h(a, 1);
    h({ ...a }, 1); // per owner: a copy is another owner
    expect(memoCalls).toBe(3);
  });
});
