/**
 * The documents a `bron` text cites. A `bron` text (in `landelijke-budgetten.csv`,
 * `generieke-kortingen.csv`) cites one document, or several separated by `; `; each part starts
 * with the `bron_tekst` of a document in `bronnen.csv` and may go on with a page, an appendix or
 * a reference number ("GALA (VWS, 31-01-2023) par. 4A tabel p.38"). `checks.ts` reports every
 * part that cites no document; `documentsOf` gives the documents.
 */
import type { BaselineData, SourceDocument } from './types.js';

/** What separates the documents one `bron` text cites. */
export const CITATION_SEPARATOR = '; ';

/** One part of a `bron` text and the document it cites (null: none of `bronnen.csv`). */
export interface Citation {
  deel: string;
  document: SourceDocument | null;
}

/**
 * The document whose `bronTekst` is the longest prefix of `deel`, or null. A part that gives a
 * document's address instead of its name (as `herindelingen-2027.csv` does) cites it too.
 */
function citedBy(documents: readonly SourceDocument[], deel: string): SourceDocument | null {
  let best: SourceDocument | null = null;
  for (const d of documents) {
    if (deel.startsWith(d.bronTekst) && (best === null || d.bronTekst.length > best.bronTekst.length)) best = d;
  }
  if (best === null) {
    const text = deel.trim();
    best = documents.find((d) => d.url !== null && text.startsWith(d.url)) ?? null;
  }
  return best;
}

/** Every part of `bron`, in order, with the document it cites (the longest matching `bronTekst`). */
export function citations(documents: readonly SourceDocument[], bron: string): Citation[] {
  return bron.split(CITATION_SEPARATOR).map((deel) => ({ deel, document: citedBy(documents, deel) }));
}

/**
 * The documents of `data.bronnen` that a `bron` text cites, in the order it cites them, each
 * once: per part (separated by `; `) the document with the longest `bronTekst` that the part
 * starts with. A part that cites no document adds nothing (for the embedded data every part
 * cites one: `parseBaselineData` checks that for the national amounts and the generic cuts).
 */
export function documentsOf(data: BaselineData, bron: string): SourceDocument[] {
  const found: SourceDocument[] = [];
  for (const { document } of citations(data.bronnen, bron)) {
    if (document !== null && !found.includes(document)) found.push(document);
  }
  return found;
}

/** A source as shown with a figure: its text, the documents it cites, their date and a link. */
export interface SourceReference {
  tekst: string;
  documenten: SourceDocument[];
  /** The "stand" of the figure: the newest date of the documents it cites (ISO, as precise as known); null when none has a date. */
  stand: string | null;
  /** The address of the first cited document that has one; null when none has. */
  url: string | null;
}

/** The reference of a `bron` text: the documents it cites in `bronnen`, its stand and its link. */
export function sourceReference(bronnen: readonly SourceDocument[], tekst: string): SourceReference {
  const documenten: SourceDocument[] = [];
  for (const { document } of citations(bronnen, tekst)) {
    if (document !== null && !documenten.includes(document)) documenten.push(document);
  }
  let stand: string | null = null;
  for (const d of documenten) if (d.datum !== null && (stand === null || d.datum > stand)) stand = d.datum;
  return { tekst, documenten, stand, url: documenten.find((d) => d.url !== null)?.url ?? null };
}
