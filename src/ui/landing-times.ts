/**
 * The instants a row's begin and end times land as in Feishu, read from its cells by the parser
 * the run used (src/plan/normalise.ts `parseTime`) in the zone the run was given: the page shows
 * them as wall-clock time in that zone, so a wrong zone is seen before anything is sent.
 */
import { checkHeaders, mappingLookup } from '../input/headers.js';
import { type ParsedTime, parseTime } from '../plan/normalise.js';
import { TIME_SPAN } from '../schema.js';

export interface LandingTimes {
  /** Epoch milliseconds, as the body will carry them. */
  readonly begin?: number;
  readonly end?: number;
}

/** Where the begin and end times sit among the file's columns, as its headers name them. */
export interface TimeColumns {
  readonly begin?: number;
  readonly end?: number;
}

export function timeColumns(columns: readonly string[]): TimeColumns {
  const index = checkHeaders(columns, mappingLookup(undefined), []).resolved?.index ?? {};
  return { begin: index[TIME_SPAN.begin], end: index[TIME_SPAN.end] };
}

const instant = (cell: string | undefined, zone: string): number | undefined => {
  if (cell === undefined) return undefined;
  const parsed = parseTime(cell, zone);
  return typeof parsed === 'object' && 'ms' in parsed ? (parsed as ParsedTime).ms : undefined;
};

/** A row's times, or undefined when it has neither (a continuation row, a blank or a bad cell). */
export function landingTimes(cells: readonly string[], at: TimeColumns, zone: string): LandingTimes | undefined {
  const begin = at.begin === undefined ? undefined : instant(cells[at.begin], zone);
  const end = at.end === undefined ? undefined : instant(cells[at.end], zone);
  if (begin === undefined && end === undefined) return undefined;
  return { ...(begin === undefined ? {} : { begin }), ...(end === undefined ? {} : { end }) };
}
