/**
 * The stores ovc-server can run on: `sqlite` (durable, the default) in a data
 * directory, or `memory` (everything is gone when the process ends).
 */
import { join } from "node:path";
import { MemoryStore, type Store } from "@open-vcluster/core";

export const STORES = ["sqlite", "memory"] as const;
export type StoreName = (typeof STORES)[number];

export interface OpenedStore {
  store: Store;
  /** Where the state lives, for the start banner: a file path, or "memory". */
  location: string;
  close(): void;
}

/**
 * Opens the store. sqlite-store.js (and better-sqlite3, a native addon built
 * for the Node that installed it) is loaded only here, for `sqlite`: importing
 * the package or running `--store memory` never needs the addon.
 */
export async function openStore(name: StoreName, dataDir: string): Promise<OpenedStore> {
  switch (name) {
    case "memory":
      return { store: new MemoryStore(), location: "memory (lost on exit)", close: () => {} };
    case "sqlite": {
      const { DATABASE_FILE, SqliteStore } = await import("./sqlite-store.js");
      const store = new SqliteStore(join(dataDir, DATABASE_FILE));
      return { store, location: store.file, close: () => store.close() };
    }
  }
}
