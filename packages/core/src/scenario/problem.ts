/** Where in a text a problem is: line and column, both from 1. */
export interface Plaats {
  regel: number;
  kolom: number;
}

/**
 * The one shape of a problem or warning about user input: where (a readable path such as
 * `wijzigingen[2].jaar`; `scenario` for the whole), what (a Dutch sentence), and, when the input
 * was text, the line and column where the path starts.
 */
export interface Problem {
  pad: string;
  bericht: string;
  plaats: Plaats | null;
}

export const problem = (pad: string, bericht: string, plaats: Plaats | null = null): Problem => ({ pad, bericht, plaats });

/** `bestand, regel 7, kolom 15 (wijzigingen[0].jaar): bericht`, the form the CLI and the app show. */
export function formatProblem(p: Problem, bestand?: string): string {
  const where = [bestand, p.plaats ? `regel ${p.plaats.regel}, kolom ${p.plaats.kolom}` : null].filter(Boolean).join(', ');
  const pad = p.pad && p.pad !== 'scenario' ? `(${p.pad})` : '';
  const head = [where, pad].filter(Boolean).join(' ');
  return head ? `${head}: ${p.bericht}` : p.bericht;
}

/** At most this many problems are collected: after that, reading stops and one last line says so. */
export const MAX_PROBLEMS = 200;

/** The last line of a list of problems that was cut off. */
export const cutOff = (): Problem =>
  problem('', `na ${MAX_PROBLEMS} problemen is het lezen gestopt; er kunnen er meer zijn. Los deze eerst op.`);

/** The first MAX_PROBLEMS problems, and a last line when there were more. */
export function capped(problems: readonly Problem[]): Problem[] {
  return problems.length <= MAX_PROBLEMS ? [...problems] : [...problems.slice(0, MAX_PROBLEMS), cutOff()];
}
