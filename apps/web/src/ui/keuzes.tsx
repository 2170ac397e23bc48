/** A labelled group of radio buttons: one choice out of a few, usable by keyboard (arrow keys). */
export function Keuzes<T extends string>(props: {
  legend: string;
  name: string;
  opties: readonly (readonly [T, string])[];
  waarde: T;
  kies: (v: T) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div class="keuzes">
        {props.opties.map(([v, label]) => (
          <label class="keuze" key={v}>
            <input type="radio" name={props.name} value={v} checked={props.waarde === v} onChange={() => props.kies(v)} />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
