/**
 * The GGD regions (public health services) and their municipalities, as `ggd-regio-2023.csv`
 * derives them from the CBS boundary maps, with how that membership is known.
 */
import type { Decimal as DecimalValue } from '../money/decimal.js';
import type { RawData } from './raw/index.js';
import type { GgdMembership, GgdRegion } from './types.js';
import { opsomming, type Parsed } from './checks.js';

/** The regions in the order of their code, each with its municipalities in the order of `gemeenten`. */
export function ggdRegions(p: Parsed): GgdRegion[] {
  const regionOf = new Map(p.ggd.map((r) => [r.waarde.code, r.waarde]));
  const regions = new Map<string, { code: string; naam: string; gemeenten: string[] }>();
  for (const { waarde: r } of [...p.ggd].sort((a, b) => (a.waarde.ggdCode < b.waarde.ggdCode ? -1 : a.waarde.ggdCode > b.waarde.ggdCode ? 1 : 0))) {
    if (!regions.has(r.ggdCode)) regions.set(r.ggdCode, { code: r.ggdCode, naam: r.ggdNaam, gemeenten: [] });
  }
  for (const { waarde: g } of p.gemeenten) {
    const r = regionOf.get(g.code);
    if (r !== undefined) regions.get(r.ggdCode)?.gemeenten.push(g.code);
  }
  return [...regions.values()];
}

/** GGD region code per municipality code, in the order of `gemeenten`. */
export function ggdOf(p: Parsed): Map<string, string> {
  const regionOf = new Map(p.ggd.map((r) => [r.waarde.code, r.waarde.ggdCode]));
  return new Map(p.gemeenten.flatMap(({ waarde: g }) => {
    const code = regionOf.get(g.code);
    return code === undefined ? [] : [[g.code, code] as const];
  }));
}

/** A decimal in Dutch notation: 0.886 -> "0,886". */
const dutch = (v: string) => v.replace('.', ',');

export function ggdMembership(raw: RawData, p: Parsed): GgdMembership {
  const file = raw.ggdRegio2023.file;
  const rows = p.ggd.map((r) => r.waarde);
  let smallest: DecimalValue | null = null;
  for (const r of rows) if (smallest === null || r.aandeel.lt(smallest)) smallest = r.aandeel;
  const least = smallest;
  const smallestRows = least === null ? [] : rows.filter((r) => r.aandeel.eq(least));
  const afwijkingen = rows.filter((r) => !r.overeenstemming).map((r) => ({ code: r.code, naam: r.naam, kaart: r.ggdNaam, brp: r.brpGgd }));
  const agree = rows.length - afwijkingen.length;
  const kleinste =
    smallest === null
      ? ''
      : ` Het kleinste aandeel in het bestand is ${dutch(smallest.toFixed())} (${opsomming(smallestRows.map((r) => `${r.naam}, ${r.code}`))}).`;
  const brp =
    afwijkingen.length === 0
      ? ` Een tweede, onafhankelijke bron, de BRP-autorisatietabel van RvIG (Tabel 35), noemt voor alle ${rows.length} gemeenten dezelfde GGD.`
      : ` Een tweede, onafhankelijke bron, de BRP-autorisatietabel van RvIG (Tabel 35), noemt voor ${agree} van de ${rows.length} gemeenten dezelfde GGD; ` +
        `anders bij ${afwijkingen.map((a) => `${a.naam} (${a.code}): volgens de kaart ${a.kaart}, volgens de BRP ${a.brp}`).join('; ')}.`;
  return {
    bron:
      `Afgeleid uit de CBS-kaarten van de gemeenten en de GGD-regio's (CBS Gebiedsindelingen via PDOK, vereenvoudigd door cartomap/nl) ` +
      `en vergeleken met RvIG, Tabel 35 (GGD per gemeente in de BRP-autorisaties); bestand ${file}. Bron: CBS, PDOK (via cartomap/nl)`,
    status: 'afgeleid',
    toelichting:
      'Afgeleid, geen gepubliceerde indelingstabel: elke gemeente is ingedeeld bij de GGD-regio die het grootste deel van haar oppervlakte bevat, ' +
      `bepaald door de CBS-kaarten van de gemeenten en de GGD-regio's over elkaar te leggen (kolom aandeel_oppervlak: dat deel van de oppervlakte).` +
      kleinste +
      brp,
    afwijkingen,
  };
}
