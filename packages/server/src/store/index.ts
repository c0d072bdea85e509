/**
 * The stores ovc-server can run on: `sqlite` (durable, the default) in a data
 * directory, or `memory` (everything is gone when the process ends).
 */
import { join } from "node:path";
import { MemoryStore, type Store } from "@open-vcluster/core";
import { DATABASE_FILE, SqliteStore } from "./sqlite-store.js";

export const STORES = ["sqlite", "memory"] as const;
export type StoreName = (typeof STORES)[number];

export interface OpenedStore {
  store: Store;
  /** Where the state lives, for the start banner: a file path, or "memory". */
  location: string;
  close(): void;
}

export function openStore(name: StoreName, dataDir: string): OpenedStore {
  switch (name) {
    case "memory":
      return { store: new MemoryStore(), location: "memory (lost on exit)", close: () => {} };
    case "sqlite": {
      const store = new SqliteStore(join(dataDir, DATABASE_FILE));
      return { store, location: store.file, close: () => store.close() };
    }
  }
}
