import { useState } from 'preact/hooks';
import type { Wijziging } from '@kansrijke-start/core';
import { data } from '../state.js';
import { Keuzes } from '../../ui/keuzes.js';
import type { Update } from './kaart.js';

export function DeelnameVelden({ w, id, update }: { w: Extract<Wijziging, { soort: 'deelname' }>; id: string; update: Update }) {
  const [filter, setFilter] = useState('');
  const gekozen = new Set(w.gemeenten);
  const f = filter.trim().toLowerCase();
  const zichtbaar = f ? data.gemeenten.filter((g) => g.naam.toLowerCase().includes(f) || g.code.toLowerCase().includes(f)) : data.gemeenten;
  const zet = (codes: Set<string>) => update({ ...w, gemeenten: data.gemeenten.filter((g) => codes.has(g.code)).map((g) => g.code) });
  return (
    <>
      <Keuzes
        legend="Het aandeel van gemeenten die niet deelnemen"
        name={`${id}-niet`}
        opties={[
          ['herverdelen', 'herverdelen over de deelnemers'],
          ['onbenut', 'blijft onbenut'],
        ]}
        waarde={w.nietDeelnemers}
        kies={(v) => update({ ...w, nietDeelnemers: v })}
      />
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for={`${id}-filter`}>Gemeenten zoeken in de lijst</label>
        <input class="utrecht-textbox utrecht-textbox--html-input" id={`${id}-filter`} type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      </div>
      <div class="utrecht-button-group">
        <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => zet(new Set([...gekozen, ...zichtbaar.map((g) => g.code)]))}>
          {f ? 'Gevonden gemeenten aanvinken' : 'Alle gemeenten aanvinken'}
        </button>
        {f ? (
          <>
            <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => zet(new Set(zichtbaar.map((g) => g.code)))}>
              Alleen de gevonden gemeenten
            </button>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              onClick={() => {
                const weg = new Set(zichtbaar.map((g) => g.code));
                zet(new Set([...gekozen].filter((c) => !weg.has(c))));
              }}
            >
              Gevonden gemeenten uitvinken
            </button>
          </>
        ) : null}
      </div>
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset__fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          Deelnemende gemeenten ({gekozen.size} van {data.gemeenten.length})
        </legend>
        <div class="deelnemers">
          {zichtbaar.map((g) => (
            <label class="utrecht-form-label keuze" key={g.code}>
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                type="checkbox"
                checked={gekozen.has(g.code)}
                onChange={(e) => {
                  const s = new Set(gekozen);
                  if (e.currentTarget.checked) s.add(g.code);
                  else s.delete(g.code);
                  zet(s);
                }}
              />
              {g.naam}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

