/**
 * The range of numbers the package accepts. Everything inside it is computed exactly; anything
 * outside it is refused with a Dutch message, never computed approximately.
 */

/** At most this many significant digits in any decimal number people give (an amount, a weight, a key value). */
export const MAX_DIGITS = 30;

/** The largest total `apportion` divides, in euros (a thousand billion times a thousand). */
export const MAX_APPORTION_EUROS = 10n ** 15n;

/** The significant digits of plain decimal text: from the first to the last digit that is not 0 (`"0012.3400"` has 4). */
export function significantDigits(text: string): number {
  return text.replace(/[^0-9]/g, '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/** The Dutch message for a number with too many digits, or null when it is within the range. */
export function tooManyDigits(text: string, what = 'het getal'): string | null {
  return significantDigits(text) > MAX_DIGITS ? `${what} heeft meer dan ${MAX_DIGITS} cijfers; zo'n getal kan niet exact worden verwerkt` : null;
}
