import { feature, merge, mesh } from 'topojson-client';
import { geoMercator, geoPath } from 'd3-geo';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import gemeentenTekst from './geo/gemeente-2023.topojson?raw';
import ggdTekst from './geo/ggdregio-2023.topojson?raw';

/**
 * The shapes of the map: the municipalities of the base division (CBS, 2023) and the GGD
 * regions, as SVG paths in a Mercator projection fitted to the width of the map. A municipality
 * of a later division that covers several of them (a planned merger) is drawn as one shape,
 * merged from its parts with topojson's `merge`. No figures here: only geometry.
 */

interface Props {
  statcode: string;
  statnaam: string;
}
type Gemeenten = Topology<{ gemeente_2023: GeometryCollection<Props> }>;
type Ggd = Topology<{ ggdregio_2023: GeometryCollection<Props> }>;

/** The source of the boundary maps, as their README asks it to be cited. */
export const BRON = 'Bron: CBS, PDOK (via cartomap/nl)';

/** The width of the map in SVG units; its height follows from the shape of the country. */
export const BREEDTE = 560;
const MARGE = 4;

export interface Vorm {
  /** The municipality of the division it stands for. */
  code: string;
  /** The municipalities of the base division it is made of. */
  delen: readonly string[];
  /** SVG path data. */
  d: string;
  /** Its centroid in SVG units (for moving between municipalities with the arrow keys). */
  midden: readonly [number, number];
}

export interface Kaartbasis {
  breedte: number;
  hoogte: number;
  /** The codes of the base division's municipalities, as the map holds them. */
  codes: readonly string[];
  /** The shapes for a list of municipalities (each with the base municipalities it covers), in that order. */
  vormen: (rijen: readonly { code: string; delen: readonly string[] }[]) => Vorm[];
  /** The borders between GGD regions (SVG path data). */
  ggdGrenzen: string;
  /** The outline of the country. */
  buitengrens: string;
}

let basis: Kaartbasis | null = null;

/** The projected map, made once (parsing the TopoJSON and projecting takes a few tens of milliseconds). */
export function kaartbasis(): Kaartbasis {
  if (basis) return basis;
  const topo = JSON.parse(gemeentenTekst) as Gemeenten;
  const ggd = JSON.parse(ggdTekst) as Ggd;
  const object = topo.objects.gemeente_2023;
  const alle = feature(topo, object) as FeatureCollection<Geometry, Props>;
  const projectie = geoMercator().fitWidth(BREEDTE - 2 * MARGE, alle);
  const [x0, y0] = projectie.translate();
  projectie.translate([x0 + MARGE, y0 + MARGE]);
  const pad = geoPath(projectie).digits(1);
  const hoogte = Math.ceil(pad.bounds(alle)[1][1] + MARGE);
  const codeVan = (g: GeometryObject<Props>): string => (g.properties as Props).statcode;
  const geometrie = new Map<string, GeometryObject<Props>>(object.geometries.map((g) => [codeVan(g), g]));
  const cache = new Map<string, Vorm>();
  const vormVan = (code: string, delen: readonly string[]): Vorm => {
    const key = `${code}|${delen.join(',')}`;
    let v = cache.get(key);
    if (!v) {
      const delenGeo = delen.map((c) => geometrie.get(c)).filter((g): g is GeometryObject<Props> => g !== undefined);
      const f: Feature =
        delenGeo.length === 1
          ? (feature(topo, delenGeo[0]!) as Feature)
          : { type: 'Feature', properties: {}, geometry: merge(topo, delenGeo as Parameters<typeof merge>[1]) };
      const [cx, cy] = pad.centroid(f);
      v = { code, delen, d: pad(f) ?? '', midden: [cx, cy] };
      cache.set(key, v);
    }
    return v;
  };
  basis = {
    breedte: BREEDTE,
    hoogte,
    codes: object.geometries.map(codeVan),
    vormen: (rijen) => rijen.filter((r) => r.delen.some((c) => geometrie.has(c))).map((r) => vormVan(r.code, r.delen)),
    ggdGrenzen: pad(mesh(ggd, ggd.objects.ggdregio_2023, (a, b) => a !== b)) ?? '',
    buitengrens: pad(mesh(topo, object, (a, b) => a === b)) ?? '',
  };
  return basis;
}
