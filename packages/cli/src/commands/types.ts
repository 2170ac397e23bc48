import type { BaselineData } from '@kansrijke-start/core';
import type { Io } from '../output.js';

/** What a command gets: its arguments, where to write, and the data (built on first use). */
export interface Context {
  io: Io;
  data: () => BaselineData;
}

export interface Command {
  naam: string;
  /** One line for the overview. */
  kort: string;
  /** Full Dutch usage text for `--help`. */
  gebruik: string;
  run(argv: readonly string[], ctx: Context): void;
}
