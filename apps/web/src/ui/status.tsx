import { STATUS_MEANING, statusLegend, type Status as StatusCode } from '@kansrijke-start/core';

export { euroTekst, perInwonerTekst, procentTekst, verschilTekst, verschilKlasse } from './format.js';

/**
 * The NLDS status badge of each status: the colour of its kind (official figures green, estimates
 * yellow, unknown grey ...); the text label says which status it is. Class names in full: the build
 * keeps only the classes it finds.
 */
const BADGE: Record<StatusCode, string> = {
  officieel: 'utrecht-badge-status utrecht-badge-status--success status--officieel',
  'officieel-afgerond': 'utrecht-badge-status utrecht-badge-status--valid status--officieel-afgerond',
  berekend: 'utrecht-badge-status utrecht-badge-status--active status--berekend',
  raming: 'utrecht-badge-status utrecht-badge-status--warning status--raming',
  scenario: 'utrecht-badge-status utrecht-badge-status--safe status--scenario',
  onbekend: 'utrecht-badge-status utrecht-badge-status--neutral status--onbekend',
};

/** A status badge: the status code itself (one name everywhere), its meaning as a tooltip. */
export function Status({ status, class: cls }: { status: StatusCode; class?: string }) {
  return (
    <span class={`${BADGE[status]}${cls ? ` ${cls}` : ''}`} title={STATUS_MEANING[status]}>
      {status}
    </span>
  );
}

/** Why a figure is an estimate or an assumption: the reasons the core recorded, folded away under "waarom?". */
export function StatusRedenen({ status, redenen }: { status: StatusCode; redenen: readonly string[] }) {
  if (redenen.length === 0) return null;
  return (
    <details class="status-redenen klein">
      <summary>waarom {status}?</summary>
      <ul>
        {redenen.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </details>
  );
}

/** The legend of the statuses, for every view that shows them; only those that occur, when given. */
export function StatusLegenda({ statussen, id }: { statussen?: readonly StatusCode[]; id?: string }) {
  const shown = statusLegend().filter((s) => !statussen || statussen.includes(s.status));
  if (shown.length === 0) return null;
  return (
    <section class="legenda klein" id={id} aria-label="Betekenis van de statussen">
      <p class="nl-paragraph legenda__titel">Wat de statussen betekenen</p>
      <dl>
        {shown.map((s) => (
          <div key={s.status}>
            <dt>
              <Status status={s.status} />
            </dt>
            <dd>{s.betekenis}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
