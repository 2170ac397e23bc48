import type { BaselineData } from '../data/types.js';
import type { Scenario } from './schema.js';
import type { Problem } from './parse.js';

/**
 * Checks that need the data: every municipality code in the scenario exists in the 2023-2026
 * division (a former code must be mapped onto its successor first: `readKeyTable` does that for an uploaded key).
 */
export function validateAgainstData(data: BaselineData, scenario: Scenario): Problem[] {
  const codes = new Set(data.gemeenten.map((g) => g.code));
  const regions = new Set(data.izaRegios.map((r) => r.id));
  const problems: Problem[] = [];
  scenario.wijzigingen.forEach((w, i) => {
    if (w.soort === 'deelname') {
      const seen = new Set<string>();
      w.gemeenten.forEach((c, j) => {
        if (!codes.has(c)) problems.push({ pad: `wijzigingen[${i}].gemeenten[${j}]`, bericht: `${c} is geen gemeente in de indeling 2023-2026` });
        if (seen.has(c)) problems.push({ pad: `wijzigingen[${i}].gemeenten[${j}]`, bericht: `${c} staat er twee keer in` });
        seen.add(c);
      });
    }
    if (w.soort === 'sleutel' && w.sleutel.type === 'tabel') {
      const seen = new Set<string>();
      w.sleutel.waarden.forEach((v, j) => {
        const pad = `wijzigingen[${i}].sleutel.waarden[${j}].code`;
        if (!codes.has(v.code)) problems.push({ pad, bericht: `${v.code} is geen gemeente in de indeling 2023-2026` });
        if (seen.has(v.code)) problems.push({ pad, bericht: `${v.code} staat er twee keer in` });
        seen.add(v.code);
      });
    }
    if (w.soort === 'reservering') {
      const seen = new Set<string>();
      w.ontvangers.forEach((o, j) => {
        if (codes.has(o.code) || regions.has(o.code) || o.code === 'landelijk' || o.code === 'onbenut') {
          problems.push({
            pad: `wijzigingen[${i}].ontvangers[${j}].code`,
            bericht: `"${o.code}" is al een ontvanger van de verdeling zelf; geef een reservering een eigen code (bijvoorbeeld GGD-GHOR). Voor een vast bedrag per gemeente is er het basis- of minimumbedrag van een formulesleutel`,
          });
        }
        if (seen.has(o.code)) problems.push({ pad: `wijzigingen[${i}].ontvangers[${j}].code`, bericht: `${o.code} staat er twee keer in` });
        seen.add(o.code);
      });
    }
  });
  return problems;
}
