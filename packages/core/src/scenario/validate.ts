import type { BaselineData } from '../data/types.js';
import type { Scenario } from './schema.js';
import { problem, type Problem } from './problem.js';
import { memoPerOwner } from '../memo/memo.js';
import { centsOf } from '../money/cents.js';
import { formatEuro } from '../money/format.js';

/**
 * Checks that need the data: every municipality code in the scenario exists in the municipal
 * division of the data (a former code must be mapped onto its successor first: `readKeyTable`
 * does that for an uploaded key), none twice, and reservations under codes of their own.
 */
const codesOf = memoPerOwner((data: BaselineData) => ({
  codes: new Set(data.gemeenten.map((g) => g.code)) as ReadonlySet<string>,
  regions: new Set(data.izaRegios.map((r) => r.id)) as ReadonlySet<string>,
}));

export function validateAgainstData(data: BaselineData, scenario: Scenario): Problem[] {
  if (scenario.wijzigingen.length === 0) return [];
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
  scenario.wijzigingen.forEach((w, i) => {
    if (w.soort === 'sleutel' && w.sleutel.type === 'formule') {
      wholeEuros(w.sleutel.basisbedrag, `wijzigingen[${i}].sleutel.basisbedrag`, 'het basisbedrag');
      wholeEuros(w.sleutel.minimumbedrag, `wijzigingen[${i}].sleutel.minimumbedrag`, 'het minimumbedrag');
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
