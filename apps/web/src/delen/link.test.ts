import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { emptyScenario, parseScenario, type Scenario } from '@kansrijke-start/core';
import { decodeScenario, encodeScenario, fromBase64Url, shareLink, toBase64Url, MAX_JSON_BYTES, MAX_PAYLOAD_CHARS } from './link.js';

const scenario: Scenario = (() => {
  const p = parseScenario({
    versie: 1,
    naam: 'Gezinspoli “hoger” – € en é',
    wijzigingen: [
      { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'vanaf-dit-jaar', bedrag: '6000000.5' },
      { soort: 'deelname', stroom: 'ks-brede-spuk', jaar: 2025, geldigheid: 'alleen-dit-jaar', gemeenten: ['GM0363', 'GM0014'], nietDeelnemers: 'onbenut' },
    ],
  });
  if (!p.ok) throw new Error(JSON.stringify(p.fouten));
  return p.scenario;
})();

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const s = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(s).arrayBuffer());
}

describe('share link codec', () => {
  test('base64url round trip for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  test('the choice about the planned merger survives the link', async () => {
    const zonder: Scenario = { ...scenario, herindelingen: 'zonder' };
    expect(await decodeScenario(await encodeScenario(zonder))).toEqual({ ok: true, scenario: zonder });
    expect(await decodeScenario(await encodeScenario(emptyScenario()))).toMatchObject({ ok: true, scenario: { herindelingen: 'gepland' } });
  });

  test('a scenario survives the link unchanged, compressed', async () => {
    const payload = await encodeScenario(scenario);
    expect(payload.startsWith('d.')).toBe(true);
    const back = await decodeScenario(payload);
    expect(back).toEqual({ ok: true, scenario });
    // The empty scenario too.
    expect(await decodeScenario(await encodeScenario(emptyScenario()))).toEqual({ ok: true, scenario: emptyScenario() });
  });

  test('plain JSON payloads (j. and bare) are read as well', async () => {
    const json = toBase64Url(new TextEncoder().encode(JSON.stringify(scenario)));
    expect(await decodeScenario(`j.${json}`)).toEqual({ ok: true, scenario });
    expect(await decodeScenario(json)).toEqual({ ok: true, scenario });
  });

  test('any tampering gives Dutch messages, never an exception', async () => {
    const good = await encodeScenario(scenario);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.nat(), async (junk, at) => {
        const i = at % (good.length + 1);
        const r = await decodeScenario(good.slice(0, i) + junk + good.slice(i + junk.length));
        if (!r.ok) for (const f of r.fouten) expect(f.bericht.length).toBeGreaterThan(5);
      }),
      { numRuns: 200 },
    );
  });

  test('specific problems name what is wrong', async () => {
    const msg = async (p: string) => {
      const r = await decodeScenario(p);
      if (r.ok) throw new Error('expected a problem');
      return r.fouten.map((f) => `${f.pad}: ${f.bericht}`).join('\n');
    };
    expect(await msg('')).toContain('geen scenario');
    expect(await msg('d.a')).toContain('tekens die er niet in horen of is afgebroken');
    expect(await msg('d.@@')).toContain('tekens die er niet in horen');
    expect(await msg('q.abc')).toContain('onbekende vorm');
    expect(await msg(`d.${toBase64Url(new Uint8Array([1, 2, 3, 4, 5]))}`)).toContain('kan niet worden uitgepakt');
    expect(await msg(`j.${toBase64Url(new Uint8Array([0xff, 0xfe]))}`)).toContain('geen geldige tekst');
    expect(await msg(`j.${toBase64Url(new TextEncoder().encode('{"versie":1,"naam":"x","wijzigingen":[{"soort":"bedrag"}]}'))}`)).toMatch(/link: wijzigingen\[0\]/);
  });

  test('a small link that unpacks into something huge is refused', async () => {
    const bomb = await deflate(new Uint8Array(MAX_JSON_BYTES + 10).fill(32));
    const r = await decodeScenario(`d.${toBase64Url(bomb)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fouten[0]!.bericht).toContain('MB');
  });

  test('a link is only made when it can be opened: one limit, checked when the link is made', async () => {
    const parse = (value: unknown): Scenario => {
      const p = parseScenario(value);
      if (!p.ok) throw new Error(JSON.stringify(p.fouten.slice(0, 3)));
      return p.scenario;
    };
    const bedragen = (n: number, toelichting: (i: number) => string) =>
      parse({
        versie: 1,
        naam: 'groot',
        wijzigingen: Array.from({ length: n }, (_, i) => ({ soort: 'bedrag', stroom: 'ks-brede-spuk', jaar: 2025, geldigheid: 'alleen-dit-jaar', bedrag: '1', toelichting: toelichting(i) })),
      });
    let x = 11;
    const ruis = () =>
      Array.from({ length: 1000 }, () => {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return String.fromCharCode(33 + ((x >>> 0) % 90));
      }).join('');

    // Notes that do not compress: the payload would be longer than a link may be.
    const lang = await shareLink(bedragen(300, ruis), 'http://127.0.0.1/#/delen');
    expect(lang.ok).toBe(false);
    if (!lang.ok && lang.reden === 'tekens') {
      expect(lang.tekens).toBeGreaterThan(MAX_PAYLOAD_CHARS);
      // and indeed such a payload is refused when opened
      const r = await decodeScenario(await encodeScenario(bedragen(300, ruis)));
      expect(r.ok).toBe(false);
    } else throw new Error(`expected too many characters: ${JSON.stringify(lang)}`);

    // Notes that compress well, but the JSON is more than a link may unpack to.
    const zwaar = bedragen(2000, () => 'a'.repeat(1000));
    const r2 = await shareLink(zwaar, 'http://127.0.0.1/');
    expect(r2).toMatchObject({ ok: false, reden: 'bytes' });
    expect((await encodeScenario(zwaar)).length).toBeLessThan(MAX_PAYLOAD_CHARS);
    expect((await decodeScenario(await encodeScenario(zwaar))).ok).toBe(false);

    // A scenario that fits: a link on the page's own address, that opens to the same scenario.
    const goed = await shareLink(scenario, 'http://127.0.0.1:4173/#/delen');
    if (!goed.ok) throw new Error('expected a link');
    expect(goed.link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#\/scenario\?s=d\./);
    expect(await decodeScenario(goed.link.split('s=')[1]!)).toEqual({ ok: true, scenario });
  });
});
