/**
 * The HTTP API and the web app, one fastify instance over one EventStore.
 *
 *   GET  /api/events              filtered events, cursor pagination
 *   GET  /api/events/export       the same query as CSV or JSON Lines, streamed
 *   GET  /api/stories/:id         a story with its text, spans, events, quotes, commitments
 *   GET  /api/stats               counts
 *   GET  /api/aggregates/monthly  events per month by QuadClass
 *   GET  /api/aggregates/dyads    top source → target pairs
 *   GET  /api/aggregates/goldstein  Goldstein per month for one dyad (source and target required)
 *   GET  /api/places              event places with counts (the map)
 *   GET  /api/commitments         threats, pledges and demands
 *   POST /api/code                code a posted text (or HTML page: "format") without storing it
 *   POST /api/stories             code and store posted stories (needs the write token)
 *   GET  /api/health              liveness (the API bench's baseline)
 *   GET  /api/openapi.json        this API as an OpenAPI 3 document
 *   GET  /                        the web app (web/, built by Vite into dist/web)
 *
 * Every answer is JSON (but exports and the app); errors are `{statusCode, error, message}`. Query
 * parameters are checked by JSON schemas and then by params.ts; a request the store cannot use is a 400,
 * never a 500. SQL is the store's business and parameterized only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import type { CodingFailure, StoryCoder } from '../pool/pool.js';
import { InvalidQueryError } from '../store/types.js';
import type { EventStore } from '../store/types.js';
import type { StoryInput } from '../types.js';
import { exportStream } from './export.js';
import type { TextKind } from '../ingest/html.js';
import { postedStory, type PostedText } from './coded.js';
import type { ExportFormat } from './export.js';
import { filterFromQuery, PAGE_PROPERTIES, querySchema, realDay } from './params.js';
import type { FilterQuery } from './params.js';

/** Stories that POST /api/stories codes and stores; the server does not know how (src/store/ingest.ts does). */
export type StoreStories = (stories: StoryInput[]) => Promise<{ id: string; outcome: string; error?: string; reason?: CodingFailure }[]>;

export interface ServerOptions {
  store: EventStore;
  /** Codes posted texts: worker threads (src/pool/pool.ts), so the event loop never codes. */
  coder: StoryCoder;
  /** Codes and stores posted stories. */
  storeStories: StoreStories;
  /** The write token (POST /api/stories). */
  token: string;
  /** Folder of the built web app (index.html); null or missing: `/` says how to build it. */
  webRoot: string | null;
  /** Largest request body in bytes (default 2 MiB): larger gets 413. */
  bodyLimit?: number;
  /**
   * Longest a POST /api/code text waits for a coding thread, in ms (default 4,000): past it, or when the
   * work ahead would take longer, the answer is 503 with Retry-After. The coding itself is bounded by the
   * pool's budget per story (422 past it), so an answer comes within about the two added.
   */
  codeWaitMs?: number;
  /** Most events one export streams (default 1,000,000). */
  maxExport?: number;
  logger?: boolean;
}

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;
/** The longest posted text, in characters. */
export const MAX_POSTED_TEXT = 1_000_000;
export const DEFAULT_CODE_WAIT_MS = 4_000;

/** Retry-After (seconds) for a 503 of busy coding threads. */
const RETRY_AFTER_S = 5;

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const storyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: {
    text: { type: 'string', minLength: 1, maxLength: MAX_POSTED_TEXT },
    headline: { type: 'string', maxLength: 2000 },
    date: day,
    url: { type: 'string', maxLength: 2000 },
    id: { type: 'string', maxLength: 200 },
    /** What "text" is written in: an HTML page (its article is coded, its title and date used) or plain text; auto: by its content. */
    format: { type: 'string', enum: ['auto', 'text', 'html'] },
  },
} as const;

const errorSchema = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
} as const;

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The token of `Authorization: Bearer T` or `X-Wirecoder-Token: T`; null when absent. */
function tokenOf(request: FastifyRequest): string | null {
  const auth = request.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    if (m !== null && m[1] !== undefined) return m[1];
  }
  const h = request.headers['x-wirecoder-token'];
  return typeof h === 'string' && h.length > 0 ? h : null;
}

function validDay(name: string, value: string | undefined): string | null {
  return value === undefined ? null : realDay(name, value);
}

interface PostedStory {
  text: string;
  headline?: string;
  date?: string;
  url?: string;
  id?: string;
  format?: TextKind;
}

/** A posted story with its date checked here (a 400 names the field); read and coded on a coding thread. */
function postedText(s: PostedStory, field: string, id: string, origin: StoryInput['origin']): PostedText {
  return { id, text: s.text, headline: s.headline ?? null, date: validDay(`${field}date`, s.date), url: s.url ?? null, format: s.format ?? 'auto', origin };
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const maxExport = options.maxExport ?? 1_000_000;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
    routerOptions: { maxParamLength: 200 },
  });

  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof InvalidQueryError) {
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: err.message });
    }
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) {
      request.log.error(err);
      return reply.code(status).send({ statusCode: status, error: 'Internal Server Error', message: 'internal error (logged by the server)' });
    }
    const names: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 413: 'Payload Too Large', 415: 'Unsupported Media Type' };
    return reply.code(status).send({ statusCode: status, error: names[status] ?? 'Error', message: err.message });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'wirecoder API',
        version: '0.1.0',
        description: 'Political events coded from news wire stories (CAMEO, PLOVER): query, export, code and store.',
      },
      components: {
        securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'the write token (WIRECODER_TOKEN, or printed on first start)' } },
      },
    },
  });

  const requireToken = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const given = tokenOf(request);
    if (given === null || !sameToken(given, options.token)) {
      await reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'this write needs the token: Authorization: Bearer <token>' });
    }
  };

  const tags = (t: string) => ({ tags: [t] });

  app.get<{ Querystring: FilterQuery & { limit: number; cursor?: string } }>(
    '/api/events',
    { schema: { ...tags('events'), summary: 'Events matching the filters, newest first', querystring: querySchema(PAGE_PROPERTIES) } },
    async (request, reply) => {
      const { limit, cursor, ...rest } = request.query;
      // events come serialized from the store: the page is put together, not re-encoded
      const page = store.queryEventsJson(filterFromQuery(rest), { limit, cursor: cursor ?? null });
      return reply.type('application/json; charset=utf-8').send(`{"events":[${page.events.join(',')}],"next":${JSON.stringify(page.next)}}`);
    },
  );

  app.get<{ Querystring: FilterQuery & { format: ExportFormat; max?: number } }>(
    '/api/events/export',
    {
      schema: {
        ...tags('events'),
        summary: 'Every event matching the filters, streamed as CSV or JSON Lines',
        querystring: querySchema({
          format: { type: 'string', enum: ['csv', 'jsonl'], default: 'csv' },
          max: { type: 'integer', minimum: 1, maximum: maxExport, description: `at most this many events (default ${maxExport})` },
        }),
      },
    },
    async (request, reply) => {
      const { format, max, ...rest } = request.query;
      const filter = filterFromQuery(rest);
      // a bad cursor or query text fails here, before the 200 is sent
      store.queryEvents(filter, { limit: 1, cursor: null });
      const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
      reply.header('content-disposition', `attachment; filename="wirecoder-events.${format === 'csv' ? 'csv' : 'jsonl'}"`);
      return reply.type(type).send(exportStream(store, filter, format, max ?? maxExport));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/stories/:id',
    {
      schema: {
        ...tags('stories'),
        summary: 'A stored story: text, sentences, highlight spans, events, quotes, commitments',
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{64}$' } }, required: ['id'] },
      },
    },
    async (request, reply) => {
      const story = store.getStory(request.params.id);
      if (story === null) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no story ${request.params.id}` });
      return story;
    },
  );

  app.get('/api/health', { schema: { ...tags('stats'), summary: 'Liveness: answers {ok: true} without touching the store' } }, async () => ({ ok: true }));

  app.get('/api/stats', { schema: { ...tags('stats'), summary: 'Counts of stories, sentences, actors, events (per QuadClass)' } }, async () => store.stats());

  app.get<{ Querystring: FilterQuery }>(
    '/api/aggregates/monthly',
    { schema: { ...tags('aggregates'), summary: 'Events per month and QuadClass', querystring: querySchema() } },
    async (request) => ({ rows: store.monthly(filterFromQuery(request.query)) }),
  );

  const limitProp = (dflt: number, max: number) => ({ limit: { type: 'integer', minimum: 1, maximum: max, default: dflt } });

  app.get<{ Querystring: FilterQuery & { limit: number } }>(
    '/api/aggregates/dyads',
    { schema: { ...tags('aggregates'), summary: 'Top source → target pairs by number of events', querystring: querySchema(limitProp(20, 500)) } },
    async (request) => {
      const { limit, ...rest } = request.query;
      return { rows: store.topDyads(filterFromQuery(rest), limit) };
    },
  );

  app.get<{ Querystring: FilterQuery & { match: 'prefix' | 'exact' } }>(
    '/api/aggregates/goldstein',
    {
      schema: {
        ...tags('aggregates'),
        summary: 'Goldstein score per month for one dyad (source and target required)',
        querystring: querySchema(
          { match: { type: 'string', enum: ['prefix', 'exact'], default: 'prefix', description: 'codes as prefixes (CAN covers CANGOV) or exactly these two' } },
          ['source', 'target'],
        ),
      },
    },
    async (request) => {
      const { match, ...rest } = request.query;
      const filter = filterFromQuery(rest);
      return { rows: store.dyadGoldstein(filter, filter.source ?? '', filter.target ?? '', match) };
    },
  );

  app.get<{ Querystring: FilterQuery & { limit: number } }>(
    '/api/places',
    { schema: { ...tags('aggregates'), summary: 'Event places with their number of events', querystring: querySchema(limitProp(500, 5000)) } },
    async (request) => {
      const { limit, ...rest } = request.query;
      return { rows: store.places(filterFromQuery(rest), limit) };
    },
  );

  app.get<{ Querystring: FilterQuery & { limit: number } }>(
    '/api/commitments',
    { schema: { ...tags('events'), summary: 'Threats, pledges and demands with quantities, conditions and deadlines', querystring: querySchema(limitProp(50, 500)) } },
    async (request) => {
      const { limit, ...rest } = request.query;
      return { rows: store.commitments(filterFromQuery(rest), limit) };
    },
  );

  /** 503 before the body is read when the coding threads have more work waiting than a text may wait for. */
  const codeWaitMs = options.codeWaitMs ?? DEFAULT_CODE_WAIT_MS;
  const refuseWhenBusy = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    // a body's length in bytes is at least its text's in characters
    const length = Number(request.headers['content-length'] ?? 0);
    const wait = options.coder.expectedWait(Number.isFinite(length) ? length : 0);
    if (wait > codeWaitMs) await busyReply(reply, `all coding threads are busy (about ${Math.ceil(wait / 1000)} s of work waiting): try again later`);
  };
  const busyReply = (reply: FastifyReply, message: string): FastifyReply =>
    reply.code(503).header('retry-after', String(RETRY_AFTER_S)).send({ statusCode: 503, error: 'Service Unavailable', message });

  app.post<{ Body: Omit<PostedStory, 'url' | 'id'> }>(
    '/api/code',
    {
      onRequest: refuseWhenBusy,
      schema: {
        ...tags('coding'),
        summary: 'Code a text without storing it',
        body: { ...storyBody, properties: { text: storyBody.properties.text, headline: storyBody.properties.headline, date: day, format: storyBody.properties.format } },
      },
    },
    async (request, reply) => {
      // read, coded and turned into JSON on a coding thread: this thread only passes the bytes on
      const posted = postedText(request.body, '', 'posted', { file: 'request' });
      const [coded] = await options.coder.run('codedJson', [posted], { maxWaitMs: codeWaitMs });
      if (coded?.ok === false && coded.reason === 'busy') return busyReply(reply, coded.error);
      if (coded === undefined || !coded.ok) {
        return reply.code(422).send({ statusCode: 422, error: 'Unprocessable Entity', message: `the text could not be coded: ${coded?.ok === false ? coded.error : 'no result'}` });
      }
      return reply.type('application/json; charset=utf-8').send(Buffer.from(coded.value.buffer, coded.value.byteOffset, coded.value.byteLength));
    },
  );

  app.post<{ Body: { stories: PostedStory[] } }>(
    '/api/stories',
    {
      onRequest: requireToken,
      schema: {
        ...tags('coding'),
        summary: 'Code and store stories (idempotent: a story is identified by its content)',
        security: [{ token: [] }],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['stories'],
          properties: { stories: { type: 'array', minItems: 1, maxItems: 1000, items: storyBody } },
        },
        response: { 401: errorSchema },
      },
    },
    async (request) => {
      const inputs: StoryInput[] = request.body.stories.map((s, i) => postedStory(postedText(s, `stories[${i}].`, s.id ?? `posted-${i + 1}`, { file: 'request', line: i + 1 })));
      return { results: await options.storeStories(inputs) };
    },
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const web = options.webRoot;
  if (web !== null && existsSync(join(web, 'index.html'))) {
    await app.register(fastifyStatic, { root: web, prefix: '/', index: ['index.html'], wildcard: true });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.code(503).send({ statusCode: 503, error: 'Service Unavailable', message: `the web app is not built (${web ?? 'no folder'}): run npm run build` }),
    );
  }
  return app;
}
