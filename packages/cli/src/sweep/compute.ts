/**
 * One scenario of `ks-budget sweep`, computed: the same in the main thread and in a worker
 * thread. The scenario goes through the core's front door (`allocateScenario`) and its
 * comparison with the reference is summarised (`comparisonSummaryOf`, the summary of the
 * comparison rows without building them); the detail rows are the core's comparison table.
 * Nothing here computes money.
 */
import {
  allocateScenario,
  comparisonSummaryOf,
  comparisonTable,
  emptyScenario,
  formatProblem,
  tableToCsv,
  tableToObjects,
  baselineData,
  type Allocation,
  type BaselineData,
  type Herindelingen,
  type Problem,
  type SweepResult,
  type Table,
} from '@kansrijke-start/core';

/** What every scenario of a sweep shares: sent once to each worker. */
export interface SweepSetup {
  /** The reference scenario's text (--against), or null for the baseline. */
  referentie: string | null;
  /** The name of the reference file in messages. */
  referentieBestand: string | null;
  herindelingen: Herindelingen | null;
  van: number;
  tot: number;
  /** How many of the largest increases and decreases each summary keeps. */
  aantal: number;
  /** The detail output, when asked for: the comparison rows of every scenario. */
  detail: { format: 'csv' | 'json'; excel: boolean } | null;
}

/** One scenario to compute. */
export interface SweepTask {
  nummer: number;
  /** The scenario as JSON text. */
  tekst: string;
  /**
   * Where the scenario comes from, for messages: `scenarios.jsonl` with `regel` (its line: a
   * problem's place is that line and the column in it), or a text such as `stap 3 (30)`.
   */
  bron: { bestand: string; regel: number } | { tekst: string };
}

export interface SweepOutcome {
  resultaat: SweepResult;
  /** Dutch warning texts, placed. */
  waarschuwingen: string[];
  /** True when the scenario (or the reference) rounds to cents. */
  cent: boolean;
  /** The detail of this scenario: CSV text (with its header) or one JSON line; null when not asked for or failed. */
  detail: string | null;
}

/** A problem placed in the sweep's input. */
export function placed(p: Problem, bron: SweepTask['bron']): string {
  // A generated scenario: its text is ours, a line and column in it would mean nothing to the user.
  if ('tekst' in bron) return formatProblem({ ...p, plaats: null }, bron.tekst);
  if (p.plaats) return formatProblem({ ...p, plaats: { regel: bron.regel + p.plaats.regel - 1, kolom: p.plaats.kolom } }, bron.bestand);
  return formatProblem(p, `${bron.bestand}, regel ${bron.regel}`);
}

export interface SweepContext {
  setup: SweepSetup;
  data: BaselineData;
  reference: Allocation;
  referenceName: string;
}

/** The data and the reference, computed once per thread. */
export function sweepContext(setup: SweepSetup, data: BaselineData = baselineData()): SweepContext {
  const opts = setup.herindelingen === null ? {} : { herindelingen: setup.herindelingen };
  const out = allocateScenario(data, setup.referentie ?? emptyScenario(), opts);
  if (!out.ok) throw new Error(`de referentie kan niet worden berekend: ${out.fouten.map((p) => formatProblem(p, setup.referentieBestand ?? undefined)).join('; ')}`);
  return { setup, data, reference: out.allocation, referenceName: out.scenario.naam };
}

/** The detail table of one scenario: the core comparison table with the scenario's number in front. */
function detailTable(ctx: SweepContext, nummer: number, allocation: Allocation, naam: string): Table {
  const t = comparisonTable(ctx.data, [ctx.reference, allocation], [ctx.referenceName, naam], { van: ctx.setup.van, tot: ctx.setup.tot });
  return { ...t, kolommen: [{ id: 'nummer', kop: 'Nummer', soort: 'aantal' }, ...t.kolommen], rijen: t.rijen.map((r) => [BigInt(nummer), ...r]) };
}

/** Computes one scenario; never throws on bad input (the outcome then has `fout`). */
export function computeScenario(ctx: SweepContext, task: SweepTask): SweepOutcome {
  const { setup } = ctx;
  const out = allocateScenario(ctx.data, task.tekst, setup.herindelingen === null ? {} : { herindelingen: setup.herindelingen });
  const cent = ctx.reference.eenheid === 1n;
  if (!out.ok) {
    const naam = nameIn(task.tekst);
    const fout = out.fouten.map((p) => placed(p, task.bron)).join('; ');
    return { resultaat: { nummer: task.nummer, naam, fout, samenvatting: null }, waarschuwingen: out.waarschuwingen.map((w) => placed(w, task.bron)), cent, detail: null };
  }
  const samenvatting = comparisonSummaryOf(ctx.data, [ctx.reference, out.allocation], { van: setup.van, tot: setup.tot, aantal: setup.aantal });
  let detail: string | null = null;
  if (setup.detail) {
    const t = detailTable(ctx, task.nummer, out.allocation, out.scenario.naam);
    detail =
      setup.detail.format === 'csv'
        ? tableToCsv(t, { excel: setup.detail.excel })
        : `${JSON.stringify({ nummer: task.nummer, naam: out.scenario.naam, regels: tableToObjects(t) })}\n`;
  }
  return {
    resultaat: { nummer: task.nummer, naam: out.scenario.naam, fout: null, samenvatting },
    waarschuwingen: out.waarschuwingen.map((w) => placed(w, task.bron)),
    cent: cent || out.allocation.eenheid === 1n,
    detail,
  };
}

/** The name of a scenario that could not be computed, when its text has one. */
function nameIn(text: string): string | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && typeof (v as { naam?: unknown }).naam === 'string' ? (v as { naam: string }).naam : null;
  } catch {
    return null;
  }
}
