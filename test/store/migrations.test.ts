/** Schema migrations: versions tracked by user_version, one transaction each, newer databases refused. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, MIGRATIONS, SCHEMA_VERSION, SchemaVersionError, schemaVersion } from '../../src/store/migrations.js';
import type { Migration } from '../../src/store/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { removeDir, tempDir } from '../ingest/fixtures.js';
import { inventedStories } from './fixtures.js';

let dir: string;
before(async () => {
  dir = await tempDir();
});
after(async () => {
  await removeDir(dir);
});

test('the migrations are ordered, numbered from 1 without gaps, and SCHEMA_VERSION is the last', () => {
  assert.deepEqual(MIGRATIONS.map((m) => m.version), MIGRATIONS.map((_, i) => i + 1));
  assert.equal(SCHEMA_VERSION, MIGRATIONS.length);
});

test('a new file gets every migration; opening it again applies none and keeps the data', () => {
  const path = join(dir, 'fresh.db');
  const store = openSqliteStore(path);
  store.putStories(inventedStories(1, 5), 'A');
  store.setMeta('k', 'v');
  store.close();
  const db = new Database(path);
  assert.equal(schemaVersion(db), SCHEMA_VERSION);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.deepEqual(migrate(db, path), [], 'nothing left to apply');
  db.close();
  const again = openSqliteStore(path);
  assert.equal(again.stats().stories, 5);
  assert.equal(again.getMeta('k'), 'v');
  again.close();
});

test('an existing database gets only the missing migrations, each in its own transaction', () => {
  const path = join(dir, 'existing.db');
  const store = openSqliteStore(path);
  store.putStories(inventedStories(2, 4), 'A');
  store.close();
  const next: Migration[] = [
    ...MIGRATIONS,
    { version: SCHEMA_VERSION + 1, name: 'a test column', sql: 'ALTER TABLE stories ADD COLUMN note TEXT; UPDATE stories SET note = \'migrated\';' },
  ];
  const db = new Database(path);
  assert.deepEqual(migrate(db, path, next), [SCHEMA_VERSION + 1]);
  assert.equal(schemaVersion(db), SCHEMA_VERSION + 1);
  assert.deepEqual(db.prepare('SELECT DISTINCT note FROM stories').pluck().all(), ['migrated']);
  assert.equal(db.prepare('SELECT COUNT(*) FROM stories').pluck().get(), 4);
  db.close();
  // this code knows fewer versions: a clear error, for writing and for reading
  assert.throws(() => openSqliteStore(path), (e: unknown) => e instanceof SchemaVersionError && /newer than this wirecoder knows/.test(e.message) && e.message.includes(path));
  assert.throws(() => openSqliteStore(path, { readonly: true }), SchemaVersionError);
});

test('a failing migration leaves the database at the version before it', () => {
  const path = join(dir, 'failing.db');
  openSqliteStore(path).close();
  const db = new Database(path);
  const broken: Migration[] = [
    ...MIGRATIONS,
    { version: SCHEMA_VERSION + 1, name: 'fine', sql: 'CREATE TABLE extra_ok (x INTEGER);' },
    { version: SCHEMA_VERSION + 2, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);' },
  ];
  assert.throws(() => migrate(db, path, broken), /migration \d+ \(broken\) failed: .*no_such_table/);
  assert.equal(schemaVersion(db), SCHEMA_VERSION + 1);
  assert.equal(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra_ok'").pluck().get(), 1);
  assert.equal(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get(), 0, 'rolled back');
  db.close();
});

test('a database of an older schema is migrated when opened for writing, refused for reading only', () => {
  const path = join(dir, 'old.db');
  const db = new Database(path);
  migrate(db, path, []); // an empty SQLite file: version 0
  db.close();
  assert.throws(() => openSqliteStore(path, { readonly: true }), /older than this wirecoder's/);
  const store = openSqliteStore(path);
  assert.equal(store.stats().stories, 0);
  store.close();
  const check = new Database(path);
  assert.equal(schemaVersion(check), SCHEMA_VERSION);
  check.close();
});

test('a file that is not a database is an error naming it', async () => {
  const { writeFile } = await import('node:fs/promises');
  const path = join(dir, 'not-a.db');
  await writeFile(path, 'this is not SQLite, just text that is long enough to look like a header '.repeat(20));
  assert.throws(() => openSqliteStore(path), (e: unknown) => e instanceof Error && e.message.includes(path));
});
