/**
 * The validated reference data: `parseBaselineData` checks CSV content shaped like the embedded
 * copies (`raw/`) file by file, then across files (`checks.ts`), and builds the indicators
 * (`indicators.ts`), the observed key tables (`tables.ts`) and the GGD regions (`ggd.ts`).
 * `baselineData()` is the result of that for the embedded copy, computed when the data was
 * imported (`prebuilt.ts`), not on every start.
 */
import type { RawData } from './raw/index.js';
import { prebuilt } from './raw/prebuilt.js';
import { decodeBaseline } from './prebuilt.js';
import { meta as embeddedMeta } from './raw/meta.js';
import { formatFout, type Fout, type Located } from './schema.js';
import type { BaselineData, DataVersion } from './types.js';
import { crossChecks, divisionOfFile, parseAll, uniqueness, type Parsed } from './checks.js';
import { buildIndicators } from './indicators.js';
import { bredeSpukTable, izaTable } from './tables.js';
import { ggdMembership, ggdOf, ggdRegions } from './ggd.js';
import { PENDING_DECISIONS } from './decisions.js';

type Result<T> = { ok: true; data: T } | { ok: false; fouten: string[] };

function build(raw: RawData, p: Parsed, meta: DataVersion): BaselineData {
  const values = <T>(rows: readonly Located<T>[]) => rows.map((r) => r.waarde);
  const indeling = divisionOfFile(raw.gemeenten20232026);
  if (indeling === null) throw new Error('Interne fout: de indeling ontbreekt na de controles');
  return {
    indeling,
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
    herindelingenGepland: values(p.herindelingenGepland),
    ggdRegios: ggdRegions(p),
    ggdVan: ggdOf(p),
    ggdIndeling: ggdMembership(raw, p),
    bronnen: values(p.bronnen),
    besluiten: PENDING_DECISIONS,
    // A copy: freezing the data must not freeze the module's own object.
    versie: { versie: meta.versie, datum: meta.datum, sha256: meta.sha256 },
  };
}

// ---------------------------------------------------------------------------------------------
// API

/**
 * Validates raw CSV content (as embedded in `raw/`) and builds the baseline. Never throws for
 * bad content: every problem comes back as a Dutch message naming file, line and column.
 * Checks run in stages (each file, then across files); a later stage only runs when the
 * earlier one found nothing, so one mistake does not produce a cascade of follow-up messages.
 *
 * `meta` is the version of `raw` as the import script wrote it (`raw/meta.ts`; by default that
 * of the embedded copy). Its date must be the newest date in `bronnen.csv` and its `versie` must
 * be built from that date and the SHA-256; the SHA-256 itself is taken as given (the core has no
 * hash function; the tests recompute it from `raw/`).
 */
export function parseBaselineData(raw: RawData, meta: DataVersion = embeddedMeta): { ok: true; data: BaselineData } | { ok: false; fouten: string[] } {
  const { parsed, fouten } = parseAll(raw);
  const stage1 = [...fouten, ...uniqueness(raw, parsed)];
  if (stage1.length > 0) return fail(stage1);
  const stage2 = crossChecks(raw, parsed, meta);
  if (stage2.length > 0) return fail(stage2);
  return { ok: true, data: build(raw, parsed, meta) };
}

function fail(fouten: readonly Fout[]): Result<never> {
  return { ok: false, fouten: fouten.map(formatFout) };
}

let cached: BaselineData | undefined;

/**
 * The baseline built from the embedded copy of the reference data, read-only (every object
 * frozen, every Map refusing changes). It was validated by `parseBaselineData` when
 * `npm run import-data` embedded it, and is decoded once per process, without validating again;
 * a test checks that it is exactly what `parseBaselineData` makes of the embedded CSV copies.
 */
export function baselineData(): BaselineData {
  // Shared by every caller in the process: nobody may change it.
  cached ??= decodeBaseline(prebuilt);
  return cached;
}
