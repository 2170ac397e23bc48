import { isOwnStream, streamName, streamNameIn, streamsOf, type StreamEntry, type StreamId, type StreamRef } from '@kansrijke-start/core';
import { scenario, varianten } from '../scenario/state.js';

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

/** Colours for the scenario's own streams, in the order they are declared (also at least 3:1 against white). */
const EIGEN_KLEUREN = ['#673327', '#275937', '#8b4a6b', '#01689b'] as const;

/** The chart colour of a stream; an own stream gets one by its place among the scenario's own streams. */
export function stroomKleur(id: StreamRef): string {
  if (!isOwnStream(id)) return STROOM_KLEUR[id];
  const k = Math.max(0, (scenario.value.eigenStromen ?? []).findIndex((e) => e.id === id));
  return EIGEN_KLEUREN[k % EIGEN_KLEUREN.length]!;
}

/**
 * The Dutch name of a stream: the data's, or an own stream's as the scenario being edited names
 * it (or else the first variant that has it). The names come from the core.
 */
export function stroomNaam(id: StreamRef): string {
  if (!isOwnStream(id)) return streamName(id);
  return streamNameIn(id, [{ scenario: scenario.value }, ...varianten.value.lijst]);
}

/** The streams of the data and the own streams of the scenario being edited, with their names. */
export const stromenVanScenario = (): StreamEntry[] => streamsOf(scenario.value);
