import { STREAMS, type StreamId } from '@kansrijke-start/core';

/** Chart colours per stream (Rijkshuisstijl palette; each at least 3:1 against white). */
export const STROOM_KLEUR: Record<StreamId, string> = {
  'ks-impuls': '#94710a',
  'ks-brede-spuk': '#154273',
  'nu-niet-zwanger': '#007bc7',
  'integrale-gezinspoli': '#39870c',
  'rookvrije-start': '#e17000',
  'ks-gala-structureel': '#a90061',
  'landelijk-vws': '#42145f',
};

export const stroomNaam = (id: StreamId): string => STREAMS.find((s) => s.id === id)?.naam ?? id;
