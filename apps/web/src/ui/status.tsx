import { STATUS_LABELS, type ResultStatus } from '@kansrijke-start/core';

export { euroTekst, perInwonerTekst, procentTekst, verschilTekst, verschilKlasse } from './format.js';

export function Status({ status, class: cls }: { status: ResultStatus; class?: string }) {
  return <span class={`status status--${status}${cls ? ` ${cls}` : ''}`}>{STATUS_LABELS[status]}</span>;
}

