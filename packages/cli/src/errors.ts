/**
 * A problem with what the user gave (a file, an option, a value): reported as Dutch messages
 * with exit code 2, never with a stack trace. Anything else that is thrown is an internal
 * error (exit code 1).
 */
export class InputError extends Error {
  readonly meldingen: readonly string[];
  /** True when the messages are the command's result (validate): written on stdout, not stderr. */
  readonly opStdout: boolean;

  constructor(meldingen: string | readonly string[], opts: { opStdout?: boolean } = {}) {
    const list = typeof meldingen === 'string' ? [meldingen] : meldingen;
    super(list.join('\n'));
    this.name = 'InputError';
    this.meldingen = list;
    this.opStdout = opts.opStdout === true;
  }
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;
/** `verify`: the file does not match its recomputation (the differences are listed). */
export const EXIT_DIFFERENT = 1;
