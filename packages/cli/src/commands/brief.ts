import { letterToHtml, municipalityLetter, regionLetter, regionsOf, type BaselineData } from '@kansrijke-start/core';
import { MERGERS_HELP, parseCommandArgs, parseMergerChoice } from '../args.js';
import { InputError } from '../errors.js';
import { writeFileWhole } from '../metadata.js';
import { loadScenario, reportWarnings } from '../scenario-file.js';
import { TODAY_HELP, today } from '../today.js';
import { resolveMunicipality } from './explain.js';
import { resolveRegion } from './regio.js';
import type { Command } from './types.js';

function gebruik(data: () => BaselineData): string {
  const d = data();
  const g = d.gemeenten[0]!;
  const r = regionsOf(d, 'ggd')[0];
  return `Gebruik: ks-budget brief (--gemeente CODE|NAAM | --regio CODE|NAAM) [--scenario BESTAND]
                       [--herindelingen gepland|zonder] [--zonder-bijlage] [--uit BESTAND.html]

Schrijft een brief om af te drukken of als PDF te bewaren: één HTML-bestand dat alles zelf
bevat (opmaak erin, geen script, niets van elders). Voor één gemeente, of voor de gemeenten
van een GGD-regio samen: de bedragen per jaar en stroom met hun status, het totaal per jaar en
per inwoner, de naam en omschrijving van het scenario, de versie en stand van de gegevens, wat
de statussen betekenen, de nog te nemen besluiten en de bronnen; daarna, op een nieuwe pagina,
als bijlage de uitleg van elk bedrag. Op elke pagina een kopregel en het paginanummer.
Open het bestand in een browser en kies Afdrukken (of "Opslaan als PDF").

Met --scenario gaat de brief over dat scenario, met een vergelijking van de totalen per jaar
met de basis; zonder --scenario over de basis. Alle bedragen komen uit de rekenmotor, dezelfde
als die van "ks-budget allocate" en van de app.
${TODAY_HELP}
De datum van de brief is die dag.

Opties:
  --gemeente CODE|NAAM  de gemeente: code (zoals ${g.code}), naam of voormalige naam
  --regio CODE|NAAM     of een GGD-regio: code${r ? ` (zoals ${r.code})` : ''} of (een deel van) de naam
  --scenario BESTAND    scenario (JSON); zonder deze optie de basis
${MERGERS_HELP}
  --zonder-bijlage      zonder de bijlage met de uitleg van elk bedrag
  --uit BESTAND         schrijf de brief naar dit bestand (zoals brief.html); zonder deze optie
                        naar de standaarduitvoer
  -h, --help            deze uitleg

Waarschuwingen over het scenario komen op stderr.`;
}

export const briefCommand: Command = {
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('brief', argv, {
      gemeente: { type: 'string' },
      regio: { type: 'string' },
      scenario: { type: 'string' },
      herindelingen: { type: 'string' },
      'zonder-bijlage': { type: 'boolean' },
      uit: { type: 'string' },
    });
    if (values.help) return ctx.io.out(`${gebruik(ctx.data)}\n`);
    if (values.gemeente === undefined && values.regio === undefined) {
      throw new InputError('geef de gemeente (--gemeente CODE|NAAM) of de GGD-regio (--regio CODE|NAAM) van de brief; zie "ks-budget brief --help"');
    }
    if (values.gemeente !== undefined && values.regio !== undefined) {
      throw new InputError('--gemeente en --regio gaan niet samen: een brief is voor één gemeente of voor één GGD-regio');
    }
    const uit = values.uit;
    if (uit !== undefined && uit.trim() === '') throw new InputError('--uit: geef de naam van het bestand voor de brief, zoals brief.html');
    const herindelingen = parseMergerChoice(values.herindelingen);
    const vandaag = today();
    const data = ctx.data();

    let code: string;
    let regio = false;
    if (values.gemeente !== undefined) {
      if (values.gemeente.trim() === '') throw new InputError(`--gemeente: geef de code of de naam van een gemeente (zoals ${data.gemeenten[0]!.code})`);
      const matches = resolveMunicipality(data, values.gemeente);
      if (matches.length > 1) {
        throw new InputError(
          `--gemeente: "${values.gemeente}" leidt naar meer dan één gemeente: ${matches.map((m) => `${m.gemeente.naam} (${m.gemeente.code})`).join(', ')}; kies er één voor de brief`,
        );
      }
      code = matches[0]!.gemeente.code;
      for (const m of matches) if (m.toelichting) ctx.io.err(`${m.toelichting}\n`);
    } else {
      code = resolveRegion(data, 'ggd', values.regio!).code;
      regio = true;
    }

    const basis = loadScenario(undefined, data, herindelingen);
    const loaded = values.scenario === undefined ? null : loadScenario(values.scenario, data, herindelingen);
    const sides = loaded ? [basis, loaded] : [basis];
    reportWarnings(ctx.io, ...sides.filter((s) => s.bestand !== null));
    const allocations = sides.map((s) => s.allocation);
    const opties = { namen: sides.map((s) => (s.bestand === null ? 'Basis' : s.scenario.naam)), vandaag };
    const letter = regio ? regionLetter(data, allocations, code, opties) : municipalityLetter(data, allocations, code, opties);
    const html = letterToHtml(letter, { bijlage: values['zonder-bijlage'] !== true });
    if (uit === undefined || uit === '-') {
      ctx.io.out(html);
      return;
    }
    writeFileWhole(uit, html, 'de brief');
    ctx.io.err(`De brief (${letter.titel}) staat in ${uit}.\n`);
  },
};
