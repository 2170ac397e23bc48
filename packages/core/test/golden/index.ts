import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The golden scenarios: from the baseline to one with every kind of change. Every surface
 * (the core, the CLI, the built app) must give the same figures and the same files for them.
 */
export const GOLDEN_DIR = import.meta.dirname;

export const GOLDEN: readonly { naam: string; pad: string; tekst: string }[] = readdirSync(GOLDEN_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ naam: f.replace(/\.json$/, ''), pad: join(GOLDEN_DIR, f), tekst: readFileSync(join(GOLDEN_DIR, f), 'utf8') }));
