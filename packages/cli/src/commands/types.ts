import type { BaselineData } from '@kansrijke-start/core';
import type { Io } from '../output.js';

/** What a command gets: where to write, and the data (built on first use). */
export interface Context {
  io: Io;
  data: () => BaselineData;
}

export interface Command {
  naam: string;
  /** One line for the overview. */
  kort: string;
  /**
   * Full Dutch usage text for `--help`. Built when asked, from the data and the core's table
   * definitions where it names columns, years or counts, so that it never goes stale.
   */
  gebruik(data: () => BaselineData): string;
  /**
   * Runs the command; a command that waits (for worker threads) returns a promise. A command
   * may return its exit code (`verify`: 1 when the file does not match); otherwise it is 0.
   */
  run(argv: readonly string[], ctx: Context): void | number | Promise<void | number>;
}
