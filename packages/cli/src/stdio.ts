/**
 * The process's standard output and standard error. When one is a pipe or a file, text is
 * written straight to its file descriptor with `fs.writeSync`, as Node itself writes to pipes
 * and files on Linux (synchronously). Only the first touch of `process.stdout` or
 * `process.stderr` loads Node's streams, a few milliseconds of a start that lasts about a
 * hundred. A terminal (or another character device, such as /dev/null, which `fstat` cannot
 * tell from one) goes through `process.stdout`/`process.stderr` as before. Those know the
 * terminal's width and write its text as the terminal expects.
 *
 * A reader that stops early (`ks-budget allocate | head`) closes the pipe: that is not an
 * error, and the process ends with 0. Any other failure to write standard output is reported
 * once, in Dutch: a full disk or missing permission as such, with exit code 2 (as an input
 * problem: the user can solve it), anything else with exit code 1. Standard error has nowhere
 * to report its own failure.
 */
import { fstatSync, writeSync } from 'node:fs';
import { terminalSafe } from './output.js';
import { EXIT_INPUT } from './errors.js';
import { isEnvironmentError, writeReason } from './write-errors.js';

type Fd = 1 | 2;

/** Per descriptor: written with writeSync (true) or through Node's stream (false). */
const direct = new Map<Fd, boolean>();

function isDirect(fd: Fd): boolean {
  let d = direct.get(fd);
  if (d === undefined) {
    try {
      d = !fstatSync(fd).isCharacterDevice();
    } catch {
      d = false; // closed or unknown: leave it to Node, as before
    }
    direct.set(fd, d);
  }
  return d;
}

/** The stream of a descriptor that is not written directly; standard output's errors are handled once. */
let stdoutWatched = false;
function streamOf(fd: Fd): NodeJS.WriteStream {
  if (fd === 2) return process.stderr;
  if (!stdoutWatched) {
    stdoutWatched = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => failed(e));
  }
  return process.stdout;
}

function failed(e: NodeJS.ErrnoException): never {
  if (e.code === 'EPIPE') process.exit(0);
  // A full disk or no permission is the machine's state: said as such, with the exit code of a problem the user can solve.
  if (isEnvironmentError(e)) {
    write(2, terminalSafe(`ks-budget: de uitvoer kan niet worden geschreven: ${writeReason(e)} (${e.code})\n`));
    process.exit(EXIT_INPUT);
  }
  write(2, terminalSafe(`interne fout: de uitvoer kan niet worden geschreven (${e.code ?? e.message})\n`));
  process.exit(1);
}

/** Waits a moment without spinning (a pipe whose reader is behind, opened non-blocking). */
const pause = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function writeAll(fd: Fd, bytes: Buffer): void {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') pause(1);
      else throw e;
    }
  }
}

function write(fd: Fd, text: string): void {
  if (!isDirect(fd)) {
    streamOf(fd).write(text);
    return;
  }
  try {
    writeAll(fd, Buffer.from(text, 'utf8'));
  } catch (e) {
    if (fd === 1) failed(e as NodeJS.ErrnoException);
    // standard error that cannot be written: nothing left to tell
  }
}

/** Writes to standard output. */
export const writeStdout = (text: string): void => write(1, text);
/** Writes to standard error. */
export const writeStderr = (text: string): void => write(2, text);

/**
 * What `processTerminal` needs to know of a descriptor: not a terminal when it is written
 * directly, else Node's stream (`isTTY`, `columns`).
 */
export function stdioStream(fd: Fd): { isTTY?: boolean; columns?: number } {
  return isDirect(fd) ? { isTTY: false } : streamOf(fd);
}
