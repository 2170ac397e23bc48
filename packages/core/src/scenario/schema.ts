import { z } from 'zod';
import { STREAM_IDS, FIRST_YEAR, LAST_YEAR, type IndicatorId } from '../data/types.js';
import { Decimal } from '../money/decimal.js';
import { formatNumber } from '../money/format.js';
import { tooManyDigits } from '../money/limits.js';
import { excerpt } from '../money/read-number.js';
import { OWN_STREAM_ID, type OwnStreamId } from '../streams/own.js';
import { MAX_CHANGES, MAX_OWN_STREAMS, SCENARIO_VERSION } from './format.js';

/**
 * The zod schemas of the scenario format (described at `SCENARIO_VERSION`, in `format.ts`),
 * built when a scenario is first read.
 */

/** The indicators a `formule` key can weigh (`inwoners-2024`, `geboorten-2022`, ...). */
export const INDICATOR_IDS = [
  'inwoners-2026',
  'inwoners-2024',
  'inwoners-2023',
  'huishoudens-2024',
  'kinderen-0-15-2024',
  'huishoudens-met-kinderen-2024',
  'inwoners-2022',
  'geboorten-2022',
  'huishoudens-laag-inkomen-2022',
  'huishoudens-sociaal-minimum-2022',
  'opleiding-laag-2022',
  'huishoudens-laagste-40pct-2020',
] as const satisfies readonly IndicatorId[];

const DECIMAL_TEXT = /^\d+(\.\d+)?$/;

/** The decimals of plain decimal text (`DECIMAL_TEXT`), trailing zeros not counted (as decimal.js counts them). */
function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0) return 0;
  let end = text.length;
  while (end > dot + 1 && text.charCodeAt(end - 1) === 48) end--;
  return end - dot - 1;
}

/** Whether plain decimal text is above `max`, a whole number written without leading zeros. */
function isAbove(text: string, max: string): boolean {
  const dot = text.indexOf('.');
  let start = 0;
  const intEnd = dot < 0 ? text.length : dot;
  while (start < intEnd - 1 && text.charCodeAt(start) === 48) start++;
  const int = text.slice(start, intEnd);
  if (int.length !== max.length) return int.length > max.length;
  if (int !== max) return int > max; // digits of equal length compare as text
  return decimalsOf(text) > 0;
}

/** Whether plain decimal text is 0 (only zeros and a point). */
const isZeroText = (text: string): boolean => /^[0.]*$/.test(text);

/**
 * A non-negative decimal, written as a string; JSON numbers are converted via their shortest
 * text. `max` is a whole number; the text is checked as text (no Decimal needed).
 */
function decimalText(what: string, opts: { max?: string; maxDecimals?: number; positive?: boolean } = {}) {
  return z
    .union([z.string(), z.number()], { error: `${what} moet een getal zijn` })
    .transform((v, ctx) => {
      const text = typeof v === 'number' ? (Number.isFinite(v) ? new Decimal(v).toFixed() : 'NaN') : v.trim();
      if (!DECIMAL_TEXT.test(text)) {
        // Dutch writing: a decimal comma, or points between thousands ("6.000.000", "1.234,56").
        const thousands = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text);
        const hint = thousands
          ? ` (schrijf het getal zonder punten tussen de duizendtallen en met een punt als decimaalteken: "${text.replaceAll('.', '').replace(',', '.')}")`
          : /^\d+,\d+$/.test(text)
            ? ` (gebruik een punt als decimaalteken: "${text.replace(',', '.')}")`
            : '';
        ctx.addIssue({ code: 'custom', message: `${what} moet een getal van 0 of meer zijn, niet ${excerpt(String(v))}${hint}` });
        return z.NEVER;
      }
      const digits = tooManyDigits(text, what);
      if (digits) {
        ctx.addIssue({ code: 'custom', message: digits });
        return z.NEVER;
      }
      if (opts.maxDecimals !== undefined && decimalsOf(text) > opts.maxDecimals) {
        ctx.addIssue({ code: 'custom', message: `${what} mag hoogstens ${opts.maxDecimals} decimalen hebben, niet ${excerpt(text)}` });
        return z.NEVER;
      }
      if (opts.max !== undefined && isAbove(text, opts.max)) {
        ctx.addIssue({ code: 'custom', message: `${what} mag hoogstens ${formatNumber(opts.max, 0)} zijn, niet ${excerpt(text)}` });
        return z.NEVER;
      }
      if (opts.positive && isZeroText(text)) {
        ctx.addIssue({ code: 'custom', message: `${what} moet groter dan 0 zijn` });
        return z.NEVER;
      }
      return text; // kept as written, so a scenario round-trips to the letter
    });
}

/** Euros, at most cents, at most 10^12 (a thousand billion). */
const euro = (what: string) => decimalText(what, { maxDecimals: 2, max: '1000000000000' });
const percentage = (what: string) => decimalText(what, { max: '100', maxDecimals: 6 });

/**
 * The zod schemas, built when a scenario is first read: building them takes milliseconds
 * that a command which never reads a scenario (`ks-budget explain` on the baseline) should
 * not spend at its start.
 */
function buildSchemas() {
  const gemeentecode = z
    .string({ error: 'een gemeentecode moet tekst zijn, zoals "GM0363"' })
    .regex(/^GM\d{4}$/, { error: (iss) => `${excerpt(String(iss.input))} is geen gemeentecode (vorm: GM gevolgd door 4 cijfers, zoals GM0363)` });

  /** An own stream's id: `eigen:` and a short name (the type says so, the pattern checks it). */
  const ownStreamId = z
    .string({ error: 'de id van een eigen stroom moet tekst zijn, zoals "eigen:pilot-2028"' })
    .regex(OWN_STREAM_ID, {
      error: (iss) => `${excerpt(String(iss.input))} is geen id van een eigen stroom: begin met "eigen:" gevolgd door 1 tot 40 kleine letters, cijfers of streepjes, zoals "eigen:pilot-2028"`,
    })
    .transform((s) => s as OwnStreamId);

  /** A stream of the data, or an own stream of the scenario (which `parseScenario` checks is declared in `eigenStromen`). */
  const stroom = z.union([z.enum(STREAM_IDS), ownStreamId], {
    error: (iss) => `onbekende stroom ${excerpt(String(iss.input))}; kies uit ${STREAM_IDS.join(', ')}, of een eigen stroom van het scenario ("eigen:...")`,
  });
  const jaar = z
    .number({ error: `het jaar moet een getal zijn van ${FIRST_YEAR} tot en met ${LAST_YEAR}` })
    .int({ error: 'het jaar moet een heel getal zijn' })
    .min(FIRST_YEAR, { error: `het jaar moet ${FIRST_YEAR} of later zijn` })
    .max(LAST_YEAR, { error: `het jaar moet ${LAST_YEAR} of eerder zijn` });
  const geldigheid = z.enum(['alleen-dit-jaar', 'vanaf-dit-jaar'], {
    error: 'geldigheid moet "alleen-dit-jaar" of "vanaf-dit-jaar" zijn',
  });

  const common = {
    stroom,
    jaar,
    geldigheid,
    toelichting: z.string().max(1000).optional(),
  };

  /**
   * Amounts per municipality that a key carries besides its weights (any key type):
   * - `vasteBedragen`: the municipality gets exactly this amount and takes no part in the weighted
   *   division of the rest (as the Brede SPUK does for its smallest municipalities);
   * - `basisbedragen`: an amount paid on top of the municipality's weighted share of the rest.
   * A municipality can have one or the other, not both. Optional, so older scenarios stay valid.
   */
  const perGemeente = (what: string) =>
    z
      .array(z.strictObject({ code: gemeentecode, bedrag: euro(what), toelichting: z.string().max(1000).optional() }))
      .max(400)
      .optional();
  const keyAmounts = { vasteBedragen: perGemeente('het vaste bedrag'), basisbedragen: perGemeente('het basisbedrag') };

  const sleutelSchema = z.discriminatedUnion(
    'type',
    [
      z.strictObject({ type: z.literal('brede-spuk-2025'), ...keyAmounts }),
      z.strictObject({
        type: z.literal('formule'),
        ...keyAmounts,
        gewichten: z
          .array(
            z.strictObject({
              indicator: z.enum(INDICATOR_IDS, {
                error: (iss) => `onbekende indicator ${excerpt(String(iss.input))}; kies uit ${INDICATOR_IDS.join(', ')}`,
              }),
              gewicht: decimalText('het gewicht', { positive: true, maxDecimals: 6, max: '1000000' }),
            }),
          )
          .min(1, { error: 'een formule heeft minstens één indicator met een gewicht' })
          .max(INDICATOR_IDS.length),
        basisbedrag: euro('het basisbedrag').optional(),
        minimumbedrag: euro('het minimumbedrag').optional(),
        /** Values for municipalities whose indicator value is unknown in the data; nothing is filled in otherwise. */
        aanvullingen: z
          .array(
            z.strictObject({
              indicator: z.enum(INDICATOR_IDS, {
                error: (iss) => `onbekende indicator ${excerpt(String(iss.input))}; kies uit ${INDICATOR_IDS.join(', ')}`,
              }),
              code: gemeentecode,
              waarde: decimalText('de waarde', { maxDecimals: 6, max: '1000000000' }),
              toelichting: z.string().max(1000).optional(),
            }),
          )
          .max(400)
          .optional(),
      }),
      z.strictObject({
        type: z.literal('tabel'),
        ...keyAmounts,
        naam: z.string().max(200),
        waarden: z
          .array(z.strictObject({ code: gemeentecode, waarde: decimalText('de waarde', { maxDecimals: 12 }) }))
          .min(1, { error: 'de tabel is leeg' })
          .max(1000),
      }),
    ],
    {
      error: (iss) =>
        iss.code === 'invalid_union' ? 'de sleutel moet type "brede-spuk-2025", "formule" of "tabel" hebben' : iss.code === 'invalid_type' ? 'de sleutel moet een object zijn' : undefined,
    },
  );

  const wijzigingSchema = z.discriminatedUnion(
    'soort',
    [
      z.strictObject({ soort: z.literal('bedrag'), ...common, bedrag: euro('het bedrag') }),
      z.strictObject({ soort: z.literal('korting'), ...common, percentage: percentage('het kortingspercentage') }),
      z.strictObject({
        soort: z.literal('indexatie'),
        ...common,
        percentage: decimalText('het indexatiepercentage', { max: '100', maxDecimals: 6 }),
      }),
      z.strictObject({
        soort: z.literal('reservering'),
        ...common,
        ontvangers: z
          .array(
            z.strictObject({
              code: z.string().min(1).max(40),
              naam: z.string().min(1).max(200),
              bedrag: euro('het gereserveerde bedrag'),
            }),
          )
          .max(100),
      }),
      z.strictObject({
        soort: z.literal('lokaal-regionaal'),
        ...common,
        lokaalPercentage: percentage('het lokale deel'),
        /** The scale of the regional part: the 42 IZA regions (default, paid to each mandate holder) or the 25 GGD regions. */
        regio: z.enum(['iza', 'ggd'], { error: 'regio moet "iza" (de 42 IZA-regio\'s) of "ggd" (de 25 GGD-regio\'s) zijn' }).optional(),
      }),
      z.strictObject({ soort: z.literal('sleutel'), ...common, sleutel: sleutelSchema }),
      z.strictObject({
        soort: z.literal('deelname'),
        ...common,
        gemeenten: z.array(gemeentecode).max(400),
        nietDeelnemers: z.enum(['herverdelen', 'onbenut'], {
          error: 'nietDeelnemers moet "herverdelen" of "onbenut" zijn',
        }),
      }),
      z.strictObject({
        soort: z.literal('ingroeipad'),
        ...common,
        /** The cap per year of the path, in euro per inhabitant; in the k-th year the allowed change is k times it. */
        perInwoner: euro('de grens per inwoner').optional(),
        /** The cap per year of the path, as a percentage of the reference amount; in the k-th year k times it. */
        percentage: percentage('het grenspercentage').optional(),
      }).check((ctx) => {
        const v = ctx.value;
        if (v.geldigheid !== 'vanaf-dit-jaar') {
          ctx.issues.push({ code: 'custom', input: v, path: ['geldigheid'], message: 'een ingroeipad loopt vanaf een jaar: geldigheid moet "vanaf-dit-jaar" zijn' });
        }
        if ((v.perInwoner === undefined) === (v.percentage === undefined)) {
          ctx.issues.push({
            code: 'custom',
            input: v,
            path: v.perInwoner === undefined ? [] : ['percentage'],
            message: 'een ingroeipad heeft één grens: "perInwoner" (euro per inwoner per jaar) of "percentage" (van het referentiebedrag per jaar), niet beide en niet geen',
          });
        }
      }),
      z.strictObject({
        soort: z.literal('verdeling'),
        ...common,
        verdeling: z.enum(['gemeenten', 'landelijk'], { error: 'verdeling moet "gemeenten" of "landelijk" zijn' }),
      }),
    ],
    {
      error: (iss) =>
        iss.code === 'invalid_union'
          ? 'soort moet een van bedrag, korting, indexatie, reservering, lokaal-regionaal, sleutel, deelname, ingroeipad, verdeling zijn'
          : iss.code === 'invalid_type'
            ? 'een wijziging moet een object zijn'
            : undefined,
    },
  );

  const eigenStroomSchema = z.strictObject(
    {
      id: ownStreamId,
      naam: z.string({ error: 'de naam van een eigen stroom moet tekst zijn' }).max(200, { error: 'de naam van een eigen stroom is hoogstens 200 tekens' }).refine((s) => s.trim() !== '', { error: 'een eigen stroom heeft een naam' }),
      status: z
        .literal('scenario', {
          error: 'de status van een eigen stroom is "scenario": een bedrag dat het scenario zelf opgeeft is geen gepubliceerd of berekend bedrag; zet de reden of de bron in "toelichting"',
        })
        .optional(),
      toelichting: z.string({ error: 'de toelichting moet tekst zijn' }).max(1000).optional(),
      bedragen: z
        .array(z.strictObject({ jaar, geldigheid, bedrag: euro('het bedrag') }), { error: 'bedragen moet een lijst zijn' })
        .min(1, { error: 'een eigen stroom heeft minstens één bedrag (een jaar, een geldigheid en een bedrag)' })
        .max(100),
      sleutel: sleutelSchema,
    },
    { error: (iss) => (iss.code === 'invalid_type' ? 'een eigen stroom moet een object zijn' : undefined) },
  );

  const scenarioSchema = z.strictObject(
    {
      versie: z.literal(SCENARIO_VERSION, { error: `versie moet ${SCENARIO_VERSION} zijn` }),
      naam: z.string({ error: 'de naam moet tekst zijn' }).max(200),
      omschrijving: z.string().max(5000).optional(),
      afronding: z.enum(['euro', 'cent'], { error: 'afronding moet "euro" of "cent" zijn' }).default('euro'),
      /** `gepland`: from its first year, divide over the division with the planned mergers; `zonder`: keep the last known division. */
      herindelingen: z.enum(['gepland', 'zonder'], { error: 'herindelingen moet "gepland" of "zonder" zijn' }).default('gepland'),
      /** Streams of the scenario's own (optional: older scenarios have none and compute the same). */
      eigenStromen: z
        .array(eigenStroomSchema, { error: 'eigenStromen moet een lijst zijn' })
        .max(MAX_OWN_STREAMS, { error: `een scenario heeft hoogstens ${MAX_OWN_STREAMS} eigen stromen` })
        .optional(),
      wijzigingen: z.array(wijzigingSchema, { error: 'wijzigingen moet een lijst zijn' }).max(MAX_CHANGES, { error: `een scenario heeft hoogstens ${MAX_CHANGES} wijzigingen` }),
    },
    { error: (iss) => (iss.code === 'invalid_type' ? 'een scenario moet een JSON-object zijn' : undefined) },
  );

  return { sleutel: sleutelSchema, wijziging: wijzigingSchema, eigenStroom: eigenStroomSchema, scenario: scenarioSchema };
}

let built: ReturnType<typeof buildSchemas> | null = null;
/** The scenario's zod schemas, built once, when first asked for. */
export const scenarioSchemas = (): ReturnType<typeof buildSchemas> => (built ??= buildSchemas());

/** The zod schema of a distribution key (`sleutel`): `brede-spuk-2025`, `formule` or `tabel`, each with optional fixed and base amounts. */
export const sleutelSchema = z.lazy(() => scenarioSchemas().sleutel);
/** The zod schema of one change (`wijziging`), discriminated by its `soort`. */
export const wijzigingSchema = z.lazy(() => scenarioSchemas().wijziging);
/**
 * A stream of the scenario's own, for money that is not in the data yet: its name, its amount per
 * year (applied in list order like changes: `alleen-dit-jaar` or `vanaf-dit-jaar`; a year without
 * an amount has no result, which is not zero), and the key it is divided by over the
 * municipalities. Its status is always `scenario` (a user cannot make a figure published); the
 * reason is the `toelichting`. Changes may target it by its id.
 */
export const eigenStroomSchema = z.lazy(() => scenarioSchemas().eigenStroom);
/**
 * The zod schema of a scenario file (version `SCENARIO_VERSION`). `parseScenario` is the way to
 * read one: it adds the checks a schema cannot do and Dutch messages with their place.
 */
export const scenarioSchema = z.lazy(() => scenarioSchemas().scenario);

/** A scenario as `parseScenario` returns it: validated, with its defaults filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as it may be written: optional fields may be left out, numbers may be JSON numbers. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** One change of a scenario (`bedrag`, `korting`, `indexatie`, `sleutel`, ...). */
export type Wijziging = z.output<typeof wijzigingSchema>;
/** A distribution key as a scenario gives it. */
export type Sleutel = z.output<typeof sleutelSchema>;
/** An own stream of a scenario (`eigenStromen`): money that is not in the data yet. */
export type EigenStroom = z.output<typeof eigenStroomSchema>;
/** How long a change holds: `alleen-dit-jaar` or `vanaf-dit-jaar`. */
export type Geldigheid = Wijziging['geldigheid'];
/** The unit amounts are rounded to: `euro` (default) or `cent`. */
export type Afronding = Scenario['afronding'];
/** Whether the years of a planned merger use the division with it (`gepland`, default) or without it (`zonder`). */
export type Herindelingen = Scenario['herindelingen'];

/**
 * The scenario format as JSON Schema (draft 2020-12), for other tools that write scenarios.
 * It describes the input: numbers may be decimal strings or JSON numbers. Checks that need
 * code (decimal places, maximums of decimal strings, municipality codes that exist) are only
 * done by `parseScenario` and `validateAgainstData`.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchemas().scenario, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
