/**
 * What an export says about itself (the core's `exportMetadata`): in JSON output the field
 * `metadata`, for CSV output a CSVW metadata file beside the CSV (`--metadata BESTAND`), so
 * that the CSV itself stays a plain table.
 */
import { closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { exportMetadata, type Allocation, type ExportMetadata, type ExportTable } from '@kansrijke-start/core';
import { InputError } from './errors.js';
import { writeReason } from './write-errors.js';
import { today } from './today.js';

/**
 * The metadata of an export of these allocations (named as in the export), with the user's
 * today; `tabel`: which core table it holds and its selection, so `ks-budget verify` can
 * compute it again.
 */
export function metadataOf(allocations: readonly Allocation[], namen: readonly string[], tabel?: ExportTable): ExportMetadata {
  return exportMetadata(allocations, namen, { vandaag: today(), ...(tabel ? { tabel } : {}) });
}

const SUFFIX = '-metadata.json';

/**
 * The CSV file a metadata file describes, relative to it (CSVW resolves `url` against the
 * metadata file): `verdeling.csv-metadata.json` → `verdeling.csv` (CSVW's own convention),
 * `verdeling-metadata.json` → `verdeling.csv`; any other name → `uitvoer.csv`.
 */
export function csvNameFor(metadataFile: string): string {
  const base = path.basename(metadataFile);
  if (!base.toLowerCase().endsWith(SUFFIX) || base.length === SUFFIX.length) return 'uitvoer.csv';
  const csv = base.slice(0, -SUFFIX.length);
  return /\.csv$/i.test(csv) ? csv : `${csv}.csv`;
}

/**
 * Writes `text` to `file` whole or not at all: first to a new file beside it, then renamed over
 * it, so a failure never leaves a half-written file. A symbolic link is followed (the file it
 * points to is written, the link stays); a special file (a device such as /dev/null, a named
 * pipe) is written into, never replaced. Every failure is an input error that says which file
 * and why.
 */
export function writeFileWhole(file: string, text: string, what: string): void {
  const fail = (why: string): never => {
    throw new InputError(`${file}: ${what} is niet geschreven: ${why}`);
  };
  let target = file;
  try {
    if (lstatSync(file).isSymbolicLink()) target = realpathSync(file);
    const st = statSync(target);
    if (st.isDirectory()) fail('dit is een map, geen bestand');
    if (!st.isFile()) return writeInto(target, text, fail);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') fail(writeReason(e));
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, target);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // nothing was created
    }
    fail(writeReason(e));
  }
}

/** Writes `text` into a special file (a device, a named pipe): it cannot be replaced, and need not be. */
function writeInto(file: string, text: string, fail: (why: string) => never): void {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'w');
    writeSync(fd, text);
    closeSync(fd);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    fail(writeReason(e));
  }
}

/** Writes the CSVW metadata (a JSON object) to the file given with --metadata. */
export function writeMetadataFile(file: string, metadata: Record<string, unknown>): void {
  writeFileWhole(file, `${JSON.stringify(metadata, null, 2)}\n`, 'de metadata');
}
