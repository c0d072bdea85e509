/**
 * The SQLite store's schema, as numbered migrations. PRAGMA user_version holds
 * how many have run; at open the missing ones run in order, each in its own
 * transaction, and a database whose version is above MIGRATIONS.length was
 * written by a newer ovc-server and is refused rather than misread.
 *
 * Resources are stored as protobuf binary (`data`); the other columns exist
 * only because a store query needs them: the project for listing, the
 * creation order and `done` for operations, the expire time for sweeping.
 * Never edit a released migration: append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the first schema.
  `
  CREATE TABLE projects (
    name TEXT PRIMARY KEY,
    data BLOB NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE vclusters (
    name TEXT PRIMARY KEY,
    project TEXT NOT NULL,
    data BLOB NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX vclusters_by_project ON vclusters (project, name);

  CREATE TABLE snapshots (
    name TEXT PRIMARY KEY,
    project TEXT NOT NULL,
    expiring INTEGER NOT NULL,
    data BLOB NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX snapshots_by_project ON snapshots (project, name);
  CREATE INDEX snapshots_expiring ON snapshots (expiring) WHERE expiring = 1;

  -- seq keeps creation order (an upsert keeps the row, so its seq).
  CREATE TABLE operations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    project TEXT NOT NULL,
    done INTEGER NOT NULL,
    data BLOB NOT NULL,
    internal TEXT NOT NULL
  );
  CREATE INDEX operations_by_project ON operations (project, seq);
  CREATE INDEX operations_unfinished ON operations (done) WHERE done = 0;

  CREATE TABLE idempotency (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    operation TEXT NOT NULL,
    expire_time INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX idempotency_by_expiry ON idempotency (expire_time);

  -- One row per setting; 'watch_version' is the last watch version handed out.
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
];
