/**
 * The HTTP API over a real SQLite store holding the example stories: reads, filters, pagination,
 * exports, aggregates, coding without storing, token-guarded writes, and hostile input that must never
 * make the server answer 500 or fall over.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createCoder } from '../../src/coder.js';
import type { Coder } from '../../src/coder.js';
import { createCoderPool, inProcess } from '../../src/pool/pool.js';
import { buildServer } from '../../src/server/app.js';
import { csvCell } from '../../src/server/export.js';
import { ingest, ingestStories } from '../../src/store/ingest.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { CodedText, EventPage, EventStore, StoredStory, StoreStats } from '../../src/store/types.js';

const TOKEN = 'test-token-123';
const examples = resolve(process.cwd(), 'examples');

let dir: string;
let store: EventStore;
let coder: Coder;
let app: FastifyInstance;

async function makeApp(bodyLimit?: number): Promise<FastifyInstance> {
  return buildServer({
    store,
    coder: inProcess(async () => coder),
    storeStories: (stories) => ingestStories(stories, store, inProcess(async () => coder), 'fp-test'),
    token: TOKEN,
    webRoot: null,
    ...(bodyLimit !== undefined ? { bodyLimit } : {}),
  });
}

async function get<T>(url: string): Promise<{ status: number; body: T }> {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json() as T };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wirecoder-api-'));
  store = openSqliteStore(join(dir, 'db.sqlite'));
  coder = await createCoder();
  await ingest([examples], { store, coder, fingerprint: 'fp-test' });
  app = await makeApp();
});

after(async () => {
  await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reads', () => {
  it('lists the example events, newest first, with cursor pages covering all exactly once', async () => {
    const all = await get<EventPage>('/api/events?limit=500');
    assert.equal(all.status, 200);
    assert.ok(all.body.events.length >= 8, `expected the example events, got ${all.body.events.length}`);
    assert.equal(all.body.next, null);
    const days = all.body.events.map((e) => e.date ?? '');
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: EventPage } = await get<EventPage>(`/api/events?limit=3${cursor === null ? '' : `&cursor=${cursor}`}`);
      assert.equal(page.status, 200);
      assert.ok(page.body.events.length <= 3);
      seen.push(...page.body.events.map((e) => e.id));
      cursor = page.body.next;
    } while (cursor !== null);
    assert.deepEqual(seen, all.body.events.map((e) => e.id));
    assert.equal(new Set(seen).size, seen.length);
    assert.ok(days.length > 0);
  });

  it('filters by actor prefix, QuadClass, CAMEO root, dates, place and text', async () => {
    const can = await get<EventPage>('/api/events?source=can&limit=500');
    assert.ok(can.body.events.length > 0);
    for (const e of can.body.events) assert.ok(e.source.code.startsWith('CAN'), e.source.code);
    const q4 = await get<EventPage>('/api/events?quad=4&limit=500');
    for (const e of q4.body.events) assert.equal(e.cameo.quad, 4);
    const threats = await get<EventPage>('/api/events?root=13&limit=500');
    assert.ok(threats.body.events.some((e) => e.cameo.code === '139'));
    for (const e of threats.body.events) assert.equal(e.cameo.root, '13');
    const march = await get<EventPage>('/api/events?from=2008-03-01&to=2008-03-31&limit=500');
    for (const e of march.body.events) assert.ok(e.date !== null && e.date >= '2008-03-01' && e.date <= '2008-03-31', String(e.date));
    const inIraq = await get<EventPage>('/api/events?place_country=IRQ&limit=500');
    assert.ok(inIraq.body.events.length > 0);
    for (const e of inIraq.body.events) assert.equal(e.place?.country, 'IRQ');
    // Mosul is 36.34N 43.11E; Brussels is ~2,900 km away
    const nearMosul = await get<EventPage>('/api/events?near=36.3,43.1,100&limit=500');
    assert.ok(nearMosul.body.events.length > 0);
    for (const e of nearMosul.body.events) assert.equal(e.place?.name, 'Mosul');
    const text = await get<EventPage>('/api/events?q=engineers%20Mosul&limit=500');
    assert.ok(text.body.events.length > 0);
    for (const e of text.body.events) assert.match(e.headline ?? '', /Mosul/);
    const none = await get<EventPage>('/api/events?q=zzzqqqxxx');
    assert.equal(none.status, 200);
    assert.deepEqual(none.body.events, []);
  });

  it('serves a story with its text, spans of every kind, events and commitments', async () => {
    const page = await get<EventPage>('/api/events?q=Mosul&root=13');
    const id = page.body.events[0]?.story;
    assert.ok(id !== undefined);
    const r = await get<StoredStory>(`/api/stories/${id}`);
    assert.equal(r.status, 200);
    assert.match(r.body.text, /unless its NATO allies/);
    const kinds = new Set(r.body.annotations.map((a) => a.kind));
    for (const k of ['actor', 'verb', 'date', 'place', 'quantity', 'quote'] as const) assert.ok(kinds.has(k), `no ${k} span`);
    for (const a of r.body.annotations) assert.ok(a.start >= 0 && a.end <= r.body.text.length && a.start < a.end);
    const threat = r.body.commitments.find((c) => c.kind === 'threat');
    assert.ok(threat !== undefined);
    assert.equal(threat.actor.code, 'CAN');
    assert.ok(threat.quantities.some((q) => q.value === 900));
    assert.match(threat.condition ?? '', /^unless/);
    assert.equal(threat.deadline, '2008-06');
    const missing = await get<{ message: string }>(`/api/stories/${'0'.repeat(64)}`);
    assert.equal(missing.status, 404);
    assert.match(missing.body.message, /no story/);
  });

  it('counts and aggregates', async () => {
    const stats = await get<StoreStats>('/api/stats');
    assert.equal(stats.status, 200);
    assert.ok(stats.body.stories >= 3 && stats.body.events >= 8);
    const perQuad = Object.values(stats.body.quad).reduce((a, b) => a + b, 0);
    assert.equal(perQuad, stats.body.events);
    const monthly = await get<{ rows: { month: string; events: number }[] }>('/api/aggregates/monthly');
    assert.equal(monthly.body.rows.reduce((a, r) => a + r.events, 0), stats.body.events);
    const dyads = await get<{ rows: { source: string; target: string; events: number }[] }>('/api/aggregates/dyads?limit=5');
    assert.ok(dyads.body.rows.length > 0 && dyads.body.rows.length <= 5);
    const d = dyads.body.rows[0];
    assert.ok(d !== undefined);
    const gold = await get<{ rows: { events: number }[] }>(`/api/aggregates/goldstein?source=${d.source}&target=${d.target}`);
    assert.equal(gold.status, 200);
    assert.ok(gold.body.rows.reduce((a, r) => a + r.events, 0) >= d.events);
    // exactly the pair: the dyad's own count; as prefixes (CAN covers CANGOVMIL) at least that
    const exact = await get<{ rows: { events: number }[] }>('/api/aggregates/goldstein?source=CAN&target=IGOWSTNAT&match=exact');
    const prefix = await get<{ rows: { events: number }[] }>('/api/aggregates/goldstein?source=CAN&target=IGOWSTNAT');
    const all = await get<{ rows: { source: string; target: string; events: number }[] }>('/api/aggregates/dyads?limit=500');
    const pairEvents = (exactly: boolean): number =>
      all.body.rows.filter((r) => (exactly ? r.source === 'CAN' && r.target === 'IGOWSTNAT' : r.source.startsWith('CAN') && r.target.startsWith('IGOWSTNAT'))).reduce((a, r) => a + r.events, 0);
    assert.equal(exact.body.rows.reduce((a, r) => a + r.events, 0), pairEvents(true));
    assert.equal(prefix.body.rows.reduce((a, r) => a + r.events, 0), pairEvents(false));
    assert.ok(pairEvents(false) > pairEvents(true), 'the examples have CANGOVMIL → IGOWSTNAT besides CAN → IGOWSTNAT');
    const noDyad = await get<{ message: string }>('/api/aggregates/goldstein?source=CAN');
    assert.equal(noDyad.status, 400);
    const places = await get<{ rows: { name: string; story: string }[] }>('/api/places');
    assert.ok(places.body.rows.some((p) => p.name === 'Mosul'));
    const commitments = await get<{ rows: { kind: string; story: string }[] }>('/api/commitments?actor=CAN');
    assert.ok(commitments.body.rows.some((c) => c.kind === 'threat'));
  });

  it('exports any query as CSV or JSON Lines', async () => {
    const all = await get<EventPage>('/api/events?limit=500&source=CAN');
    const csv = await app.inject({ method: 'GET', url: '/api/events/export?format=csv&source=CAN' });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    assert.match(lines[0] ?? '', /^event_id,story_id,date,/);
    const jsonl = await app.inject({ method: 'GET', url: '/api/events/export?format=jsonl&source=CAN' });
    const rows = jsonl.body.trim().split('\n').map((l) => JSON.parse(l) as { id: number });
    assert.deepEqual(rows.map((r) => r.id), all.body.events.map((e) => e.id));
    // CSV rows: quoted cells may hold newlines, so count event ids at line starts
    assert.ok(lines.length >= rows.length + 1);
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell(-7), '-7');
    assert.equal(csvCell(null), '');
  });

  it('publishes an OpenAPI document', async () => {
    const r = await get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    assert.equal(r.status, 200);
    assert.match(r.body.openapi, /^3\./);
    for (const p of ['/api/events', '/api/stories/{id}', '/api/stats', '/api/code', '/api/stories', '/api/events/export']) assert.ok(p in r.body.paths, p);
  });
});

describe('writes', () => {
  it('codes a posted HTML page ("format": "html"): its article, title and date; nothing from its script', async () => {
    const page = '<!doctype html><html><head><title>Peru talks</title><meta property="article:published_time" content="2008-04-17T09:00:00Z">' +
      '<script>var s = "Iran attacked Israel on Monday.";</script></head><body><nav>Syria attacked Lebanon</nav><article>' +
      '<p>Peru&#39;s foreign minister met his Chilean counterpart in Lima on Wednesday, officials said.</p></article></body></html>';
    const r = await app.inject({ method: 'POST', url: '/api/code', payload: { text: page, format: 'html' } });
    assert.equal(r.statusCode, 200, r.body);
    const coded = r.json() as CodedText;
    assert.equal(coded.headline, 'Peru talks');
    assert.equal(coded.date, '2008-04-17');
    assert.equal(coded.text, "Peru's foreign minister met his Chilean counterpart in Lima on Wednesday, officials said.");
    assert.ok(coded.events.length > 0 && coded.events.every((e) => !/IRN|ISR|SYR|LBN/.test(`${e.source.code} ${e.target?.code ?? ''}`)));
    const bad = await app.inject({ method: 'POST', url: '/api/code', payload: { text: page, format: 'pdf' } });
    assert.equal(bad.statusCode, 400, bad.body);
  });

  it('codes a posted text without storing it', async () => {
    const before = await get<StoreStats>('/api/stats');
    const r = await app.inject({
      method: 'POST',
      url: '/api/code',
      payload: { text: 'Freedonia will withdraw its 300 soldiers from Sylvania next March unless Sylvania pays its debt, the Freedonian defence minister said on Monday.', date: '2008-02-08' },
    });
    assert.equal(r.statusCode, 200, r.body);
    const coded = r.json() as CodedText;
    assert.ok(Array.isArray(coded.events) && Array.isArray(coded.annotations));
    const after = await get<StoreStats>('/api/stats');
    assert.deepEqual(after.body, before.body);
  });

  it('needs the token to store; stores once; a second post stores nothing new', async () => {
    const story = { text: 'Canada sent 200 troops to Kandahar on Monday, the Canadian defence ministry said.', date: '2008-05-06', headline: 'Canada sends troops' };
    const none = await app.inject({ method: 'POST', url: '/api/stories', payload: { stories: [story] } });
    assert.equal(none.statusCode, 401);
    assert.equal((none.json() as { statusCode: number }).statusCode, 401);
    const wrong = await app.inject({ method: 'POST', url: '/api/stories', payload: { stories: [story] }, headers: { authorization: 'Bearer nope' } });
    assert.equal(wrong.statusCode, 401);
    const before = (await get<StoreStats>('/api/stats')).body;
    const ok = await app.inject({ method: 'POST', url: '/api/stories', payload: { stories: [story] }, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(ok.statusCode, 200, ok.body);
    const results = (ok.json() as { results: { id: string; outcome: string }[] }).results;
    assert.equal(results[0]?.outcome, 'stored');
    const mid = (await get<StoreStats>('/api/stats')).body;
    assert.equal(mid.stories, before.stories + 1);
    const again = await app.inject({ method: 'POST', url: '/api/stories', payload: { stories: [story] }, headers: { 'x-wirecoder-token': TOKEN } });
    assert.equal((again.json() as { results: { outcome: string }[] }).results[0]?.outcome, 'unchanged');
    assert.deepEqual((await get<StoreStats>('/api/stats')).body, mid);
  });

  it('answers 413 to an oversized body', async () => {
    const small = await makeApp(16 * 1024);
    try {
      const big = { stories: [{ text: 'x'.repeat(20 * 1024) }] };
      const r = await small.inject({ method: 'POST', url: '/api/stories', payload: big, headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(r.statusCode, 413);
      assert.equal((r.json() as { statusCode: number }).statusCode, 413);
      const c = await small.inject({ method: 'POST', url: '/api/code', payload: { text: 'y'.repeat(20 * 1024) } });
      assert.equal(c.statusCode, 413);
    } finally {
      await small.close();
    }
  });
});

describe('hostile input', () => {
  it('answers 400 with a message to malformed parameters', async () => {
    const bad: [string, RegExp][] = [
      ['/api/events?quad=7', /quad/],
      ['/api/events?quad=abc', /quad/],
      ['/api/events?from=2008-02-30', /calendar date/],
      ['/api/events?from=2008-13-01', /calendar date/],
      ['/api/events?from=2008-05-01&to=2008-04-01', /after/],
      ['/api/events?from=yesterday', /from/],
      ['/api/events?near=91,0,10', /latitude/],
      ['/api/events?near=0,181,10', /longitude/],
      ['/api/events?near=0,0,0', /radius/],
      ['/api/events?near=0,0', /near/],
      ['/api/events?limit=0', /limit/],
      ['/api/events?limit=501', /limit/],
      ['/api/events?limit=1e309', /limit/],
      ['/api/events?limit=99999999999999999999999', /limit/],
      ['/api/events?cursor=!!!', /cursor/],
      ['/api/events?cursor=bm90LWEtY3Vyc29y', /cursor/],
      ['/api/events?q=%22%22%22', /q/],
      ['/api/events?colour=red', /additional|colour/],
      ['/api/events?source=CAN%27%20OR%201%3D1', /source/],
      ['/api/events?quad=1&quad=2', /quad/],
      ['/api/stories/xyz', /id/],
      ['/api/events/export?format=xml', /format/],
    ];
    for (const [url, msg] of bad) {
      const r = await app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 400, `${url} → ${r.statusCode} ${r.body}`);
      const body = r.json() as { statusCode: number; message: string };
      assert.equal(body.statusCode, 400);
      assert.match(body.message, msg, url);
    }
  });

  it('never answers 500 to quotes, SQL, huge numbers, bad dates, control characters or invalid UTF-8', async () => {
    const before = (await get<StoreStats>('/api/stats')).body;
    const values = [
      "'", '"', '\\', "' OR '1'='1", '"; DROP TABLE events; --', "1; DELETE FROM stories", '%', '_', '*', 'NEAR(a b)', 'a OR b',
      '(', ')', '{', '^', 'CAN\u0000', '9'.repeat(400), '-1', '1e309', 'NaN', 'Infinity', '0x10', '2008-02-30', '0000-00-00',
      '9999-99-99', '\u202e', '💥', 'x'.repeat(5000),
    ];
    const params = ['source', 'target', 'actor', 'country', 'cameo', 'root', 'plover', 'quad', 'from', 'to', 'place_country', 'near', 'q', 'story', 'limit', 'cursor'];
    const endpoints = ['/api/events', '/api/aggregates/monthly', '/api/aggregates/dyads', '/api/places', '/api/commitments', '/api/events/export'];
    let n = 0;
    for (const ep of endpoints) {
      for (const p of params) {
        for (const v of values) {
          const r = await app.inject({ method: 'GET', url: `${ep}?${p}=${encodeURIComponent(v)}` });
          n++;
          assert.ok(r.statusCode < 500, `${ep}?${p}=${JSON.stringify(v)} → ${r.statusCode} ${r.body.slice(0, 200)}`);
          if (r.statusCode >= 400) assert.equal((r.json() as { statusCode: number }).statusCode, r.statusCode);
        }
      }
    }
    const raw = ['%FF', '%C0%AF', '%E0%A4%A', '%ED%A0%80', '%', '%%', '%00', '%0A'];
    for (const ep of ['/api/events?q=', '/api/events?source=', '/api/stories/', '/api/events?']) {
      for (const v of raw) {
        const r = await app.inject({ method: 'GET', url: ep + v });
        n++;
        assert.ok(r.statusCode < 500, `${ep}${v} → ${r.statusCode} ${r.body.slice(0, 200)}`);
      }
    }
    const bodies: { payload: string | Buffer; type: string }[] = [
      { payload: '{"text": ', type: 'application/json' },
      { payload: '[]', type: 'application/json' },
      { payload: 'null', type: 'application/json' },
      { payload: '{"text": 42}', type: 'application/json' },
      { payload: '{"text": ""}', type: 'application/json' },
      { payload: '{"text": "a", "date": "2008-02-30"}', type: 'application/json' },
      { payload: '{"text": "a", "date": "-001-01-01"}', type: 'application/json' },
      { payload: '{"text": "a", "__proto__": {"x": 1}}', type: 'application/json' },
      { payload: '{"text": "a", "constructor": {"prototype": {"x": 1}}}', type: 'application/json' },
      { payload: '['.repeat(5000) + ']'.repeat(5000), type: 'application/json' },
      { payload: Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]), type: 'application/json' },
      { payload: 'text=hello', type: 'application/x-www-form-urlencoded' },
      { payload: 'hello', type: 'text/plain' },
    ];
    for (const url of ['/api/code', '/api/stories']) {
      for (const b of bodies) {
        const r = await app.inject({ method: 'POST', url, payload: b.payload, headers: { 'content-type': b.type, authorization: `Bearer ${TOKEN}` } });
        n++;
        assert.ok(r.statusCode < 500, `${url} ${String(b.payload).slice(0, 40)} → ${r.statusCode} ${r.body.slice(0, 200)}`);
      }
    }
    assert.ok(n > 2000);
    // nothing was stored or changed by any of it
    assert.deepEqual((await get<StoreStats>('/api/stats')).body, before);
  });

  it('survives raw invalid bytes on a real socket', async () => {
    const live = await makeApp();
    const address = await live.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const send = (raw: Buffer): Promise<string> =>
      new Promise((done, fail) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(raw));
        let out = '';
        socket.on('data', (c: Buffer) => (out += c.toString('latin1')));
        socket.on('end', () => done(out));
        socket.on('error', fail);
      });
    try {
      const requests = [
        Buffer.concat([Buffer.from('GET /api/events?q='), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')]),
        Buffer.concat([Buffer.from('GET /api/stories/'), Buffer.from([0xc0, 0xaf]), Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')]),
        Buffer.from('GET /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nConnection: close\r\n\r\n'),
        Buffer.from('POST /api/code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999\r\nConnection: close\r\n\r\n{}'),
      ];
      for (const raw of requests) {
        const answer = await send(raw);
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? '0');
        assert.ok(status >= 200 && status < 500, `raw request → ${answer.slice(0, 120)}`);
      }
      const health = await fetch(`${address}/api/health`);
      assert.equal(health.status, 200);
    } finally {
      await live.close();
    }
  });
});

describe('coding on a pool with a time budget and a longest wait', () => {
  // one thread; a story may code for 0.3 s and wait 0.1 s for the thread
  let pool: ReturnType<typeof createCoderPool>;
  let busyApp: FastifyInstance;
  before(async () => {
    pool = createCoderPool({ threads: 1, budgetMs: 300 });
    busyApp = await buildServer({
      store,
      coder: pool,
      storeStories: (stories) => ingestStories(stories, store, pool, 'fp-test'),
      token: TOKEN,
      webRoot: null,
      codeWaitMs: 100,
    });
    await pool.ready();
  });
  after(async () => {
    await busyApp.close();
    await pool.close();
  });
  // a text that takes longer than the budget: brackets nested half a million deep (over a second of coding)
  const slow = '('.repeat(500_000) + 'Canada' + ')'.repeat(499_994);

  it('a text over the budget gets 422 with a message; one that cannot get the thread in time gets 503 with Retry-After; the pool then codes as before', async () => {
    const t0 = performance.now();
    const [over, waiting] = await Promise.all([
      busyApp.inject({ method: 'POST', url: '/api/code', payload: { text: slow } }),
      new Promise((r) => setTimeout(r, 20)).then(() => busyApp.inject({ method: 'POST', url: '/api/code', payload: { text: 'Canada sent troops to Kandahar.' } })),
    ]);
    assert.equal(over.statusCode, 422, over.body.slice(0, 300));
    assert.match((over.json() as { message: string }).message, /longer than the 0\.3 s budget/);
    assert.equal(waiting.statusCode, 503, waiting.body.slice(0, 300));
    assert.equal(waiting.headers['retry-after'], '5');
    assert.match((waiting.json() as { message: string }).message, /coding threads are busy/);
    assert.ok(performance.now() - t0 < 5_000);
    // the stopped thread was replaced; a text is coded as by this thread's coder
    await pool.ready();
    let ok = await busyApp.inject({ method: 'POST', url: '/api/code', payload: { text: 'Canada sent troops to Kandahar.' } });
    for (let k = 0; k < 50 && ok.statusCode === 503; k++) {
      await new Promise((r) => setTimeout(r, 200)); // the replacement thread is still loading its coder
      ok = await busyApp.inject({ method: 'POST', url: '/api/code', payload: { text: 'Canada sent troops to Kandahar.' } });
    }
    assert.equal(ok.statusCode, 200, ok.body.slice(0, 300));
    const here = await app.inject({ method: 'POST', url: '/api/code', payload: { text: 'Canada sent troops to Kandahar.' } });
    assert.deepEqual(ok.json(), here.json());
  });
});
