/**
 * The SQLite store's schema, as an ordered list of migrations. `PRAGMA user_version` holds the version
 * of the last one applied; opening a store applies the missing ones, each in its own transaction, and
 * refuses a database written by a newer wirecoder. Never edit a released migration: add the next one.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  /** What it does, for error messages. */
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'stories, sentences, mentions, events, quantities, quotes, commitments, annotations, meta, full text',
    sql: `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE stories (
  id              INTEGER PRIMARY KEY,
  hash            TEXT NOT NULL UNIQUE,
  doc             TEXT NOT NULL,
  headline        TEXT,
  date            TEXT,
  url             TEXT,
  has_dateline    INTEGER NOT NULL,
  dateline_place  TEXT,
  dateline_agency TEXT,
  reporters       TEXT NOT NULL,
  editors         TEXT NOT NULL,
  origin          TEXT NOT NULL,
  text            TEXT NOT NULL,
  repairs         TEXT NOT NULL,
  warnings        TEXT NOT NULL,
  coder           TEXT NOT NULL,
  coded_at        TEXT NOT NULL
);

CREATE TABLE sentences (
  story_id INTEGER NOT NULL REFERENCES stories(id),
  idx      INTEGER NOT NULL,
  start    INTEGER NOT NULL,
  "end"    INTEGER NOT NULL,
  text     TEXT NOT NULL,
  PRIMARY KEY (story_id, idx)
) WITHOUT ROWID;

-- one row per span of an actor mention; grp numbers the story's (text, code) groups
CREATE TABLE mentions (
  id       INTEGER PRIMARY KEY,
  story_id INTEGER NOT NULL REFERENCES stories(id),
  grp      INTEGER NOT NULL,
  code     TEXT NOT NULL,
  text     TEXT NOT NULL,
  start    INTEGER NOT NULL,
  "end"    INTEGER NOT NULL
);
CREATE INDEX mentions_story ON mentions(story_id);
CREATE INDEX mentions_code ON mentions(code);

CREATE TABLE events (
  id                  INTEGER PRIMARY KEY,
  story_id            INTEGER NOT NULL REFERENCES stories(id),
  idx                 INTEGER NOT NULL,
  sentence            INTEGER NOT NULL,
  -- NULL when it is the text of its sentence (it always is for the coder's events)
  text                TEXT,
  date                TEXT,
  date_text           TEXT,
  -- the sort key: the event's date, else the story's, else ''
  day                 TEXT NOT NULL,
  source_code         TEXT NOT NULL,
  source_text         TEXT NOT NULL,
  source_country      TEXT,
  source_sectors      TEXT NOT NULL,
  source_name         TEXT,
  target_code         TEXT,
  target_text         TEXT,
  target_country      TEXT,
  target_sectors      TEXT,
  target_name         TEXT,
  cameo               TEXT NOT NULL,
  root                TEXT NOT NULL,
  quad                INTEGER,
  goldstein           REAL,
  plover_type         TEXT,
  plover_mode         TEXT,
  place_name          TEXT,
  place_country       TEXT,
  place_lat           REAL,
  place_lon           REAL,
  place_geonames      INTEGER,
  place_from_dateline INTEGER,
  condition           TEXT,
  deadline            TEXT,
  negated             INTEGER NOT NULL,
  modality            TEXT NOT NULL,
  speaker_code        TEXT,
  speaker_text        TEXT,
  speaker_country     TEXT,
  speaker_sectors     TEXT,
  speaker_name        TEXT,
  rule_id             TEXT NOT NULL,
  rule_file           TEXT NOT NULL,
  rule_line           INTEGER NOT NULL,
  verb_text           TEXT NOT NULL,
  verb_start          INTEGER NOT NULL,
  verb_end            INTEGER NOT NULL,
  quantities          TEXT NOT NULL
);
CREATE UNIQUE INDEX events_story ON events(story_id, idx);
-- keyset order (day DESC, id DESC); id is the rowid, so an index on (col, day) is in (col, day, id) order
CREATE INDEX events_day ON events(day, id);
-- covering for the monthly counts (streamed in day order)
CREATE INDEX events_month ON events(day, quad, goldstein);
-- actor prefixes are ranges; these also cover the dyad counts and the monthly counts of an actor
CREATE INDEX events_source ON events(source_code, target_code, day, quad, goldstein);
CREATE INDEX events_target ON events(target_code, source_code, day, quad, goldstein);
CREATE INDEX events_source_country ON events(source_country, day);
CREATE INDEX events_target_country ON events(target_country, day);
CREATE INDEX events_cameo ON events(cameo, day);
CREATE INDEX events_root ON events(root, day);
CREATE INDEX events_quad ON events(quad, day);
CREATE INDEX events_plover ON events(plover_type, day);
CREATE INDEX events_place_country ON events(place_country, day);
-- near (a latitude range, then longitude) and the places counts (streamed in place order)
CREATE INDEX events_place ON events(place_lat, place_lon, place_name, place_country, day, story_id);

CREATE TABLE quantities (
  event_id INTEGER NOT NULL REFERENCES events(id),
  idx      INTEGER NOT NULL,
  value    REAL NOT NULL,
  unit     TEXT NOT NULL,
  text     TEXT NOT NULL,
  start    INTEGER,
  "end"    INTEGER,
  PRIMARY KEY (event_id, idx)
) WITHOUT ROWID;

CREATE TABLE quotes (
  story_id      INTEGER NOT NULL REFERENCES stories(id),
  idx           INTEGER NOT NULL,
  text          TEXT NOT NULL,
  start         INTEGER NOT NULL,
  "end"         INTEGER NOT NULL,
  speaker_text  TEXT,
  speaker_code  TEXT,
  PRIMARY KEY (story_id, idx)
) WITHOUT ROWID;

CREATE TABLE commitments (
  id         INTEGER PRIMARY KEY,
  story_id   INTEGER NOT NULL REFERENCES stories(id),
  event_id   INTEGER NOT NULL REFERENCES events(id),
  idx        INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  event_idx  INTEGER NOT NULL,
  sentence   INTEGER NOT NULL,
  cameo      TEXT NOT NULL,
  action     TEXT NOT NULL,
  actor      TEXT NOT NULL,
  target     TEXT,
  quantities TEXT NOT NULL,
  condition  TEXT,
  deadline   TEXT,
  modality   TEXT NOT NULL
);
CREATE UNIQUE INDEX commitments_story ON commitments(story_id, idx);
CREATE INDEX commitments_event ON commitments(event_id);

CREATE TABLE annotations (
  story_id  INTEGER NOT NULL REFERENCES stories(id),
  idx       INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  start     INTEGER NOT NULL,
  "end"     INTEGER NOT NULL,
  label     TEXT NOT NULL,
  event_idx INTEGER,
  PRIMARY KEY (story_id, idx)
) WITHOUT ROWID;

-- full text over headline and (repaired) text; external content kept in step by triggers
CREATE VIRTUAL TABLE stories_fts USING fts5(
  headline, text, content='stories', content_rowid='id', tokenize='porter unicode61'
);
CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
  INSERT INTO stories_fts(rowid, headline, text) VALUES (new.id, new.headline, new.text);
END;
CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
  INSERT INTO stories_fts(stories_fts, rowid, headline, text) VALUES ('delete', old.id, old.headline, old.text);
END;
CREATE TRIGGER stories_fts_update AFTER UPDATE OF headline, text ON stories BEGIN
  INSERT INTO stories_fts(stories_fts, rowid, headline, text) VALUES ('delete', old.id, old.headline, old.text);
  INSERT INTO stories_fts(rowid, headline, text) VALUES (new.id, new.headline, new.text);
END;
`,
  },
  {
    version: 2,
    name: 'events keep the JSON the API sends (record); a covering index in page order (events_scan)',
    // Filled when an event is stored; rows of a version-1 database are filled right after this migration
    // (SqliteStore.backfillRecords). Reading a page is then one short row per event.
    // events_scan covers every filter column in page order: a page of a common filter is read from the
    // index alone and stops after `limit` matches.
    sql: `ALTER TABLE events ADD COLUMN record TEXT;
CREATE INDEX events_scan ON events (day, id, source_code, target_code, source_country, target_country, cameo, root, quad,
  plover_type, place_country, place_lat, place_lon, story_id);`,
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION: number = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);

/** A database this code cannot use as it is (newer schema, or read-only and not yet migrated). */
export class SchemaVersionError extends Error {
  override name = 'SchemaVersionError';
}

export function schemaVersion(db: Database.Database): number {
  const v = db.pragma('user_version', { simple: true });
  return typeof v === 'number' ? v : Number(v);
}

/**
 * Brings the database to SCHEMA_VERSION, one transaction per migration (a failed one leaves the
 * database at the previous version). `label` names the database in errors. Returns the versions applied.
 */
export function migrate(db: Database.Database, label: string, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  const current = schemaVersion(db);
  if (current > latest) {
    throw new SchemaVersionError(
      `${label}: database schema version ${current} is newer than this wirecoder knows (${latest}); use a newer wirecoder`,
    );
  }
  const applied: number[] = [];
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  for (const m of ordered) {
    if (m.version <= current) continue;
    if (!Number.isInteger(m.version) || m.version < 1) throw new Error(`migration ${m.version}: version must be a positive integer`);
    let ran = false;
    try {
      db.transaction(() => {
        if (schemaVersion(db) >= m.version) return; // another process got here first
        db.exec(m.sql);
        // pragmas take no parameters; the version is an integer from this file, never user input
        db.pragma(`user_version = ${m.version}`);
        ran = true;
      }).immediate();
    } catch (e) {
      throw new Error(`${label}: migration ${m.version} (${m.name}) failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (ran) applied.push(m.version);
  }
  return applied;
}
