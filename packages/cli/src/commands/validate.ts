import { formatProblem, type BaselineData } from '@kansrijke-start/core';
import { parseCommandArgs } from '../args.js';
import { InputError } from '../errors.js';
import { calculateFile, fileName } from '../scenario-file.js';
import { prose } from '../terminal.js';
import type { Command } from './types.js';

function gebruik(data: () => BaselineData): string {
  return `Gebruik: ks-budget validate BESTAND

Controleert een scenario (JSON) helemaal, zoals elke opdracht het leest: de JSON zelf, elke
wijziging, de gemeentecodes tegen de ${data().indeling.naam}, en of de getallen passen
(bijvoorbeeld reserveringen die groter zijn dan het bedrag).

Schrijft "geldig" (afsluitcode 0), of "ongeldig: N problemen" met elk probleem, zijn plaats in
het bestand (regel, kolom) en zijn pad in het scenario (afsluitcode 2).

Een geldig scenario kan opmerkingen hebben: een wijziging zonder effect (de stroom loopt dan
niet, of die waarde gold al), een wijziging die een latere wijziging (deels) overschrijft, een
korting die een korting van de basis vervangt, of een overschreden budgetkader. Dan staat er
"geldig, met N opmerkingen" en volgt elke opmerking op een regel "opmerking: ..."; de
afsluitcode is 0.

Gebruik - als bestandsnaam om van standaardinvoer te lezen.

Opties:
  -h, --help            deze uitleg`;
}

const count = (n: number, een: string, meer: string): string => `${n} ${n === 1 ? een : meer}`;

export const validateCommand: Command = {
  gebruik,
  run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('validate', argv, {}, true);
    if (values.help) return ctx.io.out(`${gebruik(ctx.data)}\n`);
    if (positionals.length !== 1) {
      throw new InputError(`geef precies één scenariobestand: ks-budget validate BESTAND${positionals.length > 1 ? ` (nu ${positionals.length})` : ''}`);
    }
    const file = positionals[0]!;
    const bestand = fileName(file);
    const out = calculateFile(ctx.data(), file);
    const opmerkingen = out.waarschuwingen.map((w) => `opmerking: ${formatProblem(w, bestand)}`);
    if (!out.ok) {
      // The problems are the result of `validate`: written on stdout, exit code 2.
      throw new InputError(
        [`ongeldig: ${count(out.fouten.length, 'probleem', 'problemen')}`, ...out.fouten.map((p) => formatProblem(p, bestand)), ...opmerkingen],
        { opStdout: true },
      );
    }
    const head = opmerkingen.length === 0 ? 'geldig' : `geldig, met ${count(opmerkingen.length, 'opmerking', 'opmerkingen')}`;
    ctx.io.out(prose(ctx.io, `${[head, ...opmerkingen].join('\n')}\n`));
  },
};
