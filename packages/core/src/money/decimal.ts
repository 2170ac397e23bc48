import { Decimal as DecimalJs } from 'decimal.js';

const SETTINGS = {
  precision: 80,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
} as const;

/**
 * The package's own decimal.js constructor, frozen: other applications import this package and
 * may configure decimal.js (the global `Decimal.set`, or the clone this package exports), and
 * nothing they do can change how this package computes. Precision is far beyond any number the
 * package accepts (see `money/limits.ts`); rounding half up is the Dutch legal default, but every
 * rounding of money in this package is an explicit step (see `apportion/`), not this setting.
 */
export const Decimal = Object.freeze(DecimalJs.clone(SETTINGS));
export type Decimal = DecimalJs;

/**
 * A decimal.js constructor for the applications that use this package, with the same settings:
 * theirs to configure, never the one the package computes with. Decimals made with it (or with
 * any decimal.js) are accepted wherever the API takes a Decimal; they are read exactly.
 */
export const PublicDecimal = DecimalJs.clone(SETTINGS);

/** True for a decimal.js value of any constructor (this package's, the application's, the global one). */
export const isDecimal = (v: unknown): v is DecimalJs => DecimalJs.isDecimal(v);
