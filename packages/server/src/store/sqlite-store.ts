/**
 * The durable Store: one SQLite file (better-sqlite3, synchronous like the
 * Store interface) in WAL mode. Every core transaction is one SQLite
 * transaction, so a crash at any point leaves either all of a mutation or
 * none of it. Resources are protobuf binary; see migrations.ts for the schema.
 * This is the only file in the project that speaks SQL.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fromBinary, toBinary, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import { projectOf, type IdempotencyRecord, type OperationInternal, type Store, type StoredOperation } from "@open-vcluster/core";
import {
  OperationSchema,
  ProjectSchema,
  SnapshotSchema,
  VClusterSchema,
  type Project,
  type Snapshot,
  type VCluster,
} from "@open-vcluster/sdk";
import Database from "better-sqlite3";
import { MIGRATIONS } from "./migrations.js";

/** The file inside a data directory. */
export const DATABASE_FILE = "ovc-server.db";

export class NewerSchemaError extends Error {
  constructor(file: string, found: number, known: number) {
    super(
      `${file} has schema version ${found}, but this ovc-server knows versions up to ${known}: ` +
        `it was written by a newer ovc-server. Run that version (or newer), or start with another --data-dir.`,
    );
    this.name = "NewerSchemaError";
  }
}

type Row = { data: Buffer };
type OperationRow = { data: Buffer; internal: string };

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly sql: ReturnType<typeof prepare>;

  /** Opens (creating if needed) the database at `file` and brings its schema up to date. */
  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    try {
      // WAL: readers never block the writer and a commit is one append.
      // synchronous=FULL: a commit is on disk before the RPC answers, so
      // acknowledged work survives power loss too, not only a process crash.
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = FULL");
      this.db.pragma("foreign_keys = ON");
      migrate(this.db, file);
      this.sql = prepare(this.db);
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  /** The schema version of the open database. */
  get schemaVersion(): number {
    return this.db.pragma("user_version", { simple: true }) as number;
  }

  close(): void {
    this.db.close();
  }

  transaction<R>(fn: () => R): R {
    // Nested: part of the outer transaction, as in MemoryStore.
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn)();
  }

  getProject(name: string) {
    return decode(ProjectSchema, this.sql.getProject.get(name) as Row | undefined);
  }
  putProject(project: Project) {
    this.sql.putProject.run(project.name, encode(ProjectSchema, project));
  }
  deleteProject(name: string) {
    this.sql.deleteProject.run(name);
  }
  listProjects() {
    return decodeAll(ProjectSchema, this.sql.listProjects.all() as Row[]);
  }

  getVCluster(name: string) {
    return decode(VClusterSchema, this.sql.getVCluster.get(name) as Row | undefined);
  }
  putVCluster(vcluster: VCluster) {
    this.sql.putVCluster.run(vcluster.name, projectOf(vcluster.name), encode(VClusterSchema, vcluster));
  }
  deleteVCluster(name: string) {
    this.sql.deleteVCluster.run(name);
  }
  listVClusters(project: string) {
    return decodeAll(VClusterSchema, this.sql.listVClusters.all(project) as Row[]);
  }

  getSnapshot(name: string) {
    return decode(SnapshotSchema, this.sql.getSnapshot.get(name) as Row | undefined);
  }
  putSnapshot(snapshot: Snapshot) {
    const expiring = snapshot.expireTime !== undefined ? 1 : 0;
    this.sql.putSnapshot.run(snapshot.name, projectOf(snapshot.name), expiring, encode(SnapshotSchema, snapshot));
  }
  deleteSnapshot(name: string) {
    this.sql.deleteSnapshot.run(name);
  }
  listSnapshots(project: string) {
    return decodeAll(SnapshotSchema, this.sql.listSnapshots.all(project) as Row[]);
  }
  listExpiringSnapshots() {
    return decodeAll(SnapshotSchema, this.sql.listExpiringSnapshots.all() as Row[]);
  }

  getOperation(name: string) {
    return decodeOperation(this.sql.getOperation.get(name) as OperationRow | undefined);
  }
  putOperation(op: StoredOperation) {
    const name = op.operation.name;
    this.sql.putOperation.run(name, projectOf(name), op.operation.done ? 1 : 0, encode(OperationSchema, op.operation), JSON.stringify(op.internal));
  }
  listOperations(project: string) {
    return (this.sql.listOperations.all(project) as OperationRow[]).map((row) => decodeOperation(row) as StoredOperation);
  }
  listUnfinishedOperations() {
    return (this.sql.listUnfinishedOperations.all() as OperationRow[]).map((row) => decodeOperation(row) as StoredOperation);
  }

  getIdempotency(key: string) {
    const row = this.sql.getIdempotency.get(key) as { key: string; fingerprint: string; operation: string; expire_time: number } | undefined;
    return row && { key: row.key, fingerprint: row.fingerprint, operation: row.operation, expireTime: row.expire_time };
  }
  putIdempotency(record: IdempotencyRecord) {
    this.sql.putIdempotency.run(record.key, record.fingerprint, record.operation, record.expireTime);
  }
  purgeIdempotency(epochMs: number) {
    this.sql.purgeIdempotency.run(epochMs);
  }

  getWatchVersion() {
    const row = this.sql.getMeta.get("watch_version") as { value: string } | undefined;
    return row ? BigInt(row.value) : 0n;
  }
  setWatchVersion(version: bigint) {
    this.sql.putMeta.run("watch_version", version.toString());
  }

  clear() {
    this.transaction(() => {
      for (const table of ["projects", "vclusters", "snapshots", "operations", "idempotency"]) this.db.exec(`DELETE FROM ${table}`);
    });
  }
}

function migrate(db: Database.Database, file: string): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > MIGRATIONS.length) throw new NewerSchemaError(file, version, MIGRATIONS.length);
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      // user_version is part of the database header, so it commits with the migration.
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

function prepare(db: Database.Database) {
  const upsert = (table: string, columns: string[]) =>
    db.prepare(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")}) ` +
        `ON CONFLICT(${columns[0]}) DO UPDATE SET ${columns.slice(1).map((c) => `${c} = excluded.${c}`).join(", ")}`,
    );
  return {
    getProject: db.prepare("SELECT data FROM projects WHERE name = ?"),
    putProject: upsert("projects", ["name", "data"]),
    deleteProject: db.prepare("DELETE FROM projects WHERE name = ?"),
    listProjects: db.prepare("SELECT data FROM projects ORDER BY name"),
    getVCluster: db.prepare("SELECT data FROM vclusters WHERE name = ?"),
    putVCluster: upsert("vclusters", ["name", "project", "data"]),
    deleteVCluster: db.prepare("DELETE FROM vclusters WHERE name = ?"),
    listVClusters: db.prepare("SELECT data FROM vclusters WHERE project = ? ORDER BY name"),
    getSnapshot: db.prepare("SELECT data FROM snapshots WHERE name = ?"),
    putSnapshot: upsert("snapshots", ["name", "project", "expiring", "data"]),
    deleteSnapshot: db.prepare("DELETE FROM snapshots WHERE name = ?"),
    listSnapshots: db.prepare("SELECT data FROM snapshots WHERE project = ? ORDER BY name"),
    listExpiringSnapshots: db.prepare("SELECT data FROM snapshots WHERE expiring = 1"),
    getOperation: db.prepare("SELECT data, internal FROM operations WHERE name = ?"),
    putOperation: upsert("operations", ["name", "project", "done", "data", "internal"]),
    listOperations: db.prepare("SELECT data, internal FROM operations WHERE project = ? ORDER BY seq"),
    listUnfinishedOperations: db.prepare("SELECT data, internal FROM operations WHERE done = 0"),
    getIdempotency: db.prepare("SELECT key, fingerprint, operation, expire_time FROM idempotency WHERE key = ?"),
    putIdempotency: upsert("idempotency", ["key", "fingerprint", "operation", "expire_time"]),
    purgeIdempotency: db.prepare("DELETE FROM idempotency WHERE expire_time < ?"),
    getMeta: db.prepare("SELECT value FROM meta WHERE key = ?"),
    putMeta: upsert("meta", ["key", "value"]),
  };
}

function encode<Desc extends DescMessage>(schema: Desc, message: MessageShape<Desc>): Buffer {
  return Buffer.from(toBinary(schema, message));
}

function decode<Desc extends DescMessage>(schema: Desc, row: Row | undefined): MessageShape<Desc> | undefined {
  return row && fromBinary(schema, row.data);
}

function decodeAll<Desc extends DescMessage>(schema: Desc, rows: Row[]): MessageShape<Desc>[] {
  return rows.map((row) => fromBinary(schema, row.data));
}

function decodeOperation(row: OperationRow | undefined): StoredOperation | undefined {
  return row && { operation: fromBinary(OperationSchema, row.data), internal: JSON.parse(row.internal) as OperationInternal };
}
