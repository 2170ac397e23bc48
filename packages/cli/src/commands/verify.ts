import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { verifyExport, type ExportFile, type GivenScenario } from '@kansrijke-start/core';
import { parseCommandArgs } from '../args.js';
import { EXIT_DIFFERENT, EXIT_OK, InputError } from '../errors.js';
import { decodeUtf8, fileName, readBytes, readTextFile } from '../io.js';
import { today } from '../today.js';
import type { Command } from './types.js';

const gebruik = (): string => `Gebruik: ks-budget verify BESTAND [--scenario BESTAND] [--scenario BESTAND]

Controleert een export: rekent de uitkomst opnieuw uit het scenario dat erin staat en zegt of
het bestand klopt, en waar niet (welke tabel of welk blad, welke rij: jaar, stroom en ontvanger,
welke kolom, wat verwacht werd en wat er staat).

Elke export draagt een bewijs: de versie van de rekenmotor en van de gegevens, de SHA-256 van
het scenario (als canonieke JSON) en de SHA-256 van de uitkomst (elk bedrag per stroom, jaar en
ontvanger met zijn status). verify controleert die hashes en daarna elke rij van de tabel.

Bestanden:
  JSON   de uitvoer van ks-budget allocate, compare of streams met --format json
  CSV    met het metadatabestand ernaast: BESTAND-metadata.json (ks-budget ... --metadata, of
         "Verantwoording (CSVW)" in de app); zonder dat bestand: geef het scenario met --scenario
  xlsx   de werkmap van de rekenhulp (het blad "Verantwoording" bevat de scenario's en het bewijs)

Opties:
  --scenario BESTAND    het scenario (JSON) bij een export die het niet bevat, zoals een CSV
                        zonder metadatabestand; bij een export die het wel bevat: controleer dat
                        het dit scenario is. Bij een vergelijking met de basis alleen het scenario;
                        tweemaal voor twee varianten
  -h, --help            deze uitleg

Afsluitcodes: 0 het bestand klopt, 1 het klopt niet (de verschillen staan erbij), 2 fout in de
invoer (geen export, een bestand dat ontbreekt).`;

/** The metadata file beside a CSV: `x.csv-metadata.json` (CSVW's convention), or `x-metadata.json`. */
function metadataBeside(file: string): string | null {
  const candidates = [`${file}-metadata.json`, path.join(path.dirname(file), `${path.basename(file).replace(/\.csv$/i, '')}-metadata.json`)];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** The kind of an export, from its first bytes (a ZIP is an xlsx) or else its name. */
function kindOf(file: string, bytes: Uint8Array): ExportFile['soort'] {
  if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || /\.xlsx$/i.test(file)) return 'xlsx';
  if (/\.json$/i.test(file)) return 'json';
  if (/\.csv$/i.test(file)) return 'csv';
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\ufeff/, '').trimStart();
  return start.startsWith('{') ? 'json' : 'csv';
}

export const verifyCommand: Command = {
  gebruik,
  run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('verify', argv, { scenario: { type: 'string', multiple: true } }, true);
    if (values.help) return ctx.io.out(`${gebruik()}\n`);
    if (positionals.length === 0) throw new InputError('verify: geef het bestand dat gecontroleerd moet worden, zoals "ks-budget verify vergelijking.csv"');
    if (positionals.length > 1) throw new InputError(`verify: één bestand tegelijk; u gaf er ${positionals.length} (${positionals.join(', ')})`);
    const file = positionals[0]!;
    if (file === '-') throw new InputError('verify: geef een bestand, niet de standaardinvoer (een CSV-export heeft zijn metadatabestand ernaast nodig)');
    const bytes = readBytes(file, 'export');
    const soort = kindOf(file, bytes);
    let input: ExportFile;
    if (soort === 'xlsx') input = { soort, bestand: fileName(file), bytes };
    else if (soort === 'json') input = { soort, bestand: fileName(file), tekst: decodeUtf8(bytes, file) };
    else {
      const meta = metadataBeside(file);
      input = { soort, bestand: fileName(file), tekst: decodeUtf8(bytes, file), metadata: meta ? { bestand: meta, tekst: readTextFile(meta, 'scenario') } : null };
    }
    const scenarios: GivenScenario[] = (values.scenario ?? []).map((f) => ({ bestand: fileName(f), tekst: readTextFile(f, 'scenario') }));
    const result = verifyExport(ctx.data(), input, { scenarios, vandaag: today() });
    if (result.uitkomst === 'ongeldig') throw new InputError(result.fouten);
    ctx.io.out(`${result.regels.join('\n')}\n`);
    return result.uitkomst === 'klopt' ? EXIT_OK : EXIT_DIFFERENT;
  },
};
