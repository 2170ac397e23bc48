/** The receipt of a result (SHA-256 over its canonical form), in a chunk of its own: loaded when a receipt is first made (ui/bewijs.tsx). */
export { receiptOf } from '@kansrijke-start/core';
