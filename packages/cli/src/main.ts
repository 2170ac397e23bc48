/**
 * ks-budget: the command line over @kansrijke-start/core. Parses the command name, hands the
 * rest to the command, and turns every failure into a Dutch message and an exit code:
 * 0 ok, 2 input error (the user can fix it), 1 internal error. A stack trace is only shown
 * with KS_DEBUG=1.
 */
import { baselineData, type BaselineData } from '@kansrijke-start/core';
import type { CommandEntry } from './commands/types.js';
import { EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, InputError } from './errors.js';
import { safeIo, type Io } from './output.js';
import { versionText } from './version.js';
import { stdioStream, writeStderr, writeStdout } from './stdio.js';
import { processErrTerminal, processTerminal } from './terminal.js';

/** The commands, in the order of the overview; each is loaded when it is run. */
export const COMMANDS: readonly CommandEntry[] = [
  { naam: 'streams', kort: 'landelijke bedragen per stroom en jaar: bron, bijstellingen, status', load: async () => (await import('./commands/streams.js')).streamsCommand },
  { naam: 'allocate', kort: 'verdeling per jaar, stroom en ontvanger (basis of scenario)', load: async () => (await import('./commands/allocate.js')).allocateCommand },
  { naam: 'compare', kort: 'scenario naast de basis (of een ander scenario), per ontvanger', load: async () => (await import('./commands/compare.js')).compareCommand },
  { naam: 'regio', kort: "totalen per GGD-regio of provincie, en de gemeenten van één regio", load: async () => (await import('./commands/regio.js')).regioCommand },
  { naam: 'explain', kort: 'uitleg van het bedrag van een gemeente in een jaar', load: async () => (await import('./commands/explain.js')).explainCommand },
  { naam: 'brief', kort: 'een brief om af te drukken (HTML) voor een gemeente of GGD-regio', load: async () => (await import('./commands/brief.js')).briefCommand },
  { naam: 'describe', kort: 'een scenario in woorden: elke wijziging, per jaar basis en scenario', load: async () => (await import('./commands/describe.js')).describeCommand },
  { naam: 'period', kort: 'de verdeling over een periode: per stroom, per gemeente, per grootteklasse', load: async () => (await import('./commands/period.js')).periodCommand },
  { naam: 'sweep', kort: "veel scenario's in één keer: één regel per scenario, over alle processorkernen", load: async () => (await import('./commands/sweep.js')).sweepCommand },
  { naam: 'validate', kort: 'controleer een scenariobestand', load: async () => (await import('./commands/validate.js')).validateCommand },
  { naam: 'schema', kort: 'de vorm van een scenariobestand als JSON Schema', load: async () => (await import('./commands/schema.js')).schemaCommand },
  { naam: 'verify', kort: 'controleer een export: herreken hem uit zijn scenario', load: async () => (await import('./commands/verify.js')).verifyCommand },
  { naam: 'apportion', kort: 'verdeel een totaal exact naar gewicht (algemeen hulpmiddel)', load: async () => (await import('./commands/apportion.js')).apportionCommand },
];

export function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.naam.length));
  return `Gebruik: ks-budget OPDRACHT [OPTIES]

Rekenhulp voor de middelen van Kansrijke Start: landelijke bedragen, verdeling over gemeenten,
scenario's, uitleg per bedrag.

Opdrachten:
${COMMANDS.map((c) => `  ${c.naam.padEnd(width)}  ${c.kort}`).join('\n')}

"ks-budget OPDRACHT --help" geeft de uitleg van een opdracht.
"ks-budget --version" (of -V) geeft de versie van ks-budget, van de rekenmotor en van de
gegevens, met de stand (datum) van de gegevens.
Afsluitcodes: 0 gelukt, 2 fout in de invoer of de uitvoer kan niet worden geschreven (schijf vol,
geen toestemming), 1 interne fout (bij verify: het bestand klopt niet).

Op een terminal schrijven de opdrachten uitgelijnde tabellen (bedragen als € 1.234,56) en
tekst op de breedte van de terminal; naar een bestand of pijp, of met --format, blijft de
uitvoer CSV of JSON zoals altijd. KS_BUDGET_TTY=1 (of 0) doet alsof de uitvoer wel (of niet)
een terminal is, KS_BUDGET_COLUMNS=N geeft de breedte, KS_BUDGET_STDERR_TTY=1 (of 0) hetzelfde
voor de voortgangsregel op stderr.`;
}

/** The length of the progress line now on stderr, so that the next one covers it. */
let statusLength = 0;

/** The process's own output; whether each is a terminal is looked up when a command runs. */
const processIo: Io = {
  out: writeStdout,
  err: writeStderr,
  get terminal() {
    return processTerminal(stdioStream(1));
  },
  get errTerminal() {
    return processErrTerminal(stdioStream(2));
  },
  // A carriage return goes back to the start of the line; the text itself is made safe in safeIo.
  status: (line) => {
    if (line === null) {
      if (statusLength > 0) writeStderr(`\r${' '.repeat(statusLength)}\r`);
      statusLength = 0;
      return;
    }
    writeStderr(`\r${line.padEnd(statusLength)}`);
    statusLength = line.length;
  },
};

/**
 * Runs one command line; returns the exit code. Never throws. Everything written goes through
 * `safeIo`: no character that a terminal acts on reaches the output as it is.
 */
export async function main(argv: readonly string[], rawIo: Io = processIo): Promise<number> {
  const debug = process.env['KS_DEBUG'] === '1';
  const io = safeIo(rawIo);
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.err(`${overview()}\n`);
      return EXIT_INPUT;
    }
    let data: BaselineData | undefined;
    const getData = (): BaselineData => (data ??= baselineData());
    if (name === '--version' || name === '-V') {
      if (rest.length > 0) throw new InputError(`${name} neemt geen verdere argumenten; schrijf alleen "ks-budget ${name}"`);
      io.out(versionText());
      return EXIT_OK;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      const target = name === 'help' ? COMMANDS.find((c) => c.naam === rest[0]) : undefined;
      io.out(`${target ? (await target.load()).gebruik(getData) : overview()}\n`);
      return EXIT_OK;
    }
    const command = COMMANDS.find((c) => c.naam === name);
    if (!command) {
      throw new InputError(`onbekende opdracht "${name}"; kies uit ${COMMANDS.map((c) => c.naam).join(', ')} (zie "ks-budget --help")`);
    }
    const code = await (await command.load()).run(rest, { io, data: getData });
    return typeof code === 'number' ? code : EXIT_OK;
  } catch (e) {
    if (e instanceof InputError) {
      const text = `${e.meldingen.join('\n')}\n`;
      if (e.opStdout) io.out(text);
      else io.err(text);
      if (debug && e.stack) io.err(`${e.stack}\n`);
      return EXIT_INPUT;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(
      `interne fout: ${message}\n` +
        'Dit is een fout in ks-budget, niet in uw invoer. Meld hem met de opdracht die u gaf' +
        `${debug ? '' : ' (met KS_DEBUG=1 ziet u de technische details)'}.\n`,
    );
    if (debug && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return EXIT_INTERNAL;
  }
}
