import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';

/**
 * A view whose code is a chunk of its own, fetched on first use, so that the first load of the app
 * carries only what the page it opens with needs: the views other than the front page, the map
 * and the letter. This is the one way the app loads a view on request.
 * `laad()` fetches it once; main.tsx awaits it for the view the page opens with, so that the first
 * render is the view itself and `window.__appKlaar` still means "the view is on the screen". A view
 * opened later says that it is being loaded while its chunk arrives, and says so when that fails;
 * meanwhile `__appKlaar` is false (what the browser tests wait for, also after a navigation).
 */
export interface OpVerzoek<P extends object = object> {
  View: FunctionComponent<P>;
  laad(): Promise<FunctionComponent<P>>;
}

const zetKlaar = (klaar: boolean) => {
  (window as unknown as { __appKlaar?: boolean }).__appKlaar = klaar;
};

export function opVerzoek<P extends object = object>(importeer: () => Promise<FunctionComponent<P>>): OpVerzoek<P> {
  let geladen: FunctionComponent<P> | null = null;
  let bezig: Promise<FunctionComponent<P>> | null = null;
  const laad = (): Promise<FunctionComponent<P>> =>
    (bezig ??= importeer().then(
      (v) => (geladen = v),
      (e: unknown) => {
        bezig = null; // a later visit tries again
        throw e;
      },
    ));
  function View(props: P) {
    // Through an initializer: given itself, useState would call the view (a function) as one,
    // without its props, whenever the chunk had arrived before (a second letter, a view opened again).
    const [, setGeladen] = useState(() => geladen);
    const [fout, setFout] = useState(false);
    useEffect(() => {
      if (geladen) return;
      let actief = true;
      laad().then(
        (v) => actief && setGeladen(() => v),
        () => actief && setFout(true),
      );
      return () => {
        actief = false;
      };
    }, []);
    const klaar = geladen !== null || fout;
    useLayoutEffect(() => {
      zetKlaar(klaar);
      return () => zetKlaar(true); // left for another view before it arrived
    }, [klaar]);
    if (geladen) {
      const Geladen = geladen;
      return <Geladen {...props} />;
    }
    if (fout) {
      return (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <div class="utrecht-alert__content">
            <div class="utrecht-alert__message">Deze pagina kon niet worden geladen. Controleer de verbinding en laad de pagina opnieuw.</div>
          </div>
        </div>
      );
    }
    return (
      <p class="nl-paragraph" role="status">
        De pagina wordt geladen…
      </p>
    );
  }
  return { View, laad };
}
