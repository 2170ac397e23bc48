import { YEARS, type StreamRef } from '@kansrijke-start/core';
import { stromenVanScenario } from '../../ui/stromen.js';

/**
 * The stream and year a change is about: two selects side by side, with ids `${id}-stroom` and
 * `${id}-jaar`. The streams are those of the data and the scenario's own streams.
 */
export function StroomJaar({ id, stroom, jaar, kies }: { id: string; stroom: StreamRef; jaar: number; kies: (v: { stroom: StreamRef; jaar: number }) => void }) {
  return (
    <div class="rij">
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for={`${id}-stroom`}>Stroom</label>
        <select class="utrecht-select utrecht-select--html-select" id={`${id}-stroom`} value={stroom} onChange={(e) => kies({ stroom: e.currentTarget.value as StreamRef, jaar })}>
          {stromenVanScenario().map((s) => (
            <option value={s.id} key={s.id}>
              {s.eigen ? `${s.naam} (eigen stroom)` : s.naam}
            </option>
          ))}
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for={`${id}-jaar`}>Jaar</label>
        <select class="utrecht-select utrecht-select--html-select" id={`${id}-jaar`} value={jaar} onChange={(e) => kies({ stroom, jaar: Number(e.currentTarget.value) })}>
          {YEARS.map((y) => (
            <option value={y} key={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
