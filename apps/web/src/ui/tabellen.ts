/**
 * The core's tables of exactly what a view shows (`export/view-tables.ts`), in a chunk of their
 * own: they are needed only when someone downloads a CSV, so the first load does not carry them.
 */
export const tabellen = () => import('./tabellen-kern.js');
