/**
 * Query parameters of the read API: their JSON schemas (checked by fastify before a handler runs, and
 * published in the OpenAPI document) and their conversion to an EventFilter, with the checks a schema
 * cannot make (real calendar dates, from ≤ to, coordinates in range). Every failure is an
 * InvalidQueryError naming the parameter: the API answers 400 with its message.
 */
import { normaliseDate } from '../ingest/decode.js';
import { InvalidQueryError } from '../store/types.js';
import type { EventFilter } from '../store/types.js';

const code = (description: string) => ({ type: 'string', pattern: '^[A-Za-z0-9]{1,40}$', description }) as const;
const iso3 = (description: string) => ({ type: 'string', pattern: '^[A-Za-z]{3}$', description }) as const;
const day = (description: string) => ({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description }) as const;

/** Filter parameters shared by every read endpoint. */
export const FILTER_PROPERTIES = {
  source: code('source actor code prefix, e.g. CAN or CANGOV'),
  target: code('target actor code prefix'),
  actor: code('actor code prefix on either side'),
  country: iso3('ISO alpha-3 country of the source or the target'),
  cameo: { type: 'string', pattern: '^\\d{2,4}$', description: 'CAMEO code prefix, e.g. 13 or 139' },
  root: { type: 'string', pattern: '^\\d{2}$', description: 'CAMEO root (two digits)' },
  plover: { type: 'string', pattern: '^[A-Za-z_]{2,40}$', description: 'PLOVER event type, e.g. THREATEN' },
  quad: { type: 'integer', minimum: 1, maximum: 4, description: 'GDELT QuadClass 1..4' },
  from: day('first day (YYYY-MM-DD), inclusive'),
  to: day('last day (YYYY-MM-DD), inclusive'),
  place_country: iso3('ISO alpha-3 country of the event place'),
  near: {
    type: 'string',
    pattern: '^-?\\d{1,3}(\\.\\d{1,10})?,-?\\d{1,3}(\\.\\d{1,10})?,\\d{1,5}(\\.\\d{1,6})?$',
    description: 'lat,lon,radius_km: events placed within the radius',
  },
  q: { type: 'string', minLength: 1, maxLength: 500, description: 'full text over story headlines and text (all words)' },
  story: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'one story id' },
} as const;

export const PAGE_PROPERTIES = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50, description: 'page size' },
  cursor: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$', description: 'the `next` of the previous page' },
} as const;

export function querySchema(extra: Record<string, unknown> = {}, required: string[] = []): Record<string, unknown> {
  return { type: 'object', additionalProperties: false, properties: { ...FILTER_PROPERTIES, ...extra }, required };
}

/** What fastify hands over after schema validation (strings stay strings; quad, limit are numbers). */
export type FilterQuery = Partial<Record<Exclude<keyof typeof FILTER_PROPERTIES, 'quad'>, string>> & { quad?: number };

/** A YYYY-MM-DD value that is a real calendar day (the schemas check the shape), else InvalidQueryError. */
export function realDay(name: string, value: string): string {
  if (normaliseDate(value) !== value) throw new InvalidQueryError(`${name}: ${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`);
  return value;
}

/** The filter of a validated query; throws InvalidQueryError for what the schema cannot check. */
export function filterFromQuery(query: FilterQuery): EventFilter {
  const f: EventFilter = {};
  if (query.source !== undefined) f.source = query.source.toUpperCase();
  if (query.target !== undefined) f.target = query.target.toUpperCase();
  if (query.actor !== undefined) f.actor = query.actor.toUpperCase();
  if (query.country !== undefined) f.country = query.country.toUpperCase();
  if (query.cameo !== undefined) f.cameo = query.cameo;
  if (query.root !== undefined) f.root = query.root;
  if (query.plover !== undefined) f.plover = query.plover.toUpperCase();
  if (query.quad !== undefined) {
    const q = query.quad;
    if (q !== 1 && q !== 2 && q !== 3 && q !== 4) throw new InvalidQueryError(`quad: ${q} is not 1, 2, 3 or 4`);
    f.quad = q;
  }
  if (query.from !== undefined) f.from = realDay('from', query.from);
  if (query.to !== undefined) f.to = realDay('to', query.to);
  if (f.from !== undefined && f.to !== undefined && f.from > f.to) throw new InvalidQueryError(`from (${f.from}) is after to (${f.to})`);
  if (query.place_country !== undefined) f.placeCountry = query.place_country.toUpperCase();
  if (query.near !== undefined) {
    const [lat, lon, radiusKm] = query.near.split(',').map(Number);
    if (lat === undefined || lon === undefined || radiusKm === undefined) throw new InvalidQueryError('near: expected lat,lon,radius_km');
    if (Math.abs(lat) > 90) throw new InvalidQueryError(`near: latitude ${lat} is outside -90..90`);
    if (Math.abs(lon) > 180) throw new InvalidQueryError(`near: longitude ${lon} is outside -180..180`);
    if (!(radiusKm > 0) || radiusKm > 20_050) throw new InvalidQueryError(`near: radius ${radiusKm} km is outside (0, 20050]`);
    f.near = { lat, lon, radiusKm };
  }
  if (query.q !== undefined) {
    if (!/[\p{L}\p{N}]/u.test(query.q)) throw new InvalidQueryError('q: no word to search for');
    f.q = query.q;
  }
  if (query.story !== undefined) f.story = query.story;
  return f;
}
