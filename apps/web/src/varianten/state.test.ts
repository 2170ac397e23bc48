import { describe, expect, test } from 'vitest';
import { emptyScenario, parseScenario, type Scenario } from '@kansrijke-start/core';
import { BASIS, calculation, openAlsVariant, scenario, setScenario, setVarianten, vergeleken, vergelekenNamen, varianten } from '../scenario/state.js';
import { dupliceer, kies, nieuweVariant, vergelijkMet } from './lijst.js';

const metBedrag = (naam: string, bedrag: string): Scenario => {
  const p = parseScenario({ ...emptyScenario(naam), wijzigingen: [{ soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2026, geldigheid: 'vanaf-dit-jaar', bedrag }] });
  if (!p.ok) throw new Error(JSON.stringify(p.fouten));
  return p.scenario;
};

describe('the edited variant and the comparison in the app state', () => {
  test('edits go to the edited variant only; choosing another one makes it the current scenario', () => {
    expect(setScenario(metBedrag('Voorstel', '6000000')).ok).toBe(true);
    const voorstel = varianten.value.huidig;
    expect(varianten.value.lijst.map((x) => x.scenario.naam)).toEqual(['Voorstel']);
    setVarianten(dupliceer(varianten.value, voorstel));
    const kopie = varianten.value.huidig;
    expect(scenario.value.naam).toBe('Voorstel (kopie)');
    setScenario(metBedrag('Voorstel (kopie)', '7000000'));
    expect(varianten.value.lijst.find((x) => x.id === voorstel)!.scenario.wijzigingen[0]).toMatchObject({ bedrag: '6000000' });
    setVarianten(kies(varianten.value, voorstel));
    expect(calculation.value.scenario.wijzigingen[0]).toMatchObject({ bedrag: '6000000' });

    // Without a choice, the views compare the baseline and the current scenario, as before variants.
    expect(vergelekenNamen.value).toEqual(['Basis', 'Voorstel']);
    setVarianten(nieuweVariant(varianten.value));
    expect(vergelekenNamen.value).toEqual(['Basis']);
    expect(vergeleken.value).toHaveLength(1);
    // With a choice: the baseline and the chosen variants, whichever is edited.
    setVarianten(vergelijkMet(varianten.value, [kopie, voorstel]));
    expect(vergelekenNamen.value).toEqual(['Basis', 'Voorstel (kopie)', 'Voorstel']);
    expect(vergeleken.value.map((a) => a.resultaten.find((r) => r.stroom === 'integrale-gezinspoli' && r.jaar === 2027)!.totaal)).toEqual([
      vergeleken.value[0]!.resultaten.find((r) => r.stroom === 'integrale-gezinspoli' && r.jaar === 2027)!.totaal,
      700_000_000n,
      600_000_000n,
    ]);
  });

  test('a link adds its scenario as a variant, or chooses the identical one; a bad one changes nothing', () => {
    const voor = varianten.value;
    const r = openAlsVariant(metBedrag('Uit de link', '5000000'));
    expect(r.nieuw).toBe(true);
    expect(scenario.value.naam).toBe('Uit de link');
    expect(varianten.value.lijst).toHaveLength(voor.lijst.length + 1);
    const again = openAlsVariant(metBedrag('Voorstel', '6000000'));
    expect(again.nieuw).toBe(false);
    expect(scenario.value.naam).toBe('Voorstel');
    const na = varianten.value;
    expect(openAlsVariant({ versie: 1, naam: 'x', wijzigingen: [{ soort: 'bedrag' }] }).berekening.ok).toBe(false);
    expect(varianten.value).toBe(na);
    expect(BASIS.wijzigingen).toEqual([]);
  });
});
