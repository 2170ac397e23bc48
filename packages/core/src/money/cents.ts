import { fraction, fromDecimal, mul } from './fraction.js';

/**
 * Euros written as decimal text (`"1234.5"`, at most two decimals) to exact cents. A value with
 * more decimals is a programming error here (the scenario schema allows at most cents).
 */
export function centsOf(euros: string): bigint {
  const c = mul(fromDecimal(euros), fraction(100n));
  if (c.d !== 1n) throw new RangeError(`${euros} is not a whole number of cents`);
  return c.n;
}
