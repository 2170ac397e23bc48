import { YEARS, type StreamChoice, type StreamRef } from '@kansrijke-start/core';

/** A labelled group of radio buttons: one choice out of a few, usable by keyboard (arrow keys). */
export function Keuzes<T extends string>(props: {
  legend: string;
  name: string;
  opties: readonly (readonly [T, string])[];
  waarde: T;
  kies: (v: T) => void;
}) {
  return (
    <fieldset class="utrecht-form-fieldset utrecht-form-fieldset__fieldset--html-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{props.legend}</legend>
      <div class="keuzes">
        {props.opties.map(([v, label]) => (
          <label class="utrecht-form-label keuze" key={v}>
            <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" name={props.name} value={v} checked={props.waarde === v} onChange={() => props.kies(v)} />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A labelled choice of a year; with `alleJaren`, the first option is "Alle jaren" (the value null). */
export function JaarKeuze(props: {
  id: string;
  waarde: number | null;
  kies: (jaar: number | null) => void;
  alleJaren?: boolean;
  hint?: string;
  jaren?: readonly number[];
}) {
  return (
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for={props.id}>
        Jaar
        {props.hint && <span class="utrecht-form-field-description">{props.hint}</span>}
      </label>
      <select class="utrecht-select utrecht-select--html-select" id={props.id} value={props.waarde ?? ''} onChange={(e) => props.kies(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}>
        {props.alleJaren && <option value="">Alle jaren</option>}
        {(props.jaren ?? YEARS).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled choice of a stream out of `stromen`, or all streams together ("alle"). */
export function StroomKeuze(props: { id: string; stromen: readonly { id: StreamRef; naam: string }[]; waarde: StreamChoice; kies: (stroom: StreamChoice) => void }) {
  return (
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for={props.id}>Stroom</label>
      <select class="utrecht-select utrecht-select--html-select" id={props.id} value={props.waarde} onChange={(e) => props.kies(e.currentTarget.value as StreamChoice)}>
        <option value="alle">Alle stromen samen</option>
        {props.stromen.map((s) => (
          <option key={s.id} value={s.id}>
            {s.naam}
          </option>
        ))}
      </select>
    </div>
  );
}
