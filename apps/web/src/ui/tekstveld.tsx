import { useState } from 'preact/hooks';

/** A text field that reports what the scenario says of each value as the user types. */
export function TekstVeld({ id, label, waarde, bijWijziging }: { id: string; label: string; waarde: string; bijWijziging: (v: string) => string | null }) {
  const [tekst, setTekst] = useState(waarde);
  const [fout, setFout] = useState<string | null>(null);
  return (
    <div class={`utrecht-form-field${fout ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={id}>{label}</label>
      {fout && (
        <span class="utrecht-form-field-error-message" id={`${id}-fout`}>
          {fout}
        </span>
      )}
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        id={id}
        type="text"
        value={tekst}
        aria-invalid={fout ? 'true' : undefined}
        aria-describedby={fout ? `${id}-fout` : undefined}
        onInput={(e) => {
          const v = e.currentTarget.value;
          setTekst(v);
          setFout(v.trim() === '' ? 'vul een naam in' : bijWijziging(v.trim()));
        }}
      />
    </div>
  );
}
