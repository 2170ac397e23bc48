import { formatDate, plannedSuccessions, type Herindelingen } from '@kansrijke-start/core';
import { data, scenario, setScenario, waarschuwingen } from '../state.js';
import { Keuzes } from '../../ui/keuzes.js';
import { Opmerkingen } from '../../ui/meldingen.js';

const lijst = (namen: readonly string[]) => (namen.length <= 1 ? (namen[0] ?? '') : `${namen.slice(0, -1).join(', ')} en ${namen.at(-1)}`);

/**
 * The scenario's choice about the planned mergers of the data (Wijdemeren into Hilversum on
 * 1 januari 2027): apply them from their first year, or keep the last known division. Says,
 * like the notes under a change, when the choice changes nothing.
 */
export function HerindelingKeuze() {
  const gepland = plannedSuccessions(data);
  if (gepland.length === 0) return null;
  const eerste = Math.min(...gepland.map((g) => g.jaar));
  const s = scenario.value;
  const wat = gepland.map((g) => `${lijst(g.opgeheven.map((x) => x.naam))} bij ${g.opvolger.naam}`).join('; ');
  const datums = [...new Set(gepland.map((g) => formatDate(g.datum)))].join(', ');
  const kies = (v: Herindelingen) => setScenario({ ...scenario.value, herindelingen: v });
  // What the core says about the choice (that it changes nothing, when it does not).
  const eigen = waarschuwingen.value.filter((w) => w.pad === 'herindelingen');
  return (
    <div class="paneel herindeling" id="herindeling">
      <Keuzes
        legend={`Geplande herindeling per ${datums} (${wat})`}
        name="herindelingen"
        opties={[
          ['gepland', 'meerekenen'],
          ['zonder', 'niet meerekenen'],
        ]}
        waarde={s.herindelingen}
        kies={kies}
      />
      <p class="nl-paragraph utrecht-form-field-description">
        {s.herindelingen === 'gepland'
          ? `Vanaf ${eerste} staan de bedragen van ${lijst(gepland.flatMap((g) => g.opgeheven.map((x) => x.naam)))} bij ${lijst(gepland.map((g) => g.opvolger.naam))}. ${gepland[0]!.reden[0]!.toUpperCase()}${gepland[0]!.reden.slice(1)}.`
          : `Ook vanaf ${eerste} wordt verdeeld over de gemeenten zoals ze nu zijn, zonder de geplande herindeling.`}
      </p>
      <Opmerkingen id="herindeling-opmerkingen" opmerkingen={eigen} />
    </div>
  );
}
