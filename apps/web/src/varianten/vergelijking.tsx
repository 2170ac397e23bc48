import { useEffect, useMemo, useState } from 'preact/hooks';
import { Fragment } from 'preact';
import { compareRecipients, streamsOf, compareTotals, comparisonTable, identicalSides, type Allocation, type RecipientRow, type StreamChoice } from '@kansrijke-start/core';
import { data, varianten, vergeleken, vergelekenNamen, vergelekenVarianten } from '../scenario/state.js';
import { euroTekst, perInwonerTekst, procentTekst, verschilKlasse, verschilTekst } from '../ui/status.js';
import { stroomNaam } from '../ui/stromen.js';
import { CsvDownload } from '../ui/csv-download.js';
import { AlsCode } from '../ui/als-code.js';
import { Bewijs } from '../ui/bewijs.js';
import { tabellen } from '../ui/tabellen.js';
import { letter } from './lijst.js';
import { JaarKeuze, StroomKeuze } from '../ui/keuzes.js';

/** "Basis", "Variant A", "Variant B": how the comparison calls its sides. */
const zijdeLabel = (k: number): string => (k === 0 ? 'Basis' : `Variant ${letter(k - 1)}`);

/** Whether a side's columns are shown: a side equal to an earlier one is shown once, under the earlier. */
export interface Zijden {
  /** The indexes of the sides that have columns of their own. */
  getoond: number[];
  /** For each side not shown, the side it equals. */
  gelijk: { zijde: number; aan: number }[];
}

export function zijdenVan(rows: readonly RecipientRow[], count: number): Zijden {
  const same = identicalSides(rows, count);
  return {
    getoond: same.flatMap((s, k) => (s === null ? [k] : [])),
    gelijk: same.flatMap((s, k) => (s === null ? [] : [{ zijde: k, aan: s }])),
  };
}

/** How long the table waits after the last keystroke in the form before it follows (see `useNaTypen`). */
export const WACHT_MS = 150;

/**
 * The compared allocations and their names for the table. A new choice of variants shows at once;
 * while the user types in the edited variant's form, the table (up to 342 rows of three sides,
 * every cell changing with each keystroke) follows once typing pauses, so that the form and the
 * totals keep up with every keystroke.
 */
function useNaTypen(): { allocations: readonly Allocation[]; namen: readonly string[] } {
  const live = { allocations: vergeleken.value, namen: vergelekenNamen.value };
  const keuze = `${varianten.value.vergelijk.join(',')}|${live.namen.join('|')}`;
  const [shown, setShown] = useState({ ...live, keuze });
  const current = shown.keuze === keuze ? shown : { ...live, keuze };
  useEffect(() => {
    if (shown.allocations === live.allocations && shown.keuze === keuze) return;
    if (shown.keuze !== keuze) {
      setShown({ ...live, keuze });
      return;
    }
    const t = setTimeout(() => setShown({ ...live, keuze }), WACHT_MS);
    return () => clearTimeout(t);
  }, [live.allocations, keuze]);
  return current;
}

/**
 * The baseline and the chosen variants side by side per recipient, for one year and one stream
 * (or all streams together): per side the amount and the amount per inhabitant, and for a
 * variant its difference with the baseline in euro and percent. All figures are the core's
 * (`compareRecipients`); a variant whose amounts equal an earlier side's in this selection is
 * shown once, saying so. The CSV is the core's `comparisonTable` of exactly the sides shown.
 */
export function VariantenVergelijking() {
  const gekozen = vergelekenVarianten.value;
  const [gekozenJaar, setJaar] = useState<number | null>(null);
  const [stroom, setStroom] = useState<StreamChoice>('alle');
  const [zoek, setZoek] = useState('');
  const { allocations, namen } = useNaTypen();
  // Until the user picks a year: the first year in which a variant changes an amount (else 2026).
  const eersteVerschil = useMemo(() => compareTotals(allocations).find((t) => t.gewijzigd)?.jaar ?? 2026, [allocations]);
  const jaar = gekozenJaar ?? eersteVerschil;
  const rows = useMemo(() => (gekozen.length === 0 ? [] : compareRecipients(data, allocations, { jaar, stroom })), [allocations, jaar, stroom, gekozen.length]);
  // Sides are the same column only when they are the same in every row of the CSV too: with all
  // streams together, a variant that moves money between streams is not the same as the baseline.
  const zijden = useMemo(() => {
    const perRij = stroom === 'alle' && gekozen.length > 0 ? streamsOf(...allocations).flatMap((s) => compareRecipients(data, allocations, { jaar, stroom: s.id })) : rows;
    return zijdenVan(perRij, allocations.length);
  }, [rows, allocations, jaar, stroom, gekozen.length]);

  if (gekozen.length === 0) {
    return (
      <section class="pas-in-beeld" aria-labelledby="vv-titel" id="varianten-vergelijking">
        <h2 class="nl-heading nl-heading--level-2" id="vv-titel">Varianten naast de basis</h2>
        <p class="nl-paragraph">Kies bij “Uw varianten” hoogstens twee varianten om per ontvanger naast de basis te zetten.</p>
      </section>
    );
  }

  const keuzeNaam = stroom === 'alle' ? 'alle stromen samen' : stroomNaam(stroom);
  const z = zoek.trim().toLowerCase();
  const zicht = z ? rows.filter((r) => r.naam.toLowerCase().includes(z) || r.ontvanger.toLowerCase().includes(z)) : rows;
  const getoond = zijden.getoond;
  const gelijkAan = (k: number) => zijden.gelijk.filter((g) => g.aan === k).map((g) => zijdeLabel(g.zijde));
  const kolommen = (k: number) => (k === 0 ? 2 : 4);
  const csvAllocations = getoond.map((k) => allocations[k]!);
  const csvNamen = getoond.map((k) => namen[k]!);
  const bestand = `vergelijking-${jaar}-${stroom}.csv`;

  return (
    <section class="pas-in-beeld" aria-labelledby="vv-titel" id="varianten-vergelijking">
      <h2 class="nl-heading nl-heading--level-2" id="vv-titel">Varianten naast de basis</h2>
      <ul class="vv-zijden klein">
        {namen.map((n, k) => (
          <li key={k}>
            <strong>{zijdeLabel(k)}</strong>
            {k > 0 && `: ${n}`}
            {k === 0 && ': de verdeling volgens de geldende regels'}
          </li>
        ))}
      </ul>
      <div class="filters">
        <JaarKeuze id="vv-jaar" waarde={jaar} kies={(j) => setJaar(j)} />
        <StroomKeuze id="vv-stroom" stromen={streamsOf(...allocations)} waarde={stroom} kies={setStroom} />
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="vv-zoek">Zoek ontvanger</label>
          <input class="utrecht-textbox utrecht-textbox--html-input" id="vv-zoek" type="search" value={zoek} onInput={(e) => setZoek(e.currentTarget.value)} />
        </div>
      </div>
      {zijden.gelijk.length > 0 && (
        <div class="utrecht-alert utrecht-alert--info vv-gelijk" id="vv-gelijk">
          <div class="utrecht-alert__message">
            {zijden.gelijk.map((g) => (
              <p class="nl-paragraph" key={g.zijde}>
                {zijdeLabel(g.zijde)} is gelijk aan {zijdeLabel(g.aan)} voor deze selectie ({keuzeNaam}, {jaar}): de kolommen staan er één keer, onder{' '}
                {zijdeLabel(g.aan)}.
              </p>
            ))}
          </div>
        </div>
      )}
      {rows.length === 0 ? (
        <p class="nl-paragraph">
          In {jaar} wordt {stroom === 'alle' ? 'niets' : keuzeNaam} niet over ontvangers verdeeld.
        </p>
      ) : (
        <>
          <p aria-live="polite" class="nl-paragraph klein">
            {zicht.length} van {rows.length} ontvangers getoond.
          </p>
          <div class="tabel-wrap tabel-hoog" role="region" aria-labelledby="vv-tabel-titel" tabIndex={0}>
            <table id="tabel-varianten" class="utrecht-table tabel-compact vv-tabel">
              <caption class="utrecht-table__caption" id="vv-tabel-titel">
                Bedrag per ontvanger, {keuzeNaam}, {jaar}: {getoond.map(zijdeLabel).join(', ')}
              </caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col" rowSpan={2}>
                    Ontvanger
                  </th>
                  {getoond.map((k) => {
                    const ook = gelijkAan(k);
                    return (
                      <th key={k} scope="colgroup" colSpan={kolommen(k)} class="utrecht-table__header-cell vv-zijde" data-zijde={k}>
                        {zijdeLabel(k)}
                        {k > 0 && <span class="klein vv-naam"> {namen[k]}</span>}
                        {ook.length > 0 && <span class="klein vv-ook"> (= {ook.join(' en ')})</span>}
                      </th>
                    );
                  })}
                </tr>
                <tr class="utrecht-table__row">
                  {getoond.map((k) => (
                    <Fragment key={k}>
                      <th scope="col" class="utrecht-table__header-cell num">
                        Bedrag
                      </th>
                      {k > 0 && (
                        <>
                          <th scope="col" class="utrecht-table__header-cell num">
                            Verschil met basis
                          </th>
                          <th scope="col" class="utrecht-table__header-cell num">
                            Verschil %
                          </th>
                        </>
                      )}
                      <th scope="col" class="utrecht-table__header-cell num">
                        Per inwoner
                      </th>
                    </Fragment>
                  ))}
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {zicht.map((r) => (
                  <tr class="utrecht-table__row" key={`${r.soort}|${r.ontvanger}`} data-code={r.ontvanger}>
                    <th class="utrecht-table__header-cell" scope="row">{r.soort === 'gemeente' ? <a class="nl-link" href={`#/gemeente/${r.ontvanger}`}>{r.naam}</a> : r.naam}</th>
                    {getoond.map((k) => {
                      const zijde = r.zijden[k]!;
                      const v = k > 0 ? r.verschillen[k - 1]! : null;
                      return (
                        <Fragment key={k}>
                          <td class="utrecht-table__cell num" data-zijde={k} data-kolom="bedrag">
                            {zijde.aanwezig ? euroTekst(zijde.bedrag) : '–'}
                          </td>
                          {v && (
                            <>
                              <td class={`utrecht-table__cell num${verschilKlasse(v.verschil)}`} data-zijde={k} data-kolom="verschil">
                                {verschilTekst(v.verschil)}
                              </td>
                              <td class="utrecht-table__cell num" data-zijde={k} data-kolom="procent">
                                {procentTekst(v.fractie)}
                              </td>
                            </>
                          )}
                          <td class="utrecht-table__cell num" data-zijde={k} data-kolom="per-inwoner">
                            {zijde.aanwezig ? perInwonerTekst(zijde.bedrag, r.inwoners) : '–'}
                          </td>
                        </Fragment>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CsvDownload
            label="Vergelijking als CSV"
            bestand={bestand}
            allocations={csvAllocations}
            namen={csvNamen}
            tabel={() => comparisonTable(data, csvAllocations, csvNamen, { van: jaar, tot: jaar, stroom: stroom === 'alle' ? null : stroom })}
          />
          <p class="nl-paragraph utrecht-form-field-description">
            De CSV heeft een regel per ontvanger en stroom, met de kolommen die hier staan: {csvNamen.join(', ')}. Het is dezelfde tabel als{' '}
            <code>ks-budget compare</code> geeft.
          </p>
          <CsvDownload
            label="Tabel zoals getoond (CSV)"
            bestand={bestand.replace(/\.csv$/, '-getoond.csv')}
            allocations={csvAllocations}
            namen={csvNamen}
            tabel={async () =>
              (await tabellen()).recipientRowsTable(
                // Only the sides that have columns, as the table shows them (the first is always the baseline).
                zicht.map((r) => ({ ...r, zijden: getoond.map((k) => r.zijden[k]!), verschillen: getoond.slice(1).map((k) => r.verschillen[k - 1]!) })),
                csvNamen,
                { jaar, stroom },
              )
            }
          />
          <Bewijs allocations={allocations} namen={namen} id="bewijs-varianten" />
          <AlsCode view={{ view: 'varianten', jaar, stroom: stroom === 'alle' ? null : stroom }} scenarios={allocations.slice(1).map((a) => a.scenario)} />
        </>
      )}
    </section>
  );
}
