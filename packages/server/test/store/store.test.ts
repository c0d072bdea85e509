/**
 * The Store contract against both stores, and what only the SQLite store
 * has: schema versions, and refusing a database from a newer ovc-server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryStore } from "@open-vcluster/core";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { NewerSchemaError, SqliteStore } from "../../src/store/sqlite-store.js";
import { storeContract } from "./store-contract.js";

const opened: SqliteStore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "ovc-store-"));
  dirs.push(dir);
  return join(dir, "data", "ovc-server.db");
}

function sqlite(file: string): SqliteStore {
  const store = new SqliteStore(file);
  opened.push(store);
  return store;
}

storeContract("MemoryStore", { open: () => new MemoryStore() });

let file = "";
storeContract("SqliteStore", {
  open: () => sqlite((file = tempFile())),
  reopen: () => sqlite(file),
});

describe("SqliteStore schema", () => {
  it("creates a database at the latest schema version, in WAL mode, and reopens it unchanged", () => {
    const f = tempFile();
    const s = sqlite(f);
    expect(s.schemaVersion).toBe(MIGRATIONS.length);
    s.close();
    opened.pop();
    const db = new Database(f, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
    expect(sqlite(f).schemaVersion).toBe(MIGRATIONS.length);
  });

  it("refuses a database written by a newer ovc-server, naming both versions, and leaves it untouched", () => {
    const f = tempFile();
    sqlite(f).close();
    opened.pop();
    const db = new Database(f);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    let error: unknown;
    try {
      sqlite(f);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(NewerSchemaError);
    expect((error as Error).message).toContain(`schema version ${MIGRATIONS.length + 1}`);
    expect((error as Error).message).toContain(`versions up to ${MIGRATIONS.length}`);
    expect((error as Error).message).toContain("newer ovc-server");
    const check = new Database(f, { readonly: true });
    expect(check.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length + 1);
    check.close();
  });
});
