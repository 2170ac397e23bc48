/**
 * `ks-budget --version`: the version of the CLI, of the engine (the core) and of the embedded
 * data with its date, in Dutch.
 */
import { readFileSync } from 'node:fs';
import { ENGINE, baselineData, formatDate } from '@kansrijke-start/core';

/** The version in the CLI's package.json (one folder above both src and dist). */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return pkg.version;
}

/** `ks-budget 0.1.0`, `rekenmotor @kansrijke-start/core 0.1.0`, `gegevens <versie> (stand 22 april 2026)`. */
export function versionText(): string {
  const v = baselineData().versie;
  return `ks-budget ${cliVersion()}\nrekenmotor ${ENGINE.naam} ${ENGINE.versie}\ngegevens ${v.versie} (stand ${formatDate(v.datum)})\n`;
}
