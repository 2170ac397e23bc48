import type { BaselineData } from '@kansrijke-start/core';
import type { Io } from '../output.js';

/** What a command gets: where to write, and the data (built on first use). */
export interface Context {
  io: Io;
  data: () => BaselineData;
}

/**
 * A command as the overview lists it: its name and one line, and how to load it. The command's
 * code is loaded only when it is run (or its help is asked for), so that starting `ks-budget`
 * for one command does not load and initialise the code of all the others.
 */
export interface CommandEntry {
  naam: string;
  /** One line for the overview. */
  kort: string;
  load(): Promise<Command>;
}

/** A command's usage text and what it does. */
export interface Command {
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
