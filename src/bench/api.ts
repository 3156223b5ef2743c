/**
 * `npm run bench:api`: the HTTP API under load.
 *
 *   1. ingests the corpus (default ../shared/corpus/reuters-2008, all of it) into a bench database
 *      (default .cache/bench-api.db; ingest is idempotent, so a second run only checks hashes);
 *   2. starts `wirecoder serve` on it in a child process (the load generator runs in this one);
 *   3. baseline, same run: 100 clients on /api/health (no store access) for 5 s;
 *   4. 100 concurrent clients querying /api/events with mixed filters (actors, countries, CAMEO roots,
 *      QuadClass, date ranges, places, full text, second pages by cursor) for 30 s;
 *   5. prints requests/s, p50/p90/p99/max latency, errors and non-2xx answers, and the p99 over the
 *      baseline's p99 (a ratio that survives a noisy machine).
 *
 * Options: --corpus DIR --db FILE --duration S --connections N --limit N (stories to ingest) --json
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { bin, root, startServer } from './child.js';

function run(args: string[]): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', fail);
    child.once('exit', (code) => done(code ?? 1));
  });
}

interface Json {
  [k: string]: unknown;
}

async function getJson(url: string): Promise<Json> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return (await r.json()) as Json;
}

/** Query paths built from what the store holds, so that filters hit real data (and some hit nothing). */
async function mixedPaths(base: string): Promise<string[]> {
  const dyads = ((await getJson(`${base}api/aggregates/dyads?limit=60`))['rows'] ?? []) as { source: string; target: string }[];
  const months = ((await getJson(`${base}api/aggregates/monthly`))['rows'] ?? []) as { month: string }[];
  const places = ((await getJson(`${base}api/places?limit=40`))['rows'] ?? []) as { country: string | null; lat: number; lon: number }[];
  const monthList = [...new Set(months.map((m) => m.month))].filter((m) => /^\d{4}-\d{2}$/.test(m));
  const actors = [...new Set(dyads.flatMap((d) => [d.source, d.target]))];
  const countries = [...new Set(actors.map((a) => a.slice(0, 3)))];
  const words = ['oil', 'election', 'troops', 'talks', 'bank', 'police', 'nuclear', 'ceasefire', 'rebels', 'minister prime'];
  const roots = ['01', '02', '03', '04', '05', '10', '11', '12', '13', '14', '17', '18', '19', '20'];
  const paths: string[] = ['api/events', 'api/events?limit=100'];
  const pick = <T>(xs: readonly T[], i: number): T | undefined => xs[i % Math.max(1, xs.length)];
  for (let i = 0; i < 400; i++) {
    const p = new URLSearchParams();
    const a = pick(actors, i * 7);
    const c = pick(countries, i * 5);
    const m = pick(monthList, i * 3);
    const pl = pick(places, i);
    switch (i % 10) {
      case 0: if (a) p.set('source', a); break;
      case 1: if (a) p.set('actor', a); p.set('quad', String((i % 4) + 1)); break;
      case 2: if (c) p.set('country', c); break;
      case 3: p.set('root', pick(roots, i) ?? '04'); if (m) { p.set('from', `${m}-01`); p.set('to', `${m}-28`); } break;
      case 4: p.set('q', pick(words, i) ?? 'oil'); break;
      case 5: if (pl?.country) p.set('place_country', pl.country); break;
      case 6: if (pl) p.set('near', `${pl.lat.toFixed(2)},${pl.lon.toFixed(2)},300`); break;
      case 7: if (a) p.set('target', a); p.set('cameo', pick(roots, i + 3) ?? '04'); break;
      case 8: p.set('plover', pick(['CONSULT', 'ASSAULT', 'COOPERATE', 'DEMAND', 'ACCUSE', 'THREATEN'], i) ?? 'CONSULT'); if (c) p.set('country', c); break;
      default: p.set('quad', String((i % 4) + 1)); p.set('limit', '20');
    }
    paths.push(`api/events?${p.toString()}`);
  }
  // second pages: follow a few cursors
  for (const path of paths.slice(0, 40)) {
    const page = await getJson(base + path);
    const next = page['next'];
    if (typeof next === 'string') paths.push(`${path}${path.includes('?') ? '&' : '?'}cursor=${next}`);
  }
  return paths;
}

interface Load {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function load(base: string, paths: readonly string[], connections: number, duration: number): Promise<Load> {
  let n = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const path = paths[n++ % paths.length] ?? 'api/events';
          return { ...req, path: '/' + path };
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: resolve(root, '..', 'shared', 'corpus', 'reuters-2008') },
      db: { type: 'string', default: resolve(root, '.cache', 'bench-api.db') },
      duration: { type: 'string', default: '30' },
      connections: { type: 'string', default: '100' },
      limit: { type: 'string', default: '0' },
      json: { type: 'boolean', default: false },
    },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  if (!Number.isInteger(duration) || duration < 1 || !Number.isInteger(connections) || connections < 1) {
    process.stderr.write('bench:api: --duration and --connections must be whole numbers ≥ 1\n');
    return 2;
  }
  if (!existsSync(values.corpus)) {
    process.stderr.write(`bench:api: no corpus at ${values.corpus} (give --corpus DIR)\n`);
    return 2;
  }
  mkdirSync(dirname(values.db), { recursive: true });
  const t0 = performance.now();
  const ingestArgs = ['ingest', values.corpus, '--db', values.db];
  if (values.limit !== '0') ingestArgs.push('--limit', values.limit);
  const code = await run(ingestArgs);
  if (code > 1) {
    process.stderr.write(`bench:api: ingest failed (exit ${code})\n`);
    return 2;
  }
  const ingestS = (performance.now() - t0) / 1000;
  const { url, child } = await startServer(values.db);
  try {
    const stats = await getJson(`${url}api/stats`);
    const paths = await mixedPaths(url);
    const baseline = await load(url, ['api/health'], connections, 5);
    const events = await load(url, paths, connections, duration);
    const summary = {
      stories: stats['stories'],
      events: stats['events'],
      ingest_s: Math.round(ingestS * 10) / 10,
      connections,
      duration_s: duration,
      distinct_queries: paths.length,
      baseline_health: baseline,
      events_api: events,
      p99_over_baseline_p99: Math.round((events.p99 / Math.max(1, baseline.p99)) * 100) / 100,
    };
    if (values.json) process.stdout.write(JSON.stringify(summary) + '\n');
    else {
      const line = (name: string, l: Load): string =>
        `${name.padEnd(24)} ${String(l.rps).padStart(7)} req/s  p50 ${l.p50} ms  p90 ${l.p90} ms  p99 ${l.p99} ms  max ${l.max} ms  ` +
        `errors ${l.errors}  timeouts ${l.timeouts}  non-2xx ${l.non2xx}  (${l.requests} requests)`;
      process.stdout.write(
        [
          `store: ${String(stats['stories'])} stories, ${String(stats['events'])} events (ingest step ${summary.ingest_s} s)`,
          `${connections} concurrent clients; ${paths.length} distinct /api/events queries with mixed filters`,
          line('baseline /api/health 5s', baseline),
          line(`/api/events ${duration}s`, events),
          `p99 /api/events: ${events.p99} ms (aim < 100 ms); ${summary.p99_over_baseline_p99}× the baseline p99`,
        ].join('\n') + '\n',
      );
    }
    return events.errors + events.timeouts + events.non2xx === 0 ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench:api: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
