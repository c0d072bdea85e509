/**
 * An in-process API for core's tests: a Core over a MemoryStore and an
 * InMemoryDriver on a ControllableClock, served through Connect's router
 * transport so every call goes through real serialization and error mapping.
 */
import { createClient, createRouterTransport, type Client } from "@connectrpc/connect";
import { OperationService, SnapshotService, VClusterService } from "@open-vcluster/sdk";
import { ControllableClock, Core, InMemoryDriver, MemoryStore, sequentialIds, type CoreOptions } from "../../src/index.js";

export interface Harness {
  core: Core;
  driver: InMemoryDriver;
  clock: ControllableClock;
  store: MemoryStore;
  vclusters: Client<typeof VClusterService>;
  snapshots: Client<typeof SnapshotService>;
  operations: Client<typeof OperationService>;
  close(): Promise<void>;
}

export function createHarness(opts: { latencyMs?: number; options?: CoreOptions } = {}): Harness {
  const clock = new ControllableClock();
  const driver = new InMemoryDriver({ latencyMs: opts.latencyMs ?? 0 });
  const store = new MemoryStore();
  const core = new Core({ driver, store, clock, ids: sequentialIds(), ...(opts.options ? { options: opts.options } : {}) });
  core.start();
  // The tests' project; auto-creation is off by default, as on ovc-server.
  core.ensureProject("p");
  const transport = createRouterTransport((router) => core.routes(router));
  return {
    core,
    driver,
    clock,
    store,
    vclusters: createClient(VClusterService, transport),
    snapshots: createClient(SnapshotService, transport),
    operations: createClient(OperationService, transport),
    close: () => core.close(),
  };
}

/** Waits for an operation and returns its final state. */
export async function settle(h: Harness, name: string) {
  return h.operations.waitOperation({ name, timeout: { seconds: 5n } });
}
