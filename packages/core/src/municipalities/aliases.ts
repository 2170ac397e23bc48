/**
 * Names people use for a municipality besides its official name: the everyday name of a city
 * whose official name is different, and the Dutch name of a municipality whose official name is
 * Frisian. A lookup by one of these finds the municipality, and says which name is official.
 */
export const ALIASES: readonly { naam: string; code: string }[] = [
  { naam: 'Den Haag', code: 'GM0518' }, // officially 's-Gravenhage
  { naam: 'Den Bosch', code: 'GM0796' }, // officially 's-Hertogenbosch
  { naam: 'Tietjerksteradeel', code: 'GM0737' }, // Tytsjerksteradiel
  { naam: 'Dantumadeel', code: 'GM1891' }, // Dantumadiel
  { naam: 'Zuidwest-Friesland', code: 'GM1900' }, // Súdwest-Fryslân
  { naam: 'De Friese Meren', code: 'GM1940' }, // De Fryske Marren
  { naam: 'Noordoost-Friesland', code: 'GM1970' }, // Noardeast-Fryslân
];
