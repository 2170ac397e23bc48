/**
 * The validated reference data: `parseBaselineData` checks the embedded CSV copies (`raw/`)
 * file by file, then across files (`checks.ts`), and builds the indicators (`indicators.ts`) and
 * the observed key tables (`tables.ts`). `baselineData()` does that once for the embedded copy.
 */
import { rawData, type RawData, type RawFile } from './raw/index.js';
import { formatFout, type Fout, type Located } from './schema.js';
import type { BaselineData, Division } from './types.js';
import { crossChecks, parseAll, uniqueness, type Parsed } from './checks.js';
import { buildIndicators } from './indicators.js';
import { bredeSpukTable, izaTable } from './tables.js';
import { deepFreeze } from './freeze.js';

type Result<T> = { ok: true; data: T } | { ok: false; fouten: string[] };

function divisionOf(file: RawFile): Division {
  const m = /(\d{4})-(\d{4})\.csv$/.exec(file.file);
  if (!m) throw new Error(`Interne fout: ${file.file} noemt geen jaren`);
  return { van: Number(m[1]), tot: Number(m[2]), naam: `indeling ${m[1]}-${m[2]}` };
}

function build(raw: RawData, p: Parsed): BaselineData {
  const values = <T>(rows: readonly Located<T>[]) => rows.map((r) => r.waarde);
  return {
    indeling: divisionOf(raw.gemeenten20232026),
    gemeenten: values(p.gemeenten),
    gemeenten2021: values(p.gemeenten2021),
    herindelingen: values(p.herindelingen),
    indicatoren: buildIndicators(p),
    bredeSpuk2025: bredeSpukTable(raw, p),
    spukIza2025: izaTable(raw, p, 2025),
    spukIza2026: izaTable(raw, p, 2026),
    izaRegios: p.iza.map((r) => r.waarde.regio),
    landelijkeBudgetten: values(p.budgetten),
    kortingen: values(p.kortingen),
  };
}

// ---------------------------------------------------------------------------------------------
// API

/**
 * Validates raw CSV content (as embedded in `raw/`) and builds the baseline. Never throws for
 * bad content: every problem comes back as a Dutch message naming file, line and column.
 * Checks run in stages (each file, then across files); a later stage only runs when the
 * earlier one found nothing, so one mistake does not produce a cascade of follow-up messages.
 */
export function parseBaselineData(raw: RawData): { ok: true; data: BaselineData } | { ok: false; fouten: string[] } {
  const { parsed, fouten } = parseAll(raw);
  const stage1 = [...fouten, ...uniqueness(raw, parsed)];
  if (stage1.length > 0) return fail(stage1);
  const stage2 = crossChecks(raw, parsed);
  if (stage2.length > 0) return fail(stage2);
  return { ok: true, data: build(raw, parsed) };
}

function fail(fouten: readonly Fout[]): Result<never> {
  return { ok: false, fouten: fouten.map(formatFout) };
}

let cached: BaselineData | undefined;

/**
 * The baseline built from the embedded copy of the reference data, parsed once and read-only
 * (every object frozen, every Map refusing changes). Throws if the
 * embedded data is invalid: that is a programming error (run `npm run import-data` and the tests).
 */
export function baselineData(): BaselineData {
  if (cached !== undefined) return cached;
  const result = parseBaselineData(rawData);
  if (!result.ok) throw new Error(`De ingebouwde brondata is ongeldig:\n${result.fouten.join('\n')}`);
  // Shared by every caller in the process: nobody may change it.
  cached = deepFreeze(result.data);
  return cached;
}
