/** The SQLite store: round trips, every filter against a reference in JS, pages, aggregates, hostile input, re-coding. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { createCoder, type Coder } from '../../src/coder.js';
import { readInputs } from '../../src/ingest/index.js';
import { annotationsOf, commitmentKind, commitmentsOf } from '../../src/store/annotate.js';
import { storyHash } from '../../src/store/fingerprint.js';
import { inProcess } from '../../src/pool/pool.js';
import { ingestStories } from '../../src/store/ingest.js';
import { decodeCursor, encodeCursor, ftsQuery, greatCircleKm, openSqliteStore } from '../../src/store/sqlite.js';
import { InvalidQueryError } from '../../src/store/types.js';
import type { EventFilter, EventStore, StoredEvent, StoryToStore } from '../../src/store/types.js';
import type { StoryInput } from '../../src/types.js';
import { removeDir, tempDir } from '../ingest/fixtures.js';
import { repoRoot } from '../helpers.js';
import { inventedStories, PLACES, recordOf } from './fixtures.js';

const FP = 'fingerprint-A';

describe('round trip of coded example stories', () => {
  let coder: Coder;
  let dir: string;
  let store: EventStore;
  const inputs: StoryInput[] = [];
  before(async () => {
    coder = await createCoder();
    dir = await tempDir();
    store = openSqliteStore(join(dir, 'examples.db'));
    for await (const item of readInputs([join(repoRoot, 'examples')])) if ('text' in item) inputs.push(item);
  });
  after(async () => {
    store.close();
    await removeDir(dir);
  });

  test('each stored story reads back as the coder coded it', async () => {
    assert.ok(inputs.length >= 4);
    const outcomes = await ingestStories(inputs, store, inProcess(async () => coder), FP);
    assert.deepEqual(outcomes.map((o) => o.outcome), inputs.map(() => 'stored'));
    for (const input of inputs) {
      const result = coder.codeStory(input);
      const hash = storyHash(input);
      const stored = store.getStory(hash);
      assert.ok(stored, input.id);
      assert.equal(stored.id, hash);
      assert.equal(stored.doc, result.doc);
      assert.deepEqual(stored.events.map(recordOf), result.events, `${input.id}: events`);
      for (const e of stored.events) {
        assert.equal(e.story, hash);
        assert.equal(e.headline, result.headline);
      }
      assert.deepEqual(stored.sentences, result.sentences);
      assert.deepEqual(stored.quotes, result.quotes);
      assert.deepEqual(stored.annotations, annotationsOf(result));
      assert.deepEqual(stored.commitments, commitmentsOf(result));
      assert.deepEqual([stored.headline, stored.date, stored.url, stored.text], [result.headline, result.date, result.url, result.text]);
      assert.deepEqual(stored.dateline, result.dateline);
      assert.deepEqual(stored.credits, result.credits);
      assert.deepEqual(stored.warnings, result.warnings);
      assert.equal(stored.origin, input.origin.file);
      assert.equal(stored.coder, FP);
      assert.match(stored.coded_at, /^\d{4}-\d{2}-\d{2}T/);
      // and through queryEvents, the same records
      const page = store.queryEvents({ story: hash }, { limit: 100, cursor: null });
      assert.deepEqual(
        page.events.map(recordOf).sort((a, b) => a.verb.span.start - b.verb.span.start || a.source.code.localeCompare(b.source.code)),
        [...result.events].sort((a, b) => a.verb.span.start - b.verb.span.start || a.source.code.localeCompare(b.source.code)),
      );
    }
    assert.equal(store.getStory('0'.repeat(64)), null);
  });

  test('001_ottawa_brussels: a threat with quantities, an "unless" condition and a deadline', () => {
    const input = inputs.find((i) => i.id === '001_ottawa_brussels');
    assert.ok(input);
    const stored = store.getStory(storyHash(input));
    assert.ok(stored);
    const threat = stored.commitments.find((c) => c.kind === 'threat');
    assert.ok(threat, JSON.stringify(stored.commitments));
    assert.equal(threat.actor.code, 'CAN');
    assert.equal(threat.target?.code, 'IGOWSTNAT');
    assert.equal(threat.cameo, '139');
    assert.equal(threat.action, 'withdraw');
    assert.deepEqual(threat.quantities.map((q) => [q.value, q.unit]), [[900, 'engineers'], [400, 'troops']]);
    assert.match(threat.condition ?? '', /^unless its NATO allies send an extra 400 troops/);
    assert.equal(threat.deadline, '2008-06');
    assert.ok(stored.annotations.some((a) => a.kind === 'verb' && a.label === '139'));
    assert.ok(stored.annotations.some((a) => a.kind === 'actor' && a.label === 'CAN'));
    assert.ok(stored.annotations.some((a) => a.kind === 'quantity' && a.label === '900 engineers'));
    // the commitments list finds it with the same filters as the events
    const listed = store.commitments({ cameo: '139', source: 'CAN' }, 10);
    assert.ok(listed.some((c) => c.story === stored.id && c.deadline === '2008-06' && c.headline === stored.headline));
    assert.equal(store.commitments({ cameo: '139', source: 'BEL' }, 10).length, 0);
  });
});

/** Every event of the store, newest first, through pages of `size`. */
function allPages(store: EventStore, filter: EventFilter, size: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = store.queryEvents(filter, { limit: size, cursor });
    out.push(...page.events);
    assert.ok(page.events.length <= size);
    if (page.next === null) return out;
    assert.equal(page.events.length, size, 'only the last page is short');
    cursor = page.next;
  }
  throw new Error('pages do not end');
}

describe('filters, pages and aggregates over invented stories', () => {
  let dir: string;
  let store: EventStore;
  let stories: StoryToStore[];
  /** Story facts by hash, for the reference filters. */
  const storyDate = new Map<string, string | null>();
  const storyText = new Map<string, string>();
  let all: StoredEvent[];
  const day = (e: StoredEvent): string => e.date ?? storyDate.get(e.story) ?? '';
  const newestFirst = (a: StoredEvent, b: StoredEvent): number => (day(a) < day(b) ? 1 : day(a) > day(b) ? -1 : b.id - a.id);

  before(async () => {
    dir = await tempDir();
    store = openSqliteStore(join(dir, 'invented.db'));
    stories = inventedStories(7, 400);
    for (const s of stories) {
      storyDate.set(s.hash, s.result.date);
      storyText.set(s.hash, `${s.result.headline ?? ''}\n${s.result.text}`);
    }
    // in a few transactions, as ingest does
    for (let i = 0; i < stories.length; i += 64) store.putStories(stories.slice(i, i + 64), FP);
    all = allPages(store, {}, 1000);
  });
  after(async () => {
    store.close();
    await removeDir(dir);
  });

  test('everything stored: counts match the stories', () => {
    const events = stories.reduce((n, s) => n + s.result.events.length, 0);
    assert.ok(events > 500, `${events} events`);
    assert.equal(all.length, events);
    const st = store.stats();
    assert.equal(st.stories, stories.length);
    assert.equal(st.events, events);
    assert.equal(st.sentences, stories.length * 3);
    assert.equal(st.quotes, stories.filter((s) => s.result.quotes.length > 0).length);
    assert.equal(st.commitments, stories.reduce((n, s) => n + commitmentsOf(s.result).length, 0));
    assert.deepEqual(Object.keys(st.quad).sort(), ['1', '2', '3', '4', 'none']);
    assert.equal(Object.values(st.quad).reduce((a, b) => a + b, 0), events);
    assert.equal(st.quad['none'], all.filter((e) => e.cameo.quad === null).length);
    const codes = new Set<string>();
    for (const s of stories) {
      for (const e of s.result.events) {
        codes.add(e.source.code);
        if (e.target) codes.add(e.target.code);
      }
      for (const a of s.result.actors) codes.add(a.code);
    }
    assert.equal(st.actors, codes.size);
    // newest first, ties by id
    assert.deepEqual(all.map((e) => e.id), [...all].sort(newestFirst).map((e) => e.id));
    // each event equals what was stored
    const byStory = new Map(stories.map((s) => [s.hash, s]));
    for (const e of all.slice(0, 200)) {
      const s = byStory.get(e.story);
      assert.ok(s);
      assert.ok(s.result.events.some((r) => isDeepStrictEqual(r, recordOf(e))), `event ${e.id} reads back as stored`);
      assert.equal(e.headline, s.result.headline);
    }
  });

  const cases: [string, EventFilter, (e: StoredEvent) => boolean][] = [
    ['source CAN (prefix)', { source: 'CAN' }, (e) => e.source.code.startsWith('CAN')],
    ['source CANGOV (prefix)', { source: 'CANGOV' }, (e) => e.source.code.startsWith('CANGOV')],
    ['source lower case', { source: 'usa' }, (e) => e.source.code.startsWith('USA')],
    ['target IGO', { target: 'IGO' }, (e) => e.target?.code.startsWith('IGO') === true],
    ['actor USA (either side)', { actor: 'USA' }, (e) => e.source.code.startsWith('USA') || e.target?.code.startsWith('USA') === true],
    ['country IRQ (either side)', { country: 'IRQ' }, (e) => e.source.country === 'IRQ' || e.target?.country === 'IRQ'],
    ['cameo 13', { cameo: '13' }, (e) => e.cameo.code.startsWith('13')],
    ['cameo 139', { cameo: '139' }, (e) => e.cameo.code.startsWith('139')],
    ['cameo 08', { cameo: '08' }, (e) => e.cameo.code.startsWith('08')],
    ['root 19', { root: '19' }, (e) => e.cameo.root === '19'],
    ['plover THREATEN', { plover: 'THREATEN' }, (e) => e.plover.type === 'THREATEN'],
    ['quad 4', { quad: 4 }, (e) => e.cameo.quad === 4],
    ['quad 1', { quad: 1 }, (e) => e.cameo.quad === 1],
    ['from', { from: '2008-03-01' }, (e) => day(e) >= '2008-03-01'],
    ['to (inclusive)', { to: '2008-03-15' }, (e) => day(e) !== '' && day(e) <= '2008-03-15'],
    ['from and to', { from: '2008-02-10', to: '2008-04-20' }, (e) => day(e) >= '2008-02-10' && day(e) <= '2008-04-20'],
    ['placeCountry FJI', { placeCountry: 'FJI' }, (e) => e.place?.country === 'FJI'],
    ['near Mosul 100 km', { near: { lat: 36.34, lon: 43.13, radiusKm: 100 } }, (e) => e.place !== null && greatCircleKm(36.34, 43.13, e.place.lat, e.place.lon) <= 100],
    ['near Mosul 400 km (Baghdad too)', { near: { lat: 36.34, lon: 43.13, radiusKm: 400 } }, (e) => e.place !== null && greatCircleKm(36.34, 43.13, e.place.lat, e.place.lon) <= 400],
    ['near Suva 300 km (across the antimeridian)', { near: { lat: -18.14, lon: 178.44, radiusKm: 300 } }, (e) => e.place !== null && greatCircleKm(-18.14, 178.44, e.place.lat, e.place.lon) <= 300],
    ['near the North Pole 1500 km', { near: { lat: 89.5, lon: 0, radiusKm: 1500 } }, (e) => e.place !== null && greatCircleKm(89.5, 0, e.place.lat, e.place.lon) <= 1500],
    ['q ultimatum', { q: 'ultimatum' }, (e) => /\bultimatum\b/i.test(storyText.get(e.story) ?? '')],
    ['q two words, all required', { q: 'ultimatum, PIPELINE!' }, (e) => /\bultimatum\b/i.test(storyText.get(e.story) ?? '') && /\bpipeline\b/i.test(storyText.get(e.story) ?? '')],
    ['q with stemming: "talk" finds "talks"', { q: 'talk' }, (e) => /\btalks\b/i.test(storyText.get(e.story) ?? '')],
    ['mixed: source CAN, quad 3, from March', { source: 'CAN', quad: 3, from: '2008-03-01' }, (e) => e.source.code.startsWith('CAN') && e.cameo.quad === 3 && day(e) >= '2008-03-01'],
    ['mixed: actor IRQ, q troops, place country IRQ', { actor: 'IRQ', q: 'troops', placeCountry: 'IRQ' }, (e) => (e.source.code.startsWith('IRQ') || e.target?.code.startsWith('IRQ') === true) && /\btroops\b/i.test(storyText.get(e.story) ?? '') && e.place?.country === 'IRQ'],
    ['empty prefixes are no filter', { source: '', target: '' }, () => true],
  ];

  for (const [name, filter, keep] of cases) {
    test(`filter: ${name}`, () => {
      const expected = all.filter(keep);
      const got = allPages(store, filter, 1000);
      assert.deepEqual(got.map((e) => e.id), expected.map((e) => e.id));
      // pages of 7 cover the same rows exactly once, in the same order
      const paged = allPages(store, filter, 7);
      assert.deepEqual(paged.map((e) => e.id), expected.map((e) => e.id));
    });
  }

  test('non-empty cases really select something (the reference is not vacuous)', () => {
    for (const [name, , keep] of cases) {
      const n = all.filter(keep).length;
      assert.ok(n > 0, `${name}: nothing to find`);
      if (!name.startsWith('empty')) assert.ok(n < all.length, `${name}: everything matches`);
    }
  });

  test('filter: story', () => {
    const s = stories.find((x) => x.result.events.length >= 2);
    assert.ok(s);
    const got = allPages(store, { story: s.hash }, 1);
    assert.equal(got.length, s.result.events.length);
    assert.ok(got.every((e) => e.story === s.hash));
    assert.equal(allPages(store, { story: 'f'.repeat(64) }, 10).length, 0);
  });

  test('cursor pagination: every row exactly once, for several page sizes', () => {
    for (const size of [1, 2, 3, 50, all.length, all.length + 1]) {
      const ids = allPages(store, {}, size).map((e) => e.id);
      assert.equal(new Set(ids).size, ids.length, `size ${size}: duplicates`);
      assert.deepEqual(ids, all.map((e) => e.id), `size ${size}`);
    }
    const last = store.queryEvents({}, { limit: all.length, cursor: null });
    assert.equal(last.next, null, 'no next page after the last row');
  });

  test('a malformed cursor is an InvalidQueryError', () => {
    const good = store.queryEvents({}, { limit: 2, cursor: null }).next;
    assert.ok(good);
    assert.deepEqual(decodeCursor(encodeCursor('2008-03-01', 5)), { day: '2008-03-01', id: 5 });
    const bad = [
      '', '!!!', 'abc', good + '=', good.slice(0, -2), Buffer.from('[1,2]').toString('base64url'), Buffer.from('["x"]').toString('base64url'),
      Buffer.from('{"day":"x","id":1}').toString('base64url'), Buffer.from('["2008",-1]').toString('base64url'), Buffer.from('["2008",1.5]').toString('base64url'),
      Buffer.from("[\"') OR 1=1 --\",1]").toString('base64url').replace(/[A-Z]/g, (c) => c.toLowerCase()), 'x'.repeat(500),
    ];
    for (const c of bad) assert.throws(() => store.queryEvents({}, { limit: 5, cursor: c }), InvalidQueryError, JSON.stringify(c));
  });

  test('bad filter values and limits are InvalidQueryErrors', () => {
    const bad: EventFilter[] = [
      { source: "CAN' OR 1=1 --" }, { quad: 5 as 1 }, { from: 'yesterday' }, { to: '2008-13' }, { from: '2008-05-01', to: '2008-04-01' },
      { near: { lat: 91, lon: 0, radiusKm: 10 } }, { near: { lat: 0, lon: 181, radiusKm: 10 } }, { near: { lat: 0, lon: 0, radiusKm: 0 } },
      { near: { lat: Number.NaN, lon: 0, radiusKm: 10 } }, { q: '' }, { q: '   ' }, { q: '"*"' }, { q: '() -- ;' }, { country: 'a b' },
    ];
    for (const f of bad) assert.throws(() => store.queryEvents(f, { limit: 5, cursor: null }), InvalidQueryError, JSON.stringify(f));
    for (const limit of [0, -1, 1.5, 10_001, Number.NaN]) assert.throws(() => store.queryEvents({}, { limit, cursor: null }), InvalidQueryError);
    assert.throws(() => store.topDyads({}, 0), InvalidQueryError);
    assert.throws(() => store.places({ quad: 7 as 1 }, 10), InvalidQueryError);
  });

  test('hostile full-text queries: only InvalidQueryError, never an FTS or SQL error, never a change', () => {
    const before = JSON.stringify(store.stats());
    const hostile = [
      '"', "'", '*', 'NEAR(', 'NEAR(ultimatum talks', "') OR 1=1 --", '" OR 1=1 --', 'ultimatum"', '"ultimatum', 'ultimatum*', 'ult*',
      'headline:ultimatum', 'text: talks', '^ultimatum', 'ultimatum AND', 'OR', 'NOT talks', 'talks NOT', 'AND OR NOT', '-talks', '+talks',
      '(talks', 'talks)', '{headline text}: talks', 'talks; DROP TABLE stories; --', 'x\u0000y', '\u0000', '😀', 'ﬁre', 'é', 'talks'.repeat(300),
      Array.from({ length: 70 }, (_, i) => `w${i}`).join(' '), '"""', "''", '\\', '%', '_', 'stories_fts', 'rank', 'bm25(stories_fts)',
    ];
    for (const q of hostile) {
      try {
        const page = store.queryEvents({ q }, { limit: 5, cursor: null });
        assert.ok(Array.isArray(page.events));
      } catch (e) {
        assert.ok(e instanceof InvalidQueryError, `${JSON.stringify(q).slice(0, 60)}: ${String(e)}`);
      }
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 20 }), (q, other) => {
        for (const f of [{ q }, { q: `${q} ${other}` }, { q: `"${q}` }, { q, source: 'CAN' }]) {
          try {
            store.queryEvents(f, { limit: 3, cursor: null });
            store.monthly(f);
            store.commitments(f, 3);
          } catch (e) {
            if (!(e instanceof InvalidQueryError)) throw e;
          }
        }
      }),
      { numRuns: 300 },
    );
    assert.equal(JSON.stringify(store.stats()), before);
    // the query text is quoted words: FTS syntax never survives
    assert.equal(ftsQuery('NEAR(a b) OR c*'), '"NEAR" AND "a" AND "b" AND "OR" AND "c"');
    assert.equal(ftsQuery(`x"y`), '"x" AND "y"');
  });

  test('hostile values in the other filters are bound, never SQL', () => {
    const before = JSON.stringify(store.stats());
    const values = ["') OR 1=1 --", "CAN'--", 'CAN"', 'CAN;DROP', '%', '_', 'CAN%'];
    for (const v of values) {
      for (const f of [{ source: v }, { target: v }, { actor: v }, { country: v }, { cameo: v }, { root: v }, { plover: v }, { placeCountry: v }, { story: v }] as EventFilter[]) {
        try {
          const page = store.queryEvents(f, { limit: 5, cursor: null });
          assert.equal(page.events.length, 0, `${JSON.stringify(f)} matched something`);
        } catch (e) {
          assert.ok(e instanceof InvalidQueryError, String(e));
        }
      }
    }
    assert.equal(JSON.stringify(store.stats()), before);
  });

  test('monthly: events and mean Goldstein per month and QuadClass', () => {
    for (const filter of [{}, { source: 'CAN' }, { quad: 3 }, { q: 'ultimatum' }] as EventFilter[]) {
      const expected = new Map<string, { events: number; sum: number; n: number }>();
      for (const e of allPages(store, filter, 1000)) {
        if (day(e) === '') continue;
        const key = `${day(e).slice(0, 7)}|${e.cameo.quad}`;
        const x = expected.get(key) ?? { events: 0, sum: 0, n: 0 };
        x.events += 1;
        if (e.cameo.goldstein !== null) {
          x.sum += e.cameo.goldstein;
          x.n += 1;
        }
        expected.set(key, x);
      }
      const rows = store.monthly(filter);
      assert.equal(rows.length, expected.size);
      for (const r of rows) {
        const x = expected.get(`${r.month}|${r.quad}`);
        assert.ok(x, `${r.month} ${r.quad}`);
        assert.equal(r.events, x.events);
        if (x.n === 0) assert.equal(r.goldstein, null);
        else assert.ok(Math.abs((r.goldstein ?? Number.NaN) - x.sum / x.n) < 1e-9);
      }
      assert.deepEqual(rows.map((r) => r.month), [...rows.map((r) => r.month)].sort());
    }
  });

  test('topDyads: source → target pairs by count', () => {
    const counts = new Map<string, number>();
    for (const e of all) if (e.target) counts.set(`${e.source.code}>${e.target.code}`, (counts.get(`${e.source.code}>${e.target.code}`) ?? 0) + 1);
    const rows = store.topDyads({}, 5);
    assert.equal(rows.length, 5);
    const top = Math.max(...counts.values());
    assert.equal(rows[0]?.events, top);
    for (const r of rows) assert.equal(r.events, counts.get(`${r.source}>${r.target}`));
    for (let i = 1; i < rows.length; i++) assert.ok((rows[i - 1]?.events ?? 0) >= (rows[i]?.events ?? 0));
    const filtered = store.topDyads({ source: 'IRQ' }, 100);
    assert.ok(filtered.length > 0 && filtered.every((r) => r.source.startsWith('IRQ')));
  });

  test('dyadGoldstein: per month for source/target prefixes within the filter', () => {
    const keep = (e: StoredEvent): boolean => e.source.code.startsWith('CAN') && e.target?.code.startsWith('IRQ') === true && day(e) !== '';
    const months = new Map<string, StoredEvent[]>();
    for (const e of all.filter(keep)) months.set(day(e).slice(0, 7), [...(months.get(day(e).slice(0, 7)) ?? []), e]);
    const rows = store.dyadGoldstein({}, 'CAN', 'IRQ');
    assert.deepEqual(rows.map((r) => [r.month, r.events]), [...months.entries()].sort().map(([m, es]) => [m, es.length]));
    assert.ok(rows.every((r) => r.quad === null));
    const quad4 = store.dyadGoldstein({ quad: 4 }, 'CAN', 'IRQ');
    assert.equal(quad4.reduce((n, r) => n + r.events, 0), all.filter((e) => keep(e) && e.cameo.quad === 4).length);
    assert.deepEqual(store.dyadGoldstein({}, '', ''), store.dyadGoldstein({}, '', ''));
  });

  test('places: grouped, counted, with the newest story', () => {
    const rows = store.places({}, 100);
    assert.equal(rows.length, new Set(all.filter((e) => e.place).map((e) => `${e.place?.name}|${e.place?.lat}`)).size);
    for (const r of rows) {
      const here = all.filter((e) => e.place?.name === r.name && e.place.lat === r.lat && e.place.lon === r.lon);
      assert.equal(r.events, here.length);
      assert.equal(r.story, here[0]?.story, `${r.name}: the newest event's story`);
      assert.equal(r.country, PLACES.find((p) => p.name === r.name)?.country);
    }
    const fiji = store.places({ placeCountry: 'FJI' }, 100);
    assert.deepEqual(fiji.map((r) => r.name).sort(), ['Suva', 'Taveuni']);
    assert.equal(store.places({}, 2).length, 2);
  });

  test('commitments: threats, pledges and demands under the events filter, newest first', () => {
    const expected = all.filter((e) => commitmentKind(e) !== null);
    const rows = store.commitments({}, 10_000);
    assert.deepEqual(rows.map((c) => `${c.story}#${c.cameo}#${c.action}`), expected.map((e) => `${e.story}#${e.cameo.code}#${e.verb.text}`));
    assert.ok(rows.every((c) => c.date === null || /^\d{4}-\d{2}/.test(c.date)));
    const threats = store.commitments({ root: '13', source: 'CAN' }, 10_000);
    assert.equal(threats.length, expected.filter((e) => e.cameo.root === '13' && e.source.code.startsWith('CAN')).length);
    assert.ok(threats.every((c) => c.kind === 'threat' && c.actor.code.startsWith('CAN')));
    assert.equal(store.commitments({}, 3).length, 3);
  });

  test('meta: get and set', () => {
    assert.equal(store.getMeta('token'), null);
    store.setMeta('token', 'abc');
    store.setMeta('token', 'def');
    assert.equal(store.getMeta('token'), 'def');
  });
});

describe('storing again', () => {
  let dir: string;
  before(async () => {
    dir = await tempDir();
  });
  after(async () => {
    await removeDir(dir);
  });

  test('same fingerprint: unchanged, nothing written; another fingerprint: re-coded in place, counts stay', () => {
    const path = join(dir, 'recode.db');
    const store = openSqliteStore(path);
    const stories = inventedStories(11, 30);
    assert.deepEqual(new Set(store.putStories(stories, 'A')), new Set(['stored']));
    const stats = store.stats();
    const target = stories.find((s) => s.result.events.length >= 2);
    assert.ok(target);
    const first = store.getStory(target.hash);
    assert.ok(first);
    assert.deepEqual(new Set(store.putStories(stories, 'A')), new Set(['unchanged']));
    assert.deepEqual(store.getStory(target.hash), first, 'same fingerprint: not touched (coded_at and ids the same)');
    assert.deepEqual(store.coderOf(stories.map((s) => s.hash)), new Map(stories.map((s) => [s.hash, 'A'])));

    assert.deepEqual(new Set(store.putStories(stories, 'B')), new Set(['recoded']));
    assert.deepEqual(store.stats(), stats, 'the same results under a new fingerprint: the same counts');
    const second = store.getStory(target.hash);
    assert.ok(second);
    assert.equal(second.coder, 'B');
    assert.deepEqual(second.events.map(recordOf), first.events.map(recordOf));
    assert.ok(second.events.every((e) => !first.events.some((f) => f.id === e.id)), 'the events were replaced');

    // a re-code that codes differently replaces what the story had, and the full text follows the new text
    const changed: StoryToStore = {
      ...target,
      result: { ...target.result, text: `${target.result.text}\nA zeppelin appeared.`, events: target.result.events.slice(0, 1), quotes: [] },
    };
    assert.deepEqual(store.putStories([changed], 'C'), ['recoded']);
    const after = store.stats();
    assert.equal(after.stories, stats.stories);
    assert.equal(after.events, stats.events - (target.result.events.length - 1));
    assert.equal(store.queryEvents({ q: 'zeppelin' }, { limit: 10, cursor: null }).events.length, 1);
    assert.equal(store.queryEvents({ story: target.hash }, { limit: 10, cursor: null }).events.length, 1);
    store.close();
    // the full-text index agrees with its content table
    const db = new Database(path);
    db.prepare("INSERT INTO stories_fts(stories_fts) VALUES ('integrity-check')").run();
    const rowids = db.prepare('SELECT COUNT(*) FROM stories').pluck().get();
    assert.equal(rowids, stories.length);
    db.close();
  });

  test('a hash twice in one call is stored once; the UNIQUE constraint holds', () => {
    const path = join(dir, 'twice.db');
    const store = openSqliteStore(path);
    const [s] = inventedStories(3, 1);
    assert.ok(s);
    assert.deepEqual(store.putStories([s, { ...s, origin: 'other-file.txt' }], 'A'), ['stored', 'unchanged']);
    assert.equal(store.stats().stories, 1);
    store.close();
    const db = new Database(path);
    assert.throws(
      () => db.prepare("INSERT INTO stories (hash, doc, has_dateline, reporters, editors, origin, text, repairs, warnings, coder, coded_at) VALUES (?, 'd', 0, '[]', '[]', 'o', 't', '[]', '[]', 'c', 'now')").run(s.hash),
      /UNIQUE/,
    );
    db.close();
  });

  test('a read-only store reads and refuses to write; a missing file is an error naming it', () => {
    const path = join(dir, 'ro.db');
    const w = openSqliteStore(path);
    w.putStories(inventedStories(5, 3), 'A');
    w.close();
    const r = openSqliteStore(path, { readonly: true });
    assert.equal(r.stats().stories, 3);
    assert.throws(() => r.putStories(inventedStories(6, 1), 'A'), /readonly/i);
    r.close();
    assert.throws(() => openSqliteStore(join(dir, 'missing.db'), { readonly: true }), /missing\.db/);
  });
});
