// Public API of @kansrijke-start/core. Everything an application needs goes through here.

// The data.
export * from './data/types.js';
export { baselineData, parseBaselineData } from './data/baseline.js';
export { FRAME, type BudgetFrame } from './data/frame.js';
export { STREAMS, streamById, type Stream, type BaselineDistribution } from './streams/streams.js';
export { streamsOf, streamName, streamNameIn, streamRank, isOwnStream, OWN_STREAM_ID, type OwnStreamId, type StreamRef, type StreamEntry } from './streams/own.js';
export { documentsOf, sourceReference, citations, type SourceReference, type Citation } from './data/sources.js';
export { PENDING_DECISIONS, decisionsFor, decisionNotice, decisionNotices, type DecisionNotice } from './data/decisions.js';
export { formatDate, isoDay } from './dates/dates.js';

// Statuses: one vocabulary everywhere.
export { STATUS_CODES, STATUS_MEANING, statusLegend, weakest, derive, type Status, type SourceStatus, type Ground, type Qualified } from './status/status.js';

// Money and numbers.
export { PublicDecimal as Decimal } from './money/decimal.js';
export { readNumber, type Notation, type Parsed } from './money/read-number.js';
export { type Fraction, fraction, fromDecimal, toDecimal, cmp as compareFractions } from './money/fraction.js';
export { centsOf } from './money/cents.js';
export { formatEuro, formatNumber, formatPercent, formatSignedEuro, formatSignedPercent, centsToPlain } from './money/format.js';

// Scenarios.
export {
  scenarioSchema,
  sleutelSchema,
  wijzigingSchema,
  eigenStroomSchema,
  MAX_OWN_STREAMS,
  emptyScenario,
  scenarioJsonSchema,
  INDICATOR_IDS,
  SCENARIO_VERSION,
  type Scenario,
  type ScenarioInput,
  type Wijziging,
  type Sleutel,
  type EigenStroom,
  type Geldigheid,
  type Afronding,
  type Herindelingen,
} from './scenario/schema.js';
export { parseScenario, serializeScenario, formatPath, ownStreamProblems, type ParseResult } from './scenario/parse.js';
export { formatProblem, type Problem, type Plaats } from './scenario/problem.js';
export { checkJsonSyntax, locator, type Position, type SyntaxProblem } from './scenario/json-location.js';
export { resolveParameters, baseParameters, ownStreamReason, nationalRow, type StreamYearParameters, type Origin, type WithOrigin } from './scenario/parameters.js';
export { describeChange, describeKey, describePath, CHANGE_KIND_NAMES } from './scenario/describe.js';
export {
  periodView,
  winnersAndLosers,
  DEFAULT_PERIOD,
  SIZE_CLASSES,
  type PeriodView,
  type PeriodStreamRow,
  type PeriodMunicipalityRow,
  type PeriodClassRow,
  type SizeClass,
} from './views/period.js';
export { describeScenario, type ScenarioDescription, type ChangeDescription, type ChangeYear, type OwnStreamDescription, type OwnStreamYear } from './views/description.js';

// The front door and the allocation.
export { allocateScenario, type Calculation, type AllocateOptions } from './allocation/allocate-scenario.js';
export { sumLines } from './allocation/allocate.js';
export type { Allocation, AllocationLine, DataContext, StreamYearResult, RecipientKind, RoundingUnit, TraceStep, TransitionOutcome } from './allocation/types.js';
export { transitionPath, type TransitionRow, type TransitionFacts } from './allocation/transition.js';
export { roundingOf, keyAmountsIn, type Distribution, type LineRounding, type KeyAmountIn } from './allocation/distribute.js';

// Explanations.
export { explain, type Explanation, type ExplanationStep, type ExplainResult } from './explain/explain.js';
export { renderExplanation, renderExplanationParts, type ExplanationText } from './explain/render.js';

// Views: what people look at.
export { nationalOverview, type Overview, type OverviewCell, type OverviewYear } from './views/overview.js';
export {
  compareAllocations,
  compareTotals,
  compareRecipients,
  type ComparisonRow,
  type ComparisonFilter,
  type Side,
  type Difference,
  type TotalRow,
  type RecipientRow,
  type StreamChoice,
} from './views/comparison.js';
export { recipientView, type RecipientView, type RecipientViewRow, type RecipientViewSide, type RecipientYearTotal } from './views/recipient.js';
export { identicalSides } from './views/sides.js';
export { inhabitants, inhabitantsIn, perInhabitant, perInhabitantCents } from './views/per-inhabitant.js';
export {
  REGION_KIND_NAMES,
  regionsOf,
  membershipIn,
  regionTotals,
  regionOfMunicipality,
  findRegions,
  dividedStreamYears,
  type RegionKind,
  type Region,
  type Membership,
  type RegionTotalRow,
  type RegionSide,
} from './views/regions.js';

// Exports: one definition per table, written as CSV, JSON or xlsx.
export { tableToCsv, tableToObjects, isNumericColumn, type Table, type Column, type ColumnKind, type Cell } from './export/table.js';
export { tablesToXlsx } from './export/table-xlsx.js';
export { allocationTable, comparisonTable, totalsTable, overviewTable, scenarioTable, statusTable, regionTable, descriptionTable, periodTable, sideIds } from './export/tables.js';
export { ENGINE, exportMetadata, metadataTable, csvMetadata, csvMetadataName, type ExportMetadata } from './export/metadata.js';

// Tools.
export { apportion, type ApportionInput, type ApportionResult, type ApportionedRow, type Unit } from './apportion/apportion.js';
export { largestRemainder, type Claim, type RoundedClaim, type Apportionment } from './apportion/largest-remainder.js';
export { keyWeights, type KeyWeights } from './keys/weights.js';
export { keyQuotas, type KeyQuotas, type KeyQuotaOptions } from './keys/quotas.js';
export { findMunicipality, successorsOf, type MunicipalityMatch, type LookupOptions } from './municipalities/lookup.js';
export { divisionOf, successionIn, plannedSuccessions, type YearDivision, type MergerChoice, type PlannedSuccession } from './municipalities/division.js';
export { parseCsv, detectSeparator, type CsvParseResult, type CsvRow, type Separator } from './csv/parse.js';
export { writeCsv, neutralizeFormula, NUMERIC_CELL, type WriteCsvOptions } from './csv/write.js';
export { readWeights, readFixed, readKeyTable, type CodeValue, type CodeValueResult, type KeyTableResult } from './csv/weights.js';
export {
  comparisonSummary,
  sweepTable,
  type SweepResult,
  type ComparisonSummary,
  type SummaryTotal,
  type SummaryTotalRow,
  type SummaryMover,
  type SummaryMovers,
  type SummaryOptions,
} from './views/summary.js';

// The municipality card.
export {
  recipientCard,
  keyFactors,
  perInhabitantDifference,
  type RecipientCard,
  type CardRow,
  type CardYear,
  type CardSum,
  type CardStreamSum,
  type KeyFactor,
  type KeyFactors,
  type KeyFactorsResult,
} from './views/card.js';
