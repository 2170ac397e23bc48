import { useState } from 'preact/hooks';
import { findMunicipality, meantMunicipalities } from '@kansrijke-start/core';
import { data } from '../scenario/state.js';
import { href, navigate } from '../route.js';

// The front page's search box, apart from the municipality's page (gemeente.tsx) so that the front
// page does not carry that page's code: the page is loaded on first use (app.tsx).

/** True when a match came through another name than the municipality's own: a former municipality, a name in use, or a planned merger. */
export const viaOtherName = (via: string): boolean => via === 'voormalige-gemeente' || via === 'andere-naam' || via === 'samenvoeging-gepland';

/** A link to a municipality found by `query` (for a year); the page derives any note about a merger or another name itself. */
export const gemeenteHref = (code: string, query: string, viaVoormalige: boolean, jaar: number | null = null) =>
  href(`gemeente/${code}`, { via: viaVoormalige ? query : undefined, jaar: jaar ?? undefined });

/**
 * The front page's search: a name, code, everyday or former name straight to the municipality's
 * page when it certainly means one (`meantMunicipalities`); otherwise (no match, or several such
 * as "Bergen"), to the search page with the query, which lists them.
 */
export function SnelZoeken() {
  const [q, setQ] = useState('');
  // Sent empty: say what to type, at the field, instead of doing nothing.
  const [leeg, setLeeg] = useState(false);
  return (
    <form
      role="search"
      class="snelzoeken"
      aria-label="Uw gemeente"
      onSubmit={(e) => {
        e.preventDefault();
        const query = q.trim();
        if (!query) {
          setLeeg(true);
          (e.currentTarget.elements.namedItem('snel-gemeente') as HTMLInputElement | null)?.focus();
          return;
        }
        // Straight to the municipality the query certainly means; a query that fits several ("Bergen") goes to the list to choose from.
        const meant = meantMunicipalities(findMunicipality(data, query.slice(0, 100), { limit: 20 }));
        const only = meant?.length === 1 ? meant[0]! : null;
        navigate(only ? gemeenteHref(only.gemeente.code, query, viaOtherName(only.via)) : href('gemeente', { zoek: query }));
      }}
    >
      <label class="utrecht-form-label" for="snel-gemeente">Wat krijgt uw gemeente?</label>
      {leeg && (
        <span class="utrecht-form-field-error-message" id="snel-gemeente-fout" role="alert">
          Typ eerst de naam of de code van uw gemeente, zoals Utrecht of GM0344.
        </span>
      )}
      <div class="rij">
        <input class="utrecht-textbox utrecht-textbox--html-input" id="snel-gemeente" name="snel-gemeente" type="search" autocomplete="off" value={q} aria-invalid={leeg ? 'true' : undefined} aria-describedby={leeg ? 'snel-gemeente-fout' : undefined} onInput={(e) => { setQ(e.currentTarget.value); setLeeg(false); }} placeholder="zoals Utrecht of GM0344" size={36} />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Naar mijn gemeente
        </button>
      </div>
    </form>
  );
}
