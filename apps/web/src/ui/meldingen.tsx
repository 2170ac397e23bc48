import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { formatNumber, type Problem } from '@kansrijke-start/core';

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

/**
 * At most this many problems or remarks are shown in one list. A file or link can hold
 * hundreds of thousands of them, and drawing them all would freeze the page for a minute; the
 * rest are counted. One more is shown rather than counted (such as the core's own last line
 * "... en nog 12 fouten" after its first 50).
 */
export const MAX_SHOWN = 50;

/** How many of `n` items a list shows. */
export const shownOf = (n: number): number => (n > MAX_SHOWN + 1 ? MAX_SHOWN : n);

/** "… en nog 39.950 fouten die hier niet worden getoond", for the items of a list that are not shown. */
export function NogMeer({ aantal, woord }: { aantal: number; woord: readonly [enkelvoud: string, meervoud: string] }) {
  if (aantal <= 0) return null;
  const een = aantal === 1;
  return <p class="nl-paragraph lijst-meer">{`… en nog ${formatNumber(BigInt(aantal), 0)} ${een ? woord[0] : woord[1]} die hier niet ${een ? 'wordt' : 'worden'} getoond.`}</p>;
}

function Fout({ f }: { f: Problem }) {
  return (
    <>
      {f.plaats && `regel ${f.plaats.regel}, kolom ${f.plaats.kolom}`}
      {f.plaats && f.pad && f.pad !== 'scenario' && ' '}
      {f.pad && f.pad !== 'scenario' && <code>({f.pad})</code>}
      {(f.plaats || (f.pad && f.pad !== 'scenario')) && ': '}
      {f.bericht}
    </>
  );
}

/**
 * A list of problems: where (path) and what (Dutch); the first MAX_SHOWN, then how many more.
 * A closing remark about the whole list (an empty path, such as the core's note that it
 * stopped reading) stays visible after the count.
 */
export function Fouten({ fouten }: { fouten: readonly Problem[] }) {
  if (fouten.length === 0) return null;
  const lijst = fouten.slice(0, shownOf(fouten.length));
  const laatste = fouten[fouten.length - 1]!;
  const slot = lijst.length < fouten.length && laatste.pad === '' ? laatste : null;
  return (
    <>
      <ul class="fouten">
        {lijst.map((f, i) => (
          <li key={i}>
            <Fout f={f} />
          </li>
        ))}
      </ul>
      <NogMeer aantal={fouten.length - lijst.length - (slot ? 1 : 0)} woord={['fout', 'fouten']} />
      {slot && <p class="nl-paragraph">{slot.bericht}</p>}
    </>
  );
}

/** A list of Dutch lines (an upload's problems or remarks), capped like `Fouten`. */
export function Regels({ regels, woord }: { regels: readonly string[]; woord: readonly [enkelvoud: string, meervoud: string] }) {
  return (
    <>
      <ul>
        {regels.slice(0, shownOf(regels.length)).map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      <NogMeer aantal={regels.length - shownOf(regels.length)} woord={woord} />
    </>
  );
}

/** The NLDS alert of each kind of message (class names in full: the build keeps only the classes it finds). */
const ALERT: Record<Melding['soort'], string> = {
  fout: 'utrecht-alert utrecht-alert--error',
  succes: 'utrecht-alert utrecht-alert--ok',
  info: 'utrecht-alert utrecht-alert--info',
  waarschuwing: 'utrecht-alert utrecht-alert--warning',
};

export function MeldingBlok({ m, onSluit }: { m: Melding; onSluit?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // An error the user caused elsewhere (an upload, a link) is brought into view.
    if (m.soort === 'fout') ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div ref={ref} class={ALERT[m.soort]} role={m.soort === 'fout' ? 'alert' : 'status'}>
      <div class="utrecht-alert__message">
        <h2 class="nl-heading nl-heading--level-2">{m.titel}</h2>
      {m.tekst && <p class="nl-paragraph">{m.tekst}</p>}
      {m.fouten && <Fouten fouten={m.fouten} />}
      {(m.acties?.length || onSluit) && (
        <div class="utrecht-button-group">
          {m.acties?.map((a) => (
            <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={a.doe}>
              {a.label}
            </button>
          ))}
          {onSluit && (
            <button type="button" class="utrecht-button utrecht-button--subtle" onClick={onSluit}>
              Melding sluiten<span class="visually-hidden">: {m.titel}</span>
            </button>
          )}
        </div>
      )}
      </div>
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

/** The core's warnings (opmerkingen) about one part of the scenario, shown where that part is edited; nothing when there are none. */
export function Opmerkingen({ id, opmerkingen }: { id: string; opmerkingen: readonly { bericht: string }[] }) {
  if (opmerkingen.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--warning" role="status" id={id}>
      <div class="utrecht-alert__message">
        <ul>
          {opmerkingen.map((w) => (
            <li key={w.bericht}>{w.bericht}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
