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
