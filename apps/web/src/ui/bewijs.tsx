import { useEffect, useState } from 'preact/hooks';
import { formatDate, type Allocation, type Receipt } from '@kansrijke-start/core';
import { KopieerKnop } from './als-code.js';

/**
 * The receipt beside the results ("Bewijs"): the engine and data the figures were computed with,
 * and the SHA-256 of the scenario and of the result (the core's `receiptOf`), shortened, each
 * with its full value to copy. Hashing a result takes some tens of milliseconds, so a receipt is
 * computed once the edits pause, not on every keystroke, once per result (the baseline's once per
 * visit), and its code is loaded then, not with the first page.
 */

/** How long the block waits after the last change before it hashes the new result. */
export const BEWIJS_WACHT_MS = 250;

const kort = (hex: string): string => `${hex.slice(0, 12)}…`;

const bonnen = new WeakMap<Allocation, Receipt>();
let kern: Promise<(a: Allocation) => Receipt> | null = null;
/** The receipts of `allocations`, each made once; the code that makes them is loaded on first use. */
async function receiptsOf(allocations: readonly Allocation[]): Promise<Receipt[]> {
  const maak = await (kern ??= import('./bewijs-kern.js').then(
    (m) => m.receiptOf,
    (e: unknown) => {
      kern = null; // a later change tries again
      throw e;
    },
  ));
  return allocations.map((a) => {
    let b = bonnen.get(a);
    if (!b) bonnen.set(a, (b = maak(a)));
    return b;
  });
}

/** The receipts of `allocations`, computed when they stop changing; null while a new one is pending. */
function useReceipts(allocations: readonly Allocation[]): (Receipt | null)[] {
  const [shown, setShown] = useState<{ voor: readonly Allocation[]; bonnen: Receipt[] } | null>(null);
  const same = shown !== null && shown.voor.length === allocations.length && shown.voor.every((a, i) => a === allocations[i]);
  useEffect(() => {
    if (same) return;
    let actief = true;
    const t = setTimeout(() => void receiptsOf(allocations).then((b) => actief && setShown({ voor: allocations, bonnen: b }), () => {}), BEWIJS_WACHT_MS);
    return () => {
      actief = false;
      clearTimeout(t);
    };
  }, [allocations, same]);
  return allocations.map((_, i) => (same ? shown.bonnen[i]! : null));
}

function Hash({ waarde, wat, id }: { waarde: string; wat: string; id: string }) {
  return (
    <>
      <code class="bewijs__hash" id={id} data-volledig={waarde} title={waarde} tabIndex={-1}>
        {kort(waarde)}
      </code>{' '}
      <KopieerKnop
        label="kopieer"
        toegankelijk={wat}
        stil
        tekst={() => waarde}
        doel={() => {
          // Without a clipboard: the full value is shown in place and selected.
          const el = document.getElementById(id);
          if (el) el.textContent = waarde;
          return el;
        }}
      />
    </>
  );
}

/** The block "Bewijs" for the allocations a view shows (the first is the baseline), with their names. */
export function Bewijs({ allocations, namen, id = 'bewijs' }: { allocations: readonly Allocation[]; namen: readonly string[]; id?: string }) {
  const bonnen = useReceipts(allocations);
  const eerste = bonnen.find((b) => b !== null) ?? null;
  return (
    <section class="bewijs paneel klein" id={id} aria-labelledby={`${id}-titel`} data-klaar={bonnen.every((b) => b !== null) ? 'ja' : 'nee'}>
      <h2 class="nl-heading nl-heading--level-3" id={`${id}-titel`}>
        Bewijs
      </h2>
      <p class="nl-paragraph klein">
        Deze kenmerken leggen vast waarmee deze uitkomst is berekend: wie hetzelfde scenario met dezelfde rekenmotor en gegevens
        doorrekent, krijgt dezelfde uitkomst-hash. Een download controleert u met <code>ks-budget verify BESTAND</code>.
      </p>
      {eerste && (
        <dl class="gegevens">
          <dt>Rekenmotor</dt>
          <dd data-bewijs="motor">
            {eerste.motor.naam} {eerste.motor.versie}
          </dd>
          <dt>Gegevens</dt>
          <dd data-bewijs="gegevens">
            versie {eerste.gegevens.versie}, stand {formatDate(eerste.gegevens.datum)}
          </dd>
        </dl>
      )}
      <ul class="bewijs__lijst">
        {allocations.map((_, k) => {
          const b = bonnen[k];
          const naam = namen[k] ?? `Scenario ${k + 1}`;
          return (
            <li key={k} data-kant={k}>
              <strong>{naam}</strong>:{' '}
              {b ? (
                <>
                  scenario <Hash waarde={b.scenarioSha256} wat={`scenario-hash van ${naam}`} id={`${id}-${k}-scenario`} />, uitkomst{' '}
                  <Hash waarde={b.resultaatSha256} wat={`uitkomst-hash van ${naam}`} id={`${id}-${k}-uitkomst`} />
                </>
              ) : (
                <span class="gedempt">wordt berekend…</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
