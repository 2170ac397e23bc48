import { useState } from 'preact/hooks';
import { DEFAULT_PERIOD, YEARS, periodTable, periodView, winnersAndLosers, type Allocation, type PeriodMunicipalityRow } from '@kansrijke-start/core';
import { allocation, baseAllocation, data, scenario } from './state.js';
import { euroTekst, perInwonerTekst, verschilKlasse, verschilTekst } from '../ui/status.js';
import { CsvDownload } from '../ui/csv-download.js';
import { AlsCode } from '../ui/als-code.js';
import { Uitgesteld } from '../ui/uitgesteld.js';
import { href } from '../route.js';

/**
 * The scenario over a period (the core's period view): per stream the sum over the years, the
 * municipalities that gain and lose most, and the size classes of municipalities.
 */
export function Periode() {
  const [van, setVan] = useState<number>(DEFAULT_PERIOD.van);
  const [tot, setTot] = useState<number>(DEFAULT_PERIOD.tot);
  const s = scenario.value;
  if (s.wijzigingen.length === 0 && s.herindelingen === 'gepland') return null;
  const a = van <= tot ? van : tot;
  const b = van <= tot ? tot : van;
  const periode = `${a}-${b}`;
  const jaarKeuze = (id: string, label: string, waarde: number, zet: (j: number) => void) => (
    <div class="utrecht-form-field veld--smal">
      <label class="utrecht-form-label" for={id}>{label}</label>
      <select class="utrecht-select utrecht-select--html-select" id={id} value={String(waarde)} onChange={(e) => zet(Number(e.currentTarget.value))}>
        {YEARS.map((j) => (
          <option key={j} value={String(j)}>
            {j}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section class="periode pas-in-beeld" aria-labelledby="periode-titel" id="periode">
      <h2 class="nl-heading nl-heading--level-2" id="periode-titel">Over de periode {periode}</h2>
      <div class="filters">
        {jaarKeuze('periode-van', 'Van', van, setVan)}
        {jaarKeuze('periode-tot', 'Tot en met', tot, setTot)}
      </div>
      {/* Out of sight, the figures follow once typing pauses (ui/uitgesteld.tsx). */}
      <Uitgesteld sleutel={periode}>
        <PeriodeCijfers allocations={[baseAllocation, allocation.value]} namen={['Basis', s.naam || 'Scenario']} van={a} tot={b} />
      </Uitgesteld>
      <AlsCode view={{ view: 'periode', periode: { van: a, tot: b } }} scenarios={[s]} />
    </section>
  );
}

/** The period's figures: per stream, the gainers and losers, the size classes, with their downloads. */
function PeriodeCijfers({ allocations, namen, van, tot }: { allocations: readonly Allocation[]; namen: readonly string[]; van: number; tot: number }) {
  const view = periodView(data, allocations, { van, tot });
  const { stijgers, dalers } = winnersAndLosers(view, 1, 'euro', 5);
  const periode = `${van}-${tot}`;
  const lijst = (titel: string, id: string, rows: readonly PeriodMunicipalityRow[]) => (
    <div>
      <h3 class="nl-heading nl-heading--level-3" id={id}>{titel}</h3>
      {rows.length === 0 ? (
        <p class="nl-paragraph">Geen.</p>
      ) : (
        <ol class="periode__lijst" aria-labelledby={id}>
          {rows.map((r) => (
            <li key={r.code}>
              <a class="nl-link" href={href(`gemeente/${r.code}`)}>{r.naam}</a>: <span class={verschilKlasse(r.verschillen[0]!.verschil)}>{verschilTekst(r.verschillen[0]!.verschil)}</span>{' '}
              <span class="klein">({perInwonerTekst(r.verschillen[0]!.verschil, r.inwoners)} per inwoner)</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
  return (
    <>
        <div class="tabel-wrap" role="region" aria-labelledby="tabel-periode-titel" tabIndex={0}>
          <table id="tabel-periode" class="utrecht-table tabel-compact">
            <caption class="utrecht-table__caption" id="tabel-periode-titel">Te verdelen bedrag per stroom, opgeteld over {periode}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">Stroom</th>
                <th scope="col" class="utrecht-table__header-cell num">
                  Basis
                </th>
                <th scope="col" class="utrecht-table__header-cell num">
                  Scenario
                </th>
                <th scope="col" class="utrecht-table__header-cell num">
                  Verschil
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {view.stromen.map((r) => (
                <tr class="utrecht-table__row" key={r.stroom} data-stroom={r.stroom}>
                  <th class="utrecht-table__header-cell" scope="row">{r.naam}</th>
                  {/* A stream that is not in one side (an own stream of the scenario) is absent there: not zero, not unknown. */}
                  <td class="utrecht-table__cell num">{r.som[0]!.aanwezig ? euroTekst(r.som[0]!.bedrag) : '–'}</td>
                  <td class="utrecht-table__cell num">{r.som[1]!.aanwezig ? euroTekst(r.som[1]!.bedrag) : '–'}</td>
                  <td class={`utrecht-table__cell num${verschilKlasse(r.verschillen[0]!.verschil)}`}>{verschilTekst(r.verschillen[0]!.verschil)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CsvDownload label="Per stroom als CSV" bestand={`periode-${periode}-stromen.csv`} tabel={() => periodTable(view, namen, 'stromen')} allocations={allocations} namen={namen} />
        <div class="periode__winst">
          {lijst('Grootste stijgers', 'periode-stijgers', stijgers)}
          {lijst('Grootste dalers', 'periode-dalers', dalers)}
        </div>
        <div class="tabel-wrap" role="region" aria-labelledby="tabel-klassen-titel" tabIndex={0}>
          <table id="tabel-klassen" class="utrecht-table tabel-compact">
            <caption class="utrecht-table__caption" id="tabel-klassen-titel">Per gemeentegrootteklasse (CBS), opgeteld over {periode}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">Inwoners</th>
                <th scope="col" class="utrecht-table__header-cell num">
                  Gemeenten
                </th>
                <th scope="col" class="utrecht-table__header-cell num">
                  Verschil
                </th>
                <th scope="col" class="utrecht-table__header-cell num">
                  Per inwoner
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {view.klassen.map((c) => (
                <tr class="utrecht-table__row" key={c.klasse.naam}>
                  <th class="utrecht-table__header-cell" scope="row">{c.klasse.naam}</th>
                  <td class="utrecht-table__cell num">{c.gemeenten}</td>
                  <td class={`utrecht-table__cell num${verschilKlasse(c.verschillen[0]!.verschil)}`}>{verschilTekst(c.verschillen[0]!.verschil)}</td>
                  <td class="utrecht-table__cell num">{perInwonerTekst(c.verschillen[0]!.verschil, c.inwoners === 0n ? null : c.inwoners)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CsvDownload label="Per grootteklasse als CSV" bestand={`periode-${periode}-klassen.csv`} tabel={() => periodTable(view, namen, 'klassen')} allocations={allocations} namen={namen} />
        <CsvDownload label="Per gemeente over de periode (CSV)" bestand={`periode-${periode}-gemeenten.csv`} tabel={() => periodTable(view, namen, 'gemeenten')} allocations={allocations} namen={namen} />
    </>
  );
}
