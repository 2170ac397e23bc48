import { STREAM_IDS, type StreamId } from '../data/types.js';
import { STREAMS } from './streams.js';

/**
 * A stream of the scenario's own (`eigenStromen`): money that is not in the data yet, with its
 * amounts, key and reason given by the scenario. Its id is `eigen:` and a short name, so it can
 * never be taken for a stream of the data.
 */
export type OwnStreamId = `eigen:${string}`;

/** A stream of the data or of the scenario: what an allocation's results, lines and changes name. */
export type StreamRef = StreamId | OwnStreamId;

/** The form of an own stream's id: `eigen:` and 1-40 lower-case letters, digits or hyphens. */
export const OWN_STREAM_ID = /^eigen:[a-z0-9-]{1,40}$/;

/** Whether a stream id names an own stream of a scenario (`eigen:...`) rather than a stream of the data. */
export const isOwnStream = (id: string): id is OwnStreamId => id.startsWith('eigen:');

/** A stream as a view lists it: its id and Dutch name, and whether the scenario adds it. */
export interface StreamEntry {
  id: StreamRef;
  naam: string;
  eigen: boolean;
}

/** What `streamsOf` needs of a scenario (or of an allocation's scenario). */
interface WithOwnStreams {
  eigenStromen?: readonly { id: OwnStreamId; naam: string }[] | undefined;
}

/**
 * The streams of the data in their order, then the own streams of the scenarios in the order
 * they declare them (an id that two scenarios share is listed once, with the first one's name).
 */
export function streamsOf(...scenarios: readonly (WithOwnStreams | { scenario: WithOwnStreams })[]): StreamEntry[] {
  const out: StreamEntry[] = STREAMS.map((s) => ({ id: s.id, naam: s.naam, eigen: false }));
  const seen = new Set<string>();
  for (const x of scenarios) {
    const sc = 'scenario' in x ? x.scenario : x;
    for (const e of sc.eigenStromen ?? []) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      out.push({ id: e.id, naam: e.naam, eigen: true });
    }
  }
  return out;
}

/** The Dutch name of a stream: the data's, or the own stream's name in the scenario (its id when undeclared). */
export function streamName(id: StreamRef, scenario?: WithOwnStreams | null): string {
  if (!isOwnStream(id)) return STREAMS.find((s) => s.id === id)?.naam ?? id;
  return scenario?.eigenStromen?.find((e) => e.id === id)?.naam ?? id;
}

/** The name of a stream in the first of the allocations (or scenarios) that declares it. */
export function streamNameIn(id: StreamRef, holders: readonly { scenario: WithOwnStreams }[]): string {
  if (!isOwnStream(id)) return streamName(id);
  return streamName(id, holders.find((h) => h.scenario.eigenStromen?.some((e) => e.id === id))?.scenario);
}

/** A sort rank: the streams of the data in their order, own streams after them. */
export const streamRank = (id: StreamRef): number => {
  const i = (STREAM_IDS as readonly string[]).indexOf(id);
  return i >= 0 ? i : STREAM_IDS.length;
};
