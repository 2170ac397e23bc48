/**
 * Why a file or the output could not be written, in Dutch, from the system's error code: the
 * same words for every file `ks-budget` writes (an export, its metadata, the letter, a sweep's
 * detail) and for standard output.
 */

/** The system error codes that are the machine's state (a full disk, no permission), not a fault of ks-budget. */
const ENVIRONMENT = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EFBIG', 'ENAMETOOLONG', 'EISDIR', 'EIO']);

/** The error's system code, if it has one. */
const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | undefined)?.code;

/** Is this failure to write the machine's state (a full disk, no permission, no such folder)? */
export function isEnvironmentError(e: unknown): boolean {
  const code = codeOf(e);
  return code !== undefined && ENVIRONMENT.has(code);
}

/** Why writing failed, in Dutch ("de schijf is vol"), with the system's code for anything else. */
export function writeReason(e: unknown): string {
  const code = codeOf(e);
  switch (code) {
    case 'ENOENT':
      return 'de map bestaat niet';
    case 'ENOTDIR':
      return 'een deel van dit pad is geen map';
    case 'EISDIR':
      return 'dit is een map, geen bestand';
    case 'EACCES':
    case 'EPERM':
      return 'geen toestemming om hier te schrijven';
    case 'EROFS':
      return 'de schijf is alleen-lezen';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'de schijf is vol';
    case 'EFBIG':
      return 'het bestand wordt te groot voor dit bestandssysteem';
    case 'ENAMETOOLONG':
      return 'de naam is te lang';
    case 'EIO':
      return 'een schrijffout van de schijf';
    default:
      return `het bestand kan niet worden geschreven (${code ?? (e instanceof Error ? e.message : String(e))})`;
  }
}
