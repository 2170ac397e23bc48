import type { StreamId } from '../data/types.js';

/**
 * How the baseline distributes a stream: over the municipalities by a key, or not at all
 * (a national amount, unallocated, with the reason). These are rules, not amounts: every
 * amount lives in the data (`landelijke-budgetten.csv`).
 */
export type BaselineDistribution =
  | { verdeling: 'gemeenten'; sleutel: 'brede-spuk-2025' }
  | {
      verdeling: 'landelijk';
      reden: string;
      /**
       * When the money did go to the municipalities but each one's amount is unknown: why
       * (Dutch). A municipality's amount is then unknown, never 0. Null: the money does not go
       * to municipalities, or that is not decided.
       */
      perGemeente: string | null;
    };

/** A funding stream of the data: its id, Dutch name and description, its regulation and how the baseline distributes it. */
export interface Stream {
  id: StreamId;
  naam: string;
  omschrijving: string;
  /** The regulation whose generic cuts (`generieke-kortingen.csv`) apply, if any. */
  regeling: string | null;
  baseline: BaselineDistribution;
  /**
   * From this year on the split between local and regional purposes is not fixed yet: the
   * baseline puts everything local and marks the split as an estimate.
   */
  splitsingOnzekerVanaf: number | null;
  /**
   * From this year on (up to `tot`, when given) the money is no longer earmarked inside a larger
   * budget: the amount per municipality is then the share attributed to Kansrijke Start, and the
   * product says so.
   */
  toegerekendVanaf: { jaar: number; tot?: number; toelichting: string } | null;
  /**
   * What the baseline's amount of these years leaves out or rests on, said with every amount of
   * them (Dutch): facts of the domain that the data has no figure for.
   */
  kanttekeningen: readonly { van: number; tot: number; toelichting: string }[];
}

/** The funding streams of the data, in the order every view lists them. */
export const STREAMS: readonly Stream[] = [
  {
    id: 'ks-impuls',
    naam: 'Impuls Kansrijke Start',
    omschrijving: 'Decentralisatie-uitkering in het gemeentefonds, 2019-2022',
    regeling: null,
    baseline: {
      verdeling: 'landelijk',
      reden:
        'De verdeelsleutel is onbekend: de bedragen per gemeente staan in de circulaires van het gemeentefonds, die niet beschikbaar zijn. Het landelijke bedrag wordt daarom niet verdeeld.',
      perGemeente:
        'Het geld ging wel naar gemeenten (eerst de GIDS-gemeenten, daarna ongeveer 275, in 2022 alle), maar het bedrag van elke gemeente is onbekend; onbekend is niet hetzelfde als nul',
    },
    splitsingOnzekerVanaf: null,
    toegerekendVanaf: null,
    kanttekeningen: [],
  },
  {
    id: 'ks-brede-spuk',
    naam: 'Brede SPUK, onderdeel Kansrijke Start',
    omschrijving: 'Specifieke uitkering die gemeenten aanvragen, 2023-2026',
    regeling: 'brede-spuk',
    baseline: { verdeling: 'gemeenten', sleutel: 'brede-spuk-2025' },
    splitsingOnzekerVanaf: null,
    toegerekendVanaf: {
      jaar: 2025,
      toelichting:
        'Vanaf 2025 vormen alle onderdelen van de Brede SPUK één budget per gemeente, zonder oormerk. Dit bedrag is het deel dat aan Kansrijke Start wordt toegerekend; de gemeente mag het budget ook anders besteden.',
    },
    kanttekeningen: [
      {
        van: 2024,
        tot: 2026,
        toelichting:
          'Het landelijke bedrag is dat van het GALA (januari 2023). De loon- en prijsbijstelling van 2024 is aan de Brede SPUK toegevoegd en gebleven (in 2025 en 2026 kwam er geen bij), maar het percentage voor dit onderdeel staat niet in de bronnen: het zit daarom niet in dit bedrag. Wat gemeenten werkelijk ontvangen, ligt naar verwachting hoger.',
      },
    ],
  },
  {
    id: 'nu-niet-zwanger',
    naam: 'Nu Niet Zwanger (AZWA)',
    omschrijving: '2026 via de Brede SPUK, 2027-2029 via de SPUK AZWA, daarna verwacht via een BFU',
    regeling: null,
    baseline: { verdeling: 'gemeenten', sleutel: 'brede-spuk-2025' },
    splitsingOnzekerVanaf: 2027,
    toegerekendVanaf: {
      jaar: 2026,
      tot: 2026,
      toelichting:
        'In 2026 is dit geld als "Kansrijke start 3 mln AZWA" aan de Brede SPUK toegevoegd, die vanaf 2025 één budget per gemeente is, zonder oormerk. Dit bedrag is het deel dat aan Nu Niet Zwanger wordt toegerekend; de gemeente mag het budget ook anders besteden.',
    },
    kanttekeningen: [],
  },
  {
    id: 'integrale-gezinspoli',
    naam: 'Integrale Gezinspoli (AZWA)',
    omschrijving: 'Vanaf 2027 via de SPUK AZWA, daarna verwacht via een BFU',
    regeling: null,
    baseline: { verdeling: 'gemeenten', sleutel: 'brede-spuk-2025' },
    splitsingOnzekerVanaf: 2027,
    toegerekendVanaf: null,
    kanttekeningen: [],
  },
  {
    id: 'rookvrije-start',
    naam: 'Rookvrije Start (AZWA, incidenteel)',
    omschrijving: 'Ontwikkelagenda in de SPUK AZWA, 2027-2029',
    regeling: null,
    baseline: {
      verdeling: 'landelijk',
      reden: 'De verdeelsleutel is nog niet bepaald. Het landelijke bedrag wordt daarom niet verdeeld.',
      perGemeente: null,
    },
    splitsingOnzekerVanaf: null,
    toegerekendVanaf: null,
    kanttekeningen: [],
  },
  {
    id: 'ks-gala-structureel',
    naam: 'Structurele GALA-middelen Kansrijke Start',
    omschrijving: 'Vanaf 2027 in het lokale budget van de SPUK AZWA, niet meer geoormerkt',
    regeling: 'spuk-azwa (GALA-deel)',
    baseline: { verdeling: 'gemeenten', sleutel: 'brede-spuk-2025' },
    splitsingOnzekerVanaf: null,
    toegerekendVanaf: {
      jaar: 2027,
      toelichting:
        'Vanaf 2027 zit dit geld zonder oormerk in het lokale budget van de SPUK AZWA (samen met andere GALA-middelen). Dit bedrag is het deel dat aan Kansrijke Start wordt toegerekend.',
    },
    kanttekeningen: [],
  },
  {
    id: 'landelijk-vws',
    naam: 'Landelijke activiteiten VWS',
    omschrijving: 'Stimuleringsprogramma, monitor RIVM, leerinfrastructuur',
    regeling: null,
    baseline: {
      verdeling: 'landelijk',
      reden: 'Dit geld gaat naar landelijke partijen, niet naar gemeenten.',
      perGemeente: null,
    },
    splitsingOnzekerVanaf: null,
    toegerekendVanaf: null,
    kanttekeningen: [],
  },
];

const byId = new Map(STREAMS.map((s) => [s.id, s]));

/** The stream with this id; a `RangeError` for an id that is not a stream of the data (a programming error). */
export function streamById(id: StreamId): Stream {
  const s = byId.get(id);
  if (!s) throw new RangeError(`unknown stream ${id}`);
  return s;
}
