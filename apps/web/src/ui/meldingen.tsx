import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Problem } from '@kansrijke-start/core';

export interface Actie {
  label: string;
  doe: () => void;
}

export interface Melding {
  id: number;
  soort: 'fout' | 'succes' | 'info' | 'waarschuwing';
  titel: string;
  tekst?: string;
  fouten?: Problem[];
  acties?: Actie[];
}

export const meldingen = signal<Melding[]>([]);
let next = 1;

export function meld(m: Omit<Melding, 'id'>): number {
  const id = next++;
  meldingen.value = [...meldingen.value, { ...m, id }];
  return id;
}

export function sluit(id: number): void {
  meldingen.value = meldingen.value.filter((m) => m.id !== id);
}

/** A list of problems: where (path) and what (Dutch). */
export function Fouten({ fouten }: { fouten: readonly Problem[] }) {
  if (fouten.length === 0) return null;
  return (
    <ul class="fouten">
      {fouten.map((f, i) => (
        <li key={i}>
          {f.plaats && `regel ${f.plaats.regel}, kolom ${f.plaats.kolom}`}
          {f.plaats && f.pad && f.pad !== 'scenario' && ' '}
          {f.pad && f.pad !== 'scenario' && <code>({f.pad})</code>}
          {(f.plaats || (f.pad && f.pad !== 'scenario')) && ': '}
          {f.bericht}
        </li>
      ))}
    </ul>
  );
}

export function MeldingBlok({ m, onSluit }: { m: Melding; onSluit?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // An error the user caused elsewhere (an upload, a link) is brought into view.
    if (m.soort === 'fout') ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div ref={ref} class={`melding melding--${m.soort}`} role={m.soort === 'fout' ? 'alert' : 'status'}>
      <h2>{m.titel}</h2>
      {m.tekst && <p>{m.tekst}</p>}
      {m.fouten && <Fouten fouten={m.fouten} />}
      {(m.acties?.length || onSluit) && (
        <div class="knoppen">
          {m.acties?.map((a) => (
            <button type="button" class="knop knop--secundair" onClick={a.doe}>
              {a.label}
            </button>
          ))}
          {onSluit && (
            <button type="button" class="knop knop--link" onClick={onSluit}>
              Melding sluiten<span class="visually-hidden">: {m.titel}</span>
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export function Meldingen() {
  const list = meldingen.value;
  if (list.length === 0) return null;
  return (
    <div class="meldingen">
      {list.map((m) => (
        <MeldingBlok key={m.id} m={m} onSluit={() => sluit(m.id)} />
      ))}
    </div>
  );
}
