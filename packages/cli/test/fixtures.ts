/** Scenario texts shared by the tests. */

/** A scenario text with one change per line: change i starts on line 5 + i, column 5. */
export function scenarioText(naam: string, changes: readonly object[]): string {
  return `{\n  "versie": 1,\n  "naam": ${JSON.stringify(naam)},\n  "wijzigingen": [\n${changes.map((c) => `    ${JSON.stringify(c)}`).join(',\n')}\n  ]\n}\n`;
}

/** Where change `i` of a text from `scenarioText` starts: line and column, from 1. */
export function placeOf(text: string, change: object): { regel: number; kolom: number } {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(JSON.stringify(change)));
  if (i < 0) throw new Error('change not in text');
  return { regel: i + 1, kolom: lines[i]!.indexOf('{') + 1 };
}

export const GEZINSPOLI = { soort: 'bedrag', stroom: 'integrale-gezinspoli', jaar: 2028, geldigheid: 'alleen-dit-jaar', bedrag: '6000000' };
export const GOOD = scenarioText('Gezinspoli 6 mln in 2028', [GEZINSPOLI]);

/** A local/regional split: part of the money goes to the IZA regions. */
export const SPLIT_CHANGE = { soort: 'lokaal-regionaal', stroom: 'nu-niet-zwanger', jaar: 2027, geldigheid: 'vanaf-dit-jaar', lokaalPercentage: '60' };
export const SPLIT = scenarioText('Nu Niet Zwanger 60% lokaal', [SPLIT_CHANGE]);

export const BAD = `{
  "versie": 1,
  "naam": "Fout",
  "wijzigingen": [
    { "soort": "bedrag", "stroom": "integrale-gezinspoli", "jaar": 2035, "geldigheid": "alleen-dit-jaar", "bedrag": "6000000" },
    { "soort": "korting", "stroom": "bestaat-niet", "jaar": 2027, "geldigheid": "vanaf-dit-jaar", "percentage": "10" }
  ]
}
`;
