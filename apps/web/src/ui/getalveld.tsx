import { useEffect, useState } from 'preact/hooks';
import { Decimal, formatNumber, readNumber } from '@kansrijke-start/core';

export interface GetalVeldProps {
  id: string;
  label: string;
  hint?: string;
  /** The current value in the scenario: a decimal with a `.`, or '' for none. */
  waarde: string;
  /** Decimals shown when the value is put into the field. */
  decimalen?: number;
  /** An empty field means "none" (e.g. an unused weight); otherwise it is an error. */
  leegToegestaan?: boolean;
  eenheid?: string;
  breedte?: string;
  /**
   * Called with each valid value as the user types (a decimal with a `.`, or '' when empty).
   * Returns a Dutch message when the scenario cannot take it: the field then shows the message
   * and the scenario keeps its previous value.
   */
  bijWijziging: (waarde: string) => string | null;
  /** Label beside the field instead of above it (for lists of similar fields). */
  naast?: boolean;
}

const toon = (v: string, decimalen: number): string => (v === '' ? '' : formatNumber(v, decimalen));
const zelfde = (text: string, waarde: string): boolean => {
  const p = readNumber(text, 'nl');
  if (!p.ok) return text.trim() === '' && waarde === '';
  return waarde !== '' && p.value.equals(new Decimal(waarde));
};

/**
 * A number field for Dutch input (`1.234.567,89`), read by the core's one rule for numbers. An invalid value shows an inline message
 * (with aria-invalid and aria-describedby) and does not change the scenario.
 */
export function GetalVeld(p: GetalVeldProps) {
  const decimalen = p.decimalen ?? 2;
  const [tekst, setTekst] = useState(() => toon(p.waarde, decimalen));
  const [fout, setFout] = useState<string | null>(null);
  // A change from elsewhere (an upload, a reset, a removed change) puts the new value in the field.
  useEffect(() => {
    if (!zelfde(tekst, p.waarde)) {
      setTekst(toon(p.waarde, decimalen));
      setFout(null);
    }
  }, [p.waarde]);

  const onInput = (text: string) => {
    setTekst(text);
    if (text.trim() === '') {
      if (!p.leegToegestaan) return setFout('vul een getal in');
      return setFout(p.bijWijziging(''));
    }
    // The one rule for numbers people type (Dutch notation): `1.234` is 1234, `1,5` is 1.5.
    const parsed = readNumber(text, 'nl', { what: 'een getal van 0 of meer' });
    if (!parsed.ok) return setFout(parsed.message);
    setFout(p.bijWijziging(parsed.value.toFixed()));
  };

  const hintId = p.hint ? `${p.id}-hint` : undefined;
  const foutId = fout ? `${p.id}-fout` : undefined;
  return (
    <div class={`utrecht-form-field${p.naast ? ' veld--naast' : ''}${fout ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={p.id}>
        {p.label}
        {p.hint && (
          <span class="utrecht-form-field-description" id={hintId}>
            {p.hint}
          </span>
        )}
      </label>
      {fout && (
        <span class="utrecht-form-field-error-message" id={foutId}>
          <span class="visually-hidden">Fout: </span>
          {fout}
        </span>
      )}
      <span class="getal-invoer">
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          id={p.id}
          type="text"
          inputMode="decimal"
          autocomplete="off"
          spellcheck={false}
          value={tekst}
          aria-invalid={fout ? 'true' : undefined}
          aria-describedby={[hintId, foutId].filter(Boolean).join(' ') || undefined}
          style={p.breedte ? { width: p.breedte } : undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        {p.eenheid && <span class="eenheid">{p.eenheid}</span>}
      </span>
    </div>
  );
}
