/**
 * Serialized events (the `record` column of migration 2) and the full-text cache: a page read as JSON
 * equals the page read as objects, a version-1 database gets its records when migrated, and
 * a cached full-text query sees stories written afterwards, through this connection or another.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { EventFilter, EventStore } from '../../src/store/types.js';
import { removeDir, tempDir } from '../ingest/fixtures.js';
import { inventedStories } from './fixtures.js';

const FP = 'fp-records';

function allJson(store: EventStore, filter: EventFilter): string[] {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { events: string[]; next: string | null } = store.queryEventsJson(filter, { limit: 37, cursor });
    out.push(...page.events);
    cursor = page.next;
  } while (cursor !== null);
  return out;
}

describe('event records', () => {
  let dir: string;
  let path: string;
  before(async () => {
    dir = await tempDir();
    path = join(dir, 'records.db');
  });
  after(async () => {
    await removeDir(dir);
  });

  test('a JSON page is the object page, serialized', () => {
    const store = openSqliteStore(path);
    try {
      store.putStories(inventedStories(11, 300), FP);
      for (const filter of [{}, { source: 'CAN' }, { quad: 4 as const }, { q: 'ultimatum' }, { placeCountry: 'IRQ' }]) {
        const objects = store.queryEvents(filter, { limit: 500, cursor: null }).events;
        const strings = store.queryEventsJson(filter, { limit: 500, cursor: null }).events;
        assert.equal(strings.length, objects.length);
        assert.deepEqual(strings.map((s) => JSON.parse(s) as unknown), objects);
        assert.ok(objects.length > 0, JSON.stringify(filter));
      }
    } finally {
      store.close();
    }
  });

  test('a version-1 database (no records) migrated to version 2 gets them, identical to those stored', () => {
    const first = openSqliteStore(path);
    const before = allJson(first, {});
    first.close();
    // take the database back to version 1: no record column, no covering index
    const raw = new Database(path);
    raw.exec('DROP INDEX events_scan; ALTER TABLE events DROP COLUMN record; PRAGMA user_version = 1;');
    assert.equal(raw.prepare("SELECT COUNT(*) FROM pragma_table_info('events') WHERE name = 'record'").pluck().get(), 0);
    raw.close();
    const reopened = openSqliteStore(path);
    try {
      assert.deepEqual(allJson(reopened, {}), before);
    } finally {
      reopened.close();
    }
    const check = new Database(path, { readonly: true });
    assert.equal(check.prepare('SELECT COUNT(*) FROM events WHERE record IS NULL').pluck().get(), 0);
    check.close();
  });

  test('a cached full-text query sees later writes from this connection and from another', () => {
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    try {
      const count = (s: EventStore): number => allJson(s, { q: 'zanzibar' }).length;
      assert.equal(count(a), 0); // cached: no story says it
      const story = inventedStories(99, 40, 100_000).find((s) => s.result.events.length > 0);
      assert.ok(story !== undefined);
      story.result.text += ' Zanzibar.';
      story.hash = `${story.hash.slice(0, 60)}beef`;
      assert.deepEqual(a.putStories([story], FP), ['stored']);
      assert.equal(count(a), story.result.events.length);
      assert.equal(count(b), story.result.events.length);
      const another = inventedStories(98, 40, 200_000).find((s) => s.result.events.length > 0);
      assert.ok(another !== undefined);
      another.result.text += ' Zanzibar again.';
      another.hash = `${another.hash.slice(0, 60)}cafe`;
      b.putStories([another], FP); // written by the other connection
      assert.equal(count(a), story.result.events.length + another.result.events.length);
    } finally {
      a.close();
      b.close();
    }
  });
});
