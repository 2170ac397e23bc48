import { useEffect, useState } from 'preact/hooks';
import type { Scenario, ViewDescription, ViewCode } from '@kansrijke-start/core';

/**
 * "Als code": the current view as the `ks-budget` command (with the scenario written to a file
 * first) and as the TypeScript call of the core that give the same figures. The text is the
 * core's (`viewAsCode`), loaded and made only when the block is opened, so that the first load
 * does not carry it.
 */

/** Selects the text of an element, so that the user can copy it with Ctrl+C when the clipboard is not available. */
function selecteer(el: HTMLElement | null): void {
  if (!el) return;
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  el.focus();
}

/**
 * A button that copies `tekst` to the clipboard; where that is refused (no permission, an old
 * browser), the text in `doel` is selected and the button says how to copy it.
 */
export function KopieerKnop({ tekst, label, doel, toegankelijk, stil }: { tekst: () => string; label: string; doel: () => HTMLElement | null; toegankelijk?: string; /** A quiet button (inside a line of text). */ stil?: boolean }) {
  const [status, setStatus] = useState<'' | 'gekopieerd' | 'geselecteerd'>('');
  const kopieer = async () => {
    try {
      if (!navigator.clipboard) throw new Error('geen klembord');
      await navigator.clipboard.writeText(tekst());
      setStatus('gekopieerd');
    } catch {
      selecteer(doel());
      setStatus('geselecteerd');
    }
  };
  return (
    <span class="kopieer">
      <button type="button" class={stil ? 'utrecht-button utrecht-button--subtle kopieer__stil' : 'utrecht-button utrecht-button--secondary-action'} onClick={() => void kopieer()}>
        {label}
        {toegankelijk && <span class="visually-hidden"> {toegankelijk}</span>}
      </button>{' '}
      <span role="status" class="klein">
        {status === 'gekopieerd' ? 'Gekopieerd.' : status === 'geselecteerd' ? 'Geselecteerd: kopieer met Ctrl+C (Cmd+C op een Mac).' : ''}
      </span>
    </span>
  );
}

let volgnummer = 0;

type Maker = (view: ViewDescription, scenarios: readonly Scenario[]) => ViewCode;
let maker: Promise<Maker> | null = null;
/** The core's `viewAsCode`, from its own chunk (loaded once, on first use). */
const laadMaker = (): Promise<Maker> => (maker ??= import('./als-code-tekst.js').then((m) => m.viewAsCode));

/** The block "Als code" for a view: folded away; opened, the command and the TypeScript, each with a copy button. */
export function AlsCode({ view, scenarios, id }: { view: ViewDescription; scenarios: readonly Scenario[]; id?: string }) {
  const [open, setOpen] = useState(false);
  const [eigen] = useState(() => id ?? `als-code-${++volgnummer}`);
  const [maak, setMaak] = useState<{ f: Maker } | null>(null);
  const [fout, setFout] = useState(false);
  useEffect(() => {
    if (!open || maak) return;
    laadMaker().then(
      (f) => setMaak({ f }),
      () => {
        maker = null;
        setFout(true);
      },
    );
  }, [open]);
  const code = open && maak ? maak.f(view, scenarios) : null;
  return (
    <details class="als-code paneel geen-afdruk" id={eigen} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Als code: dezelfde cijfers met ks-budget of in TypeScript</summary>
      {open && !code && <p class="nl-paragraph klein">{fout ? 'De code kon niet worden geladen; controleer de verbinding en open dit blok opnieuw.' : 'Wordt geladen…'}</p>}
      {code && (
        <>
          <p class="nl-paragraph klein">
            Deze opdracht en deze aanroep van de rekenkern geven dezelfde cijfers als deze weergave, als CSV. De opdracht schrijft eerst het
            scenario naar een bestand.
          </p>
          <h3 class="nl-heading nl-heading--level-4" id={`${eigen}-shell-titel`}>
            Opdracht (ks-budget)
          </h3>
          <pre class="als-code__tekst" id={`${eigen}-shell`} tabIndex={0} aria-labelledby={`${eigen}-shell-titel`} data-soort="shell">
            <code>{code.shell}</code>
          </pre>
          <KopieerKnop label="Kopieer de opdracht" tekst={() => code.shell} doel={() => document.getElementById(`${eigen}-shell`)} />
          <h3 class="nl-heading nl-heading--level-4" id={`${eigen}-ts-titel`}>
            TypeScript (@kansrijke-start/core)
          </h3>
          <pre class="als-code__tekst" id={`${eigen}-ts`} tabIndex={0} aria-labelledby={`${eigen}-ts-titel`} data-soort="typescript">
            <code>{code.typescript}</code>
          </pre>
          <KopieerKnop label="Kopieer de TypeScript" tekst={() => code.typescript} doel={() => document.getElementById(`${eigen}-ts`)} />
        </>
      )}
    </details>
  );
}
