import { describeScenario, descriptionTable, type Allocation } from '@kansrijke-start/core';
import { allocation, baseAllocation, data, scenario } from './state.js';
import { euroTekst } from '../ui/status.js';
import { CsvDownload } from '../ui/csv-download.js';
import { Uitgesteld } from '../ui/uitgesteld.js';

/**
 * The scenario in words (the core's description): every change, and for each year it touches
 * the value in the baseline and in the scenario, the amount divided in both, and its explanation.
 */
/** An amount in the text stays on one line: "€ 5.000.000" keeps its sign with the number. */
const heel = (t: string): string => t.replace(/€ /g, '€\u00a0');

export function ScenarioBeschrijving() {
  const s = scenario.value;
  if (s.wijzigingen.length === 0 && !s.eigenStromen?.length) return null;
  // Out of sight, the text follows once typing pauses (ui/uitgesteld.tsx).
  return (
    <Uitgesteld>
      <Beschrijving uitkomst={allocation.value} namen={['Basis', s.naam || 'Scenario']} />
    </Uitgesteld>
  );
}

function Beschrijving({ uitkomst, namen }: { uitkomst: Allocation; namen: readonly string[] }) {
  const d = describeScenario(data, baseAllocation, uitkomst);
  return (
    <section class="beschrijving pas-in-beeld" aria-labelledby="beschrijving-titel" id="beschrijving">
      <h2 class="nl-heading nl-heading--level-2" id="beschrijving-titel">Het scenario in woorden</h2>
      {d.eigenStromen.length > 0 && (
        <ul class="beschrijving__lijst">
          {d.eigenStromen.map((e) => (
            <li key={e.id} id={`beschrijving-${e.id.replace(':', '-')}`}>
              <p class="nl-paragraph">
                <strong>Eigen stroom “{e.naam}”:</strong> {e.jaren.length === 0 ? 'geen bedrag in de jaren van de gegevens' : e.jaren.map((j) => `${j.jaar} ${heel(j.bedrag)}`).join('; ')}.
                Verdeelsleutel: {heel(e.sleutel)}. Status: scenario ({e.reden}).
              </p>
            </li>
          ))}
        </ul>
      )}
      <ol class="beschrijving__lijst">
        {d.wijzigingen.map((w) => (
          <li key={w.nummer} id={`beschrijving-${w.nummer}`}>
            <p class="nl-paragraph">
              <strong>
                {w.soort}, {w.stroomNaam}, {w.geldigheid}:
              </strong>{' '}
              {heel(w.waarde)}
            </p>
            {w.toelichting && <p class="nl-paragraph klein">Toelichting: {w.toelichting}</p>}
            {w.jaren.length === 0 ? (
              <p class="nl-paragraph klein">De stroom loopt in geen van deze jaren: deze wijziging heeft geen effect.</p>
            ) : (
              <div class="tabel-wrap" role="region" aria-label={`Wijziging ${w.nummer} per jaar`} tabIndex={0}>
                <table class="utrecht-table tabel">
                  <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                      <th class="utrecht-table__header-cell" scope="col">Jaar</th>
                      <th class="utrecht-table__header-cell" scope="col">In de basis</th>
                      <th class="utrecht-table__header-cell" scope="col">In het scenario</th>
                      <th scope="col" class="utrecht-table__header-cell num">
                        Te verdelen, basis
                      </th>
                      <th scope="col" class="utrecht-table__header-cell num">
                        Te verdelen, scenario
                      </th>
                    </tr>
                  </thead>
                  <tbody class="utrecht-table__body">
                    {w.jaren.map((j) => (
                      <tr class="utrecht-table__row" key={j.jaar}>
                        <th class="utrecht-table__header-cell" scope="row">{j.jaar}</th>
                        <td class="utrecht-table__cell">{heel(j.basis)}</td>
                        <td class="utrecht-table__cell">
                          {heel(j.scenario)}
                          {!j.geldt && <span class="klein"> (hier geldt een latere wijziging)</span>}
                        </td>
                        {/* Not running (an own stream is not in the baseline) is neither 0 nor unknown. */}
                        <td class="utrecht-table__cell num">{j.loopt.basis ? euroTekst(j.bedragBasis) : '–'}</td>
                        <td class="utrecht-table__cell num">{j.loopt.scenario ? euroTekst(j.bedragScenario) : '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </li>
        ))}
      </ol>
      <CsvDownload label="Beschrijving (CSV)" bestand="scenario-beschrijving.csv" tabel={() => descriptionTable(d)} allocations={[baseAllocation, uitkomst]} namen={namen} />
    </section>
  );
}
