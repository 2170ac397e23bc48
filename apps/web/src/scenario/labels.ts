import type { Wijziging } from '@kansrijke-start/core';

export const SOORT_LABEL: Record<Wijziging['soort'], string> = {
  bedrag: 'Landelijk bedrag',
  korting: 'Korting',
  indexatie: 'Indexatie (loon- en prijsbijstelling)',
  reservering: 'Reservering vooraf',
  'lokaal-regionaal': 'Verdeling lokaal / regionaal',
  sleutel: 'Verdeelsleutel',
  deelname: 'Deelnemende gemeenten',
  verdeling: 'Verdelen of landelijk houden',
};
