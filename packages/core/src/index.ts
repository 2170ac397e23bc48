// Public API of @kansrijke-start/core. Everything an application needs goes through here.
export * from './data/types.js';
export { baselineData, parseBaselineData } from './data/baseline.js';
export { Decimal, parseDecimal, parseDutchNumber, type Parsed } from './money/decimal.js';
export { type Fraction, fraction, fromDecimal, toDecimal, cmp as compareFractions } from './money/fraction.js';
export { formatEuro, formatNumber, formatPercent, centsToPlain } from './money/format.js';
export { apportion, type ApportionInput, type ApportionResult, type ApportionedRow, type Unit } from './apportion/apportion.js';
export { largestRemainder, type Claim, type RoundedClaim, type Apportionment } from './apportion/largest-remainder.js';
export { STREAMS, streamById, type Stream, type BaselineDistribution } from './streams/streams.js';
export { FRAME, type BudgetFrame } from './data/frame.js';
export { keyWeights, type KeyWeights } from './keys/weights.js';
export { keyQuotas, type KeyQuotas, type KeyQuotaOptions } from './keys/quotas.js';
export {
  scenarioSchema,
  sleutelSchema,
  wijzigingSchema,
  emptyScenario,
  scenarioJsonSchema,
  INDICATOR_IDS,
  SCENARIO_VERSION,
  type Scenario,
  type ScenarioInput,
  type Wijziging,
  type Sleutel,
  type Geldigheid,
  type Afronding,
} from './scenario/schema.js';
export { parseScenario, serializeScenario, formatPath, type Problem, type ParseResult } from './scenario/parse.js';
export { checkJsonSyntax, locatePath, parsePath, positionAt, type Position, type SyntaxProblem } from './scenario/json-location.js';
export { resolveParameters, nationalRow, type StreamYearParameters, type Origin, type WithOrigin } from './scenario/parameters.js';
export {
  allocate,
  allocateScenario,
  allocateStreamYear,
  sumLines,
  weakest,
  type Allocation,
  type AllocationOutcome,
  type AllocationLine,
  type StreamYearResult,
  type LineRounding,
  type RecipientKind,
  type ResultStatus,
} from './allocation/allocate.js';
export { roundingOf, type Distribution } from './allocation/distribute.js';
export { validateAgainstData } from './scenario/validate.js';
export { explain, type Explanation, type ExplanationStep, type ExplainResult, type StepOrigin } from './explain/explain.js';
export { renderExplanation, STATUS_LABELS } from './explain/render.js';
export { compare, perInhabitant, type ComparisonRow } from './compare/compare.js';
export { findMunicipality, successorsOf, type MunicipalityMatch } from './municipalities/lookup.js';
export { parseCsv, detectSeparator, type CsvParseResult, type CsvRow, type Separator } from './csv/parse.js';
export { writeCsv, neutralizeFormula, NUMERIC_CELL, type WriteCsvOptions } from './csv/write.js';
export { readWeights, readFixed, readKeyTable, type CodeValue, type CodeValueResult, type KeyTableResult } from './csv/weights.js';
