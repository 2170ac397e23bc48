import { Decimal as DecimalJs } from 'decimal.js';

/**
 * A private decimal.js constructor: other applications import this package, so the global
 * `Decimal.set` is never touched. Precision is far beyond any amount in this domain
 * (10^12 euro with 20 decimals fits); rounding half up is the Dutch legal default, but every
 * rounding of money in this package is an explicit step (see `apportion/`), not this setting.
 */
export const Decimal = DecimalJs.clone({
  precision: 80,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = DecimalJs;
