// Public API of @kansrijke-start/core. Everything an application needs goes through here.

// The data.
export * from './data/types.js';
export { baselineData, parseBaselineData } from './data/baseline.js';
export { FRAME, type BudgetFrame } from './data/frame.js';
export { STREAMS, streamById, type Stream, type BaselineDistribution } from './streams/streams.js';
export { streamsOf, streamName, streamNameIn, streamRank, isOwnStream, OWN_STREAM_ID, type OwnStreamId, type StreamRef, type StreamEntry } from './streams/own.js';
export { documentsOf, sourceReference, citations, type SourceReference, type Citation } from './data/sources.js';
export { PENDING_DECISIONS, decisionsFor, decisionNotice, decisionNotices, type DecisionNotice } from './data/decisions.js';
export { formatDate, isoDay, yearRanges } from './dates/dates.js';

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
  scenarioSchemas,
  sleutelSchema,
  wijzigingSchema,
  eigenStroomSchema,
  scenarioJsonSchema,
  INDICATOR_IDS,
  type Scenario,
  type ScenarioInput,
  type Wijziging,
  type Sleutel,
  type EigenStroom,
  type Geldigheid,
  type Afronding,
  type Herindelingen,
} from './scenario/schema.js';
export { emptyScenario, MAX_OWN_STREAMS, SCENARIO_VERSION } from './scenario/format.js';
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
export { unknownPerMunicipality, unknownShareNotes } from './allocation/unknown-share.js';
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
export { recipientView, yearTotalText, type RecipientView, type RecipientViewRow, type RecipientViewSide, type RecipientYearTotal } from './views/recipient.js';
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
export { ENGINE, exportMetadata, exportFilter, metadataTable, csvMetadata, csvMetadataName, type ExportMetadata, type ExportScenario, type ExportTable } from './export/metadata.js';

// Tools.
export { apportion, type ApportionInput, type ApportionResult, type ApportionedRow, type Unit } from './apportion/apportion.js';
export { largestRemainder, type Claim, type RoundedClaim, type Apportionment } from './apportion/largest-remainder.js';
export { keyWeights, type KeyWeights } from './keys/weights.js';
export { keyQuotas, type KeyQuotas, type KeyQuotaOptions } from './keys/quotas.js';
export { findMunicipality, meantMunicipalities, successorsOf, type MunicipalityMatch, type LookupOptions } from './municipalities/lookup.js';
export { divisionOf, successionIn, plannedSuccessions, type YearDivision, type MergerChoice, type PlannedSuccession } from './municipalities/division.js';
export { parseCsv, detectSeparator, type CsvParseResult, type CsvRow, type Separator } from './csv/parse.js';
export { writeCsv, neutralizeFormula, NUMERIC_CELL, type WriteCsvOptions } from './csv/write.js';
export { readWeights, readFixed, readKeyTable, type CodeValue, type CodeValueResult, type KeyTableResult } from './csv/weights.js';
export {
  comparisonSummary,
  comparisonSummaryOf,
  plainSummary,
  sweepTable,
  type SweepResult,
  type ComparisonSummary,
  type SummaryTotal,
  type SummaryTotalRow,
  type SummaryMover,
  type SummaryMovers,
  type SummaryOptions,
  type PlainComparisonSummary,
  type PlainSummaryTotalRow,
  type PlainSummaryMover,
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

// The receipt of a result: engine, data, and the hashes of the scenario and of the result.
export { receiptOf, canonicalResult, scenarioHash, type Receipt, type CanonicalLine, type CanonicalStreamYear } from './receipt/receipt.js';
export { canonicalJson } from './receipt/canonical.js';
export { sha256Hex } from './receipt/hash.js';
export { verifyExport, differenceText, MAX_LISTED, type ExportFile, type GivenScenario, type VerifyOptions, type VerifyResult, type Difference as VerifyDifference } from './receipt/verify.js';
export { readXlsx, type ReadSheet, type ReadWorkbook } from './export/xlsx-read.js';

// Tables of exactly what a view of the app shows, and a view as a ks-budget command and a TypeScript call.
export { overviewYearTable, recipientRowsTable, totalRowsTable, cardTable, cardRowsTable, cardYears, cardSidesShown, chartTable, keyFactorsTable, type ChartSeries } from './export/view-tables.js';
export { viewAsCode, type ViewDescription, type ViewCode } from './code/as-code.js';

// The letter: a printable summary for one municipality or GGD region, and its self-contained HTML.
export { municipalityLetter, regionLetter, type Letter, type LetterAmount, type LetterAmountKind, type LetterYear, type LetterComparison, type LetterExplanation, type LetterSource, type LetterOptions } from './export/letter.js';
export { letterToHtml, letterPageCss, escapeHtml, cssString, LETTER_CSS } from './export/letter-html.js';

// The map of the municipalities: its figures per municipality, the classes of its legend, and the map as a table.
export { classBreaks, classIndex, classLabel, inClass, isNiceStep, type ClassScheme, type ClassOptions, type ValueClass, type LabelOptions } from './views/classes.js';
export { mapView, mapValue, mapClasses, mapClassLabel, MAP_MEASURES, MAP_MEASURE_NAMES, MAP_UNKNOWN_LABEL, type MapView, type MapRow, type MapQuery, type MapMeasure, type MapNotDivided } from './views/map.js';
export { mapTable } from './export/map-table.js';
