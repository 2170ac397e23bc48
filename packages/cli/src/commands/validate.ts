import { allocate } from '@kansrijke-start/core';
import { parseCommandArgs } from '../args.js';
import { InputError } from '../errors.js';
import { readTextFile } from '../io.js';
import { checkScenarioText } from '../scenario-file.js';
import type { Command } from './types.js';

const gebruik = `Gebruik: ks-budget validate BESTAND

Controleert een scenario (JSON) helemaal: de JSON zelf, elke wijziging, de gemeentecodes
tegen de indeling 2023-2026, en of de getallen passen (bijvoorbeeld reserveringen die groter
zijn dan het bedrag). Schrijft "geldig", of de lijst van problemen met hun plaats in het
bestand (regel, kolom) en hun pad in het scenario; de afsluitcode is dan 2.

Opties:
  -h, --help            deze uitleg`;

export const validateCommand: Command = {
  naam: 'validate',
  kort: 'controleer een scenariobestand',
  gebruik,
  run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('validate', argv, {}, true);
    if (values.help) return ctx.io.out(`${gebruik}\n`);
    if (positionals.length !== 1) {
      throw new InputError(`geef precies één scenariobestand: ks-budget validate BESTAND${positionals.length > 1 ? ` (nu ${positionals.length})` : ''}`);
    }
    const file = positionals[0]!;
    const data = ctx.data();
    const checked = checkScenarioText(file, readTextFile(file), data);
    if (!checked.ok) throw invalid(checked.meldingen);
    const r = allocate(data, checked.scenario);
    if (!r.ok) throw invalid(r.fouten.map((p) => `${file}: ${p.pad}: ${p.bericht}`));
    ctx.io.out('geldig\n');
    for (const w of r.allocation.waarschuwingen) ctx.io.err(`waarschuwing: ${w}\n`);
  },
};

/** The problems of an invalid scenario are the result of `validate`: written on stdout, exit code 2. */
function invalid(meldingen: readonly string[]): InputError {
  return new InputError([`ongeldig: ${meldingen.length} ${meldingen.length === 1 ? 'probleem' : 'problemen'}`, ...meldingen], { opStdout: true });
}
