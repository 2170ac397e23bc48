import { FIRST_YEAR, type BaselineData, type Indicator, type Municipality } from '../data/types.js';
import type { Sleutel } from './schema.js';
import type { Scenario } from './schema.js';
import { problem, type Problem } from './problem.js';
import { memoPerContent } from '../memo/memo.js';
import { centsOf } from '../money/cents.js';
import { formatEuro } from '../money/format.js';

/**
 * Checks that need the data: every municipality code in the scenario exists in the municipal
 * division of the data (a former code must be mapped onto its successor first: `readKeyTable`
 * does that for an uploaded key), none twice, and reservations under codes of their own.
 */
const codesOf = memoPerContent((data: BaselineData) => ({
  codes: new Set(data.gemeenten.map((g) => g.code)) as ReadonlySet<string>,
  regions: new Set([...data.izaRegios.map((r) => r.id), ...data.ggdRegios.map((r) => r.code)]) as ReadonlySet<string>,
  byCode: new Map(data.gemeenten.map((g) => [g.code, g])) as ReadonlyMap<string, Municipality>,
}));

/** The municipalities without a value for an indicator, in the order of the division: once per data set and indicator. */
const unknownOf = memoPerContent((data: BaselineData) => {
  const byIndicator = new Map<Indicator, readonly Municipality[]>();
  return (ind: Indicator): readonly Municipality[] => {
    let list = byIndicator.get(ind);
    if (!list) byIndicator.set(ind, (list = data.gemeenten.filter((g) => (ind.waarden.get(g.code) ?? null) === null)));
    return list;
  };
});

export function validateAgainstData(data: BaselineData, scenario: Scenario): Problem[] {
  if (scenario.wijzigingen.length === 0 && !scenario.eigenStromen?.length) return [];
  const { codes, regions } = codesOf(data);
  const indeling = data.indeling.naam;
  const problems: Problem[] = [];
  const uniqueCodes = (list: readonly string[], pad: (j: number) => string) => {
    const seen = new Set<string>();
    list.forEach((c, j) => {
      if (!codes.has(c)) problems.push(problem(pad(j), `${c} is geen gemeente in de ${indeling}`));
      if (seen.has(c)) problems.push(problem(pad(j), `${c} staat er twee keer in`));
      seen.add(c);
    });
  };
  // An amount that must be paid as it is must be payable in the unit the scenario rounds to.
  const wholeEuros = (euros: string | undefined, pad: string, what: string) => {
    if (euros === undefined || scenario.afronding === 'cent') return;
    const cents = centsOf(euros);
    if (cents % 100n !== 0n) {
      problems.push(
        problem(
          pad,
          `${what} ${formatEuro(cents, 'auto')} is geen heel aantal euro, terwijl dit scenario op hele euro's afrondt; geef een heel bedrag of kies afronding op centen ("afronding": "cent")`,
        ),
      );
    }
  };
  // Fixed and base amounts per municipality: codes of the base division, each once, payable in the unit, not both for one municipality.
  const keyAmounts = (sl: Sleutel, pad: string) => {
    const fixed = sl.vasteBedragen ?? [];
    const base = sl.basisbedragen ?? [];
    uniqueCodes(
      fixed.map((v) => v.code),
      (j) => `${pad}.vasteBedragen[${j}].code`,
    );
    uniqueCodes(
      base.map((v) => v.code),
      (j) => `${pad}.basisbedragen[${j}].code`,
    );
    fixed.forEach((v, j) => wholeEuros(v.bedrag, `${pad}.vasteBedragen[${j}].bedrag`, `het vaste bedrag voor ${v.code}`));
    base.forEach((v, j) => wholeEuros(v.bedrag, `${pad}.basisbedragen[${j}].bedrag`, `het basisbedrag voor ${v.code}`));
    const fixedCodes = new Set(fixed.map((v) => v.code));
    base.forEach((v, j) => {
      if (fixedCodes.has(v.code)) {
        problems.push(
          problem(
            `${pad}.basisbedragen[${j}].code`,
            `${v.code} heeft al een vast bedrag; een vast bedrag vervangt het aandeel, een basisbedrag komt erbovenop: geef een gemeente het een of het ander`,
          ),
        );
      }
    });
  };
  // An own stream is divided over the municipalities by its key: the same checks as a key change, and only in years that can be divided.
  (scenario.eigenStromen ?? []).forEach((e, j) => {
    const pad = `eigenStromen[${j}]`;
    if (e.sleutel.type === 'formule') {
      wholeEuros(e.sleutel.basisbedrag, `${pad}.sleutel.basisbedrag`, 'het basisbedrag');
      wholeEuros(e.sleutel.minimumbedrag, `${pad}.sleutel.minimumbedrag`, 'het minimumbedrag');
      missingValues(data, e.sleutel, `${pad}.sleutel`, problems);
    }
    keyAmounts(e.sleutel, `${pad}.sleutel`);
    if (e.sleutel.type === 'tabel') {
      uniqueCodes(
        e.sleutel.waarden.map((v) => v.code),
        (k) => `${pad}.sleutel.waarden[${k}].code`,
      );
    }
    e.bedragen.forEach((b, k) => {
      if (b.jaar < data.indeling.van) {
        problems.push(
          problem(
            `${pad}.bedragen[${k}].jaar`,
            `een eigen stroom wordt over gemeenten verdeeld, en dat kan pas vanaf ${data.indeling.van}: de gemeenten van ${FIRST_YEAR}-${data.indeling.van - 1} zijn niet de ${data.gemeenten.length} van de ${indeling}; kies ${data.indeling.van} of later`,
          ),
        );
      }
    });
  });
  scenario.wijzigingen.forEach((w, i) => {
    if (w.soort === 'sleutel' && w.sleutel.type === 'formule') {
      wholeEuros(w.sleutel.basisbedrag, `wijzigingen[${i}].sleutel.basisbedrag`, 'het basisbedrag');
      wholeEuros(w.sleutel.minimumbedrag, `wijzigingen[${i}].sleutel.minimumbedrag`, 'het minimumbedrag');
    }
    if (w.soort === 'sleutel') keyAmounts(w.sleutel, `wijzigingen[${i}].sleutel`);
    if (w.soort === 'sleutel' && w.sleutel.type === 'formule') missingValues(data, w.sleutel, `wijzigingen[${i}].sleutel`, problems);
    if (w.soort === 'verdeling' && w.verdeling === 'gemeenten' && w.jaar < data.indeling.van) {
      problems.push(
        problem(
          `wijzigingen[${i}].jaar`,
          `voor ${w.jaar} kan het bedrag niet over gemeenten worden verdeeld: de verdeelsleutel van ${FIRST_YEAR}-${data.indeling.van - 1} is onbekend (die staat in de circulaires van het gemeentefonds) en de gemeenten van die jaren zijn niet de ${data.gemeenten.length} van de ${indeling}; een verdeling over gemeenten kan vanaf ${data.indeling.van}`,
        ),
      );
    }
    if (w.soort === 'reservering') w.ontvangers.forEach((o, j) => wholeEuros(o.bedrag, `wijzigingen[${i}].ontvangers[${j}].bedrag`, `de reservering voor ${o.naam}`));
    if (w.soort === 'deelname') uniqueCodes(w.gemeenten, (j) => `wijzigingen[${i}].gemeenten[${j}]`);
    if (w.soort === 'sleutel' && w.sleutel.type === 'tabel') {
      uniqueCodes(
        w.sleutel.waarden.map((v) => v.code),
        (j) => `wijzigingen[${i}].sleutel.waarden[${j}].code`,
      );
    }
    if (w.soort === 'reservering') {
      const seen = new Set<string>();
      w.ontvangers.forEach((o, j) => {
        const pad = `wijzigingen[${i}].ontvangers[${j}].code`;
        if (codes.has(o.code) || regions.has(o.code) || o.code === 'landelijk' || o.code === 'onbenut') {
          problems.push(
            problem(
              pad,
              `"${o.code}" is al een ontvanger van de verdeling zelf; geef een reservering een eigen code (bijvoorbeeld GGD-GHOR). Voor een vast bedrag per gemeente is er het basis- of minimumbedrag van een formulesleutel`,
            ),
          );
        }
        if (seen.has(o.code)) problems.push(problem(pad, `${o.code} staat er twee keer in`));
        seen.add(o.code);
      });
    }
  });
  return problems;
}

const listNames = (names: readonly string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`);

/**
 * A formula key may only weigh values that are known. A municipality without a value is named,
 * and the key refused, unless the scenario supplies the value ("aanvullingen"); a supplied value
 * must be for a municipality and an indicator of the key whose value is unknown.
 */
function missingValues(data: BaselineData, sleutel: Extract<Sleutel, { type: 'formule' }>, pad: string, problems: Problem[]): void {
  const { byCode } = codesOf(data);
  const unknown = unknownOf(data);
  const supplied = new Set<string>();
  (sleutel.aanvullingen ?? []).forEach((a, j) => {
    const at = `${pad}.aanvullingen[${j}]`;
    const ind = data.indicatoren.find((x) => x.id === a.indicator);
    const g = byCode.get(a.code);
    if (!g) return problems.push(problem(`${at}.code`, `${a.code} is geen gemeente in de ${data.indeling.naam}`));
    if (!ind || !sleutel.gewichten.some((w) => w.indicator === a.indicator)) {
      return problems.push(problem(`${at}.indicator`, `de sleutel weegt ${a.indicator} niet mee, dus deze aanvulling doet niets; haal haar weg of voeg de indicator toe aan de gewichten`));
    }
    const known = ind.waarden.get(a.code);
    if (known !== null && known !== undefined) {
      return problems.push(
        problem(`${at}.code`, `${g.naam} (${g.code}) heeft al een waarde voor ${ind.naam.toLowerCase()} (${known.toFixed()}); een aanvulling is alleen voor een waarde die onbekend is`),
      );
    }
    const k = `${a.indicator}|${a.code}`;
    if (supplied.has(k)) return problems.push(problem(`${at}.code`, `${g.naam} (${g.code}) heeft al een aanvulling voor ${a.indicator}`));
    supplied.add(k);
  });
  sleutel.gewichten.forEach((w, k) => {
    const ind = data.indicatoren.find((x) => x.id === w.indicator);
    if (!ind) return;
    const missing = unknown(ind).filter((g) => !supplied.has(`${w.indicator}|${g.code}`));
    if (missing.length === 0) return;
    const names = listNames(missing.slice(0, 10).map((g) => `${g.naam} (${g.code})`)) + (missing.length > 10 ? ` en nog ${missing.length - 10}` : '');
    problems.push(
      problem(
        `${pad}.gewichten[${k}].indicator`,
        `${ind.naam} is onbekend voor ${names} (onbekend is niet 0); deze sleutel kan pas verdelen als het scenario die ${missing.length === 1 ? 'waarde aanvult' : 'waarden aanvult'} ("aanvullingen": [{"indicator": "${w.indicator}", "code": "${missing[0]!.code}", "waarde": "..."}]) of een andere indicator kiest`,
      ),
    );
  });
}
