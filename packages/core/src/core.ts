/**
 * The API in one object: the three services over a store and a driver,
 * plus the background work (running operation steps, sweeping expired
 * snapshots and request ids). ovc-server and ovc-mock are thin shells around
 * it that add HTTP, a store and a driver.
 */
import type { DescService } from "@bufbuild/protobuf";
import type { ConnectRouter, ServiceImpl } from "@connectrpc/connect";
import {
  HostClusterService,
  OperationService,
  ProjectService,
  SnapshotService,
  Snapshot_Phase,
  VClusterService,
  type Operation,
  type Project,
  type Snapshot,
  type VCluster,
} from "@open-vcluster/sdk";
import type { Driver } from "./driver.js";
import { DEFAULT_OPTIONS, type CoreContext, type CoreOptions } from "./engine/context.js";
import { OperationRunner } from "./engine/runner.js";
import { randomIds, type IdGenerator } from "./ids.js";
import { systemClock, type Clock } from "./runtime/clock.js";
import { MemoryStore } from "./store/memory-store.js";
import type { Store } from "./store/store.js";
import { WatchHub } from "./watch/index.js";
import { seedOperations, seedSnapshots, seedVClusters } from "./engine/seed.js";
import { operationService } from "./api/operations.js";
import { beginSnapshotDelete, snapshotService } from "./api/snapshots.js";
import { vclusterService } from "./api/vclusters.js";
import { hostClusterService } from "./api/host-clusters.js";
import { DEFAULT_SERVER_CONFIG, type ServerConfigSettings } from "./rules/server-config.js";
import { atomically } from "./engine/atomic.js";
import { projectService } from "./api/projects.js";
import { ensureProject } from "./projects/require.js";
import { invalidArgument } from "./errors.js";

const PROJECT_NAME = /^projects\/[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** A service with its implementation, for any host: a Connect router, or an in-process transport. */
export interface ServiceEntry {
  readonly service: DescService;
  /** Each RPC's handler, by its local name (e.g. `getVCluster`). */
  readonly handlers: Readonly<Record<string, unknown>>;
  register(router: ConnectRouter): void;
}

export function serviceEntry<S extends DescService>(service: S, impl: ServiceImpl<S>): ServiceEntry {
  return { service, handlers: impl, register: (router) => router.service(service, impl) };
}

export interface CoreDeps {
  driver: Driver;
  /** Default: a MemoryStore. */
  store?: Store;
  /** Default: the system clock. */
  clock?: Clock;
  /** Default: random ids. */
  ids?: IdGenerator;
  options?: CoreOptions;
  /** Default: the driver's (`driver.serverConfig()`), else DEFAULT_SERVER_CONFIG. */
  serverConfig?: ServerConfigSettings;
}

export class Core {
  readonly ctx: CoreContext;
  readonly runner: OperationRunner;
  readonly vclusters: ServiceImpl<typeof VClusterService>;
  readonly snapshots: ServiceImpl<typeof SnapshotService>;
  readonly operations: ServiceImpl<typeof OperationService>;
  readonly hostClusters: ServiceImpl<typeof HostClusterService>;
  readonly projects: ServiceImpl<typeof ProjectService>;
  private sweeper: AbortController | undefined;

  constructor(deps: CoreDeps) {
    const store = deps.store ?? new MemoryStore();
    const clock = deps.clock ?? systemClock;
    const options = { ...DEFAULT_OPTIONS, ...deps.options };
    this.ctx = {
      store,
      driver: deps.driver,
      clock,
      ids: deps.ids ?? randomIds,
      options,
      hub: newHub(store, clock, options),
      serverConfig: deps.serverConfig ?? deps.driver.serverConfig?.() ?? DEFAULT_SERVER_CONFIG,
    };
    this.runner = new OperationRunner(this.ctx);
    this.vclusters = vclusterService(this.ctx, this.runner);
    this.snapshots = snapshotService(this.ctx, this.runner);
    this.operations = operationService(this.ctx, this.runner);
    this.hostClusters = hostClusterService(() => this.ctx.serverConfig);
    this.projects = projectService(this.ctx);
  }

  /** The services with their implementations, for any host (a router, an in-process transport). */
  get services(): readonly ServiceEntry[] {
    return [
      serviceEntry(ProjectService, this.projects),
      serviceEntry(VClusterService, this.vclusters),
      serviceEntry(SnapshotService, this.snapshots),
      serviceEntry(OperationService, this.operations),
      serviceEntry(HostClusterService, this.hostClusters),
    ];
  }

  /** Registers the services on a Connect router. */
  routes(router: ConnectRouter): void {
    for (const entry of this.services) entry.register(router);
  }

  /** Resumes unfinished operations and starts the sweeper. */
  start(): void {
    this.runner.resumeUnfinished();
    this.startSweeper();
  }

  /** Deletes expired snapshots and forgets expired request ids. */
  sweep(): void {
    const now = this.ctx.clock.now().getTime();
    atomically(this.ctx, () => this.ctx.store.purgeIdempotency(now));
    for (const snapshot of this.ctx.store.listExpiringSnapshots()) {
      const expire = snapshot.expireTime;
      if (!expire || Number(expire.seconds) * 1000 + expire.nanos / 1e6 > now) continue;
      if (snapshot.phase !== Snapshot_Phase.SUCCEEDED && snapshot.phase !== Snapshot_Phase.FAILED) continue;
      try {
        const op = atomically(this.ctx, () => beginSnapshotDelete(this.ctx, snapshot.name, ""));
        this.runner.dispatch(op.operation.name);
      } catch {
        // In use by a restore: it expires on a later sweep.
      }
    }
  }

  private startSweeper(): void {
    this.sweeper?.abort();
    const controller = (this.sweeper = new AbortController());
    const loop = async () => {
      while (!controller.signal.aborted) {
        await this.ctx.clock.sleep(this.ctx.options.sweepIntervalMs, controller.signal);
        this.sweep();
      }
    };
    loop().catch(() => {
      // Aborted: the core is closing or resetting.
    });
  }

  /** Creates `projects/{id}` unless it exists (ovc-server's `default` project). */
  ensureProject(id: string): Project {
    return atomically(this.ctx, () => ensureProject(this.ctx, `projects/${id}`));
  }

  /**
   * Adds resources as they are given (the mock's Seed and `--seed`), with the
   * projects they name (and `projects`, ids or `projects/{id}` names), so a
   * seed works without auto-created projects too.
   */
  seed(input: {
    projects?: readonly string[];
    vclusters?: readonly VCluster[];
    snapshots?: readonly Snapshot[];
    operations?: readonly Operation[];
  }): {
    vclusters: VCluster[];
    snapshots: Snapshot[];
    operations: Operation[];
  } {
    // One transaction: a seed with one bad item adds nothing.
    return atomically(this.ctx, () => {
      const seeded = {
        vclusters: seedVClusters(this.ctx, input.vclusters ?? []),
        snapshots: seedSnapshots(this.ctx, input.snapshots ?? []),
        operations: seedOperations(this.ctx, input.operations ?? []),
      };
      const projects = (input.projects ?? []).map((p, i) => {
        const name = p.startsWith("projects/") ? p : `projects/${p}`;
        if (!PROJECT_NAME.test(name)) throw invalidArgument(`projects[${i}]: "${p}" is not a project id or projects/{project}`);
        return name;
      });
      const resources = [...seeded.vclusters, ...seeded.snapshots, ...seeded.operations].map((r) => r.name);
      for (const name of [...projects, ...resources]) ensureProject(this.ctx, name);
      return seeded;
    });
  }

  /** Forgets everything (the mock's Reset): operations stop, watchers end, the store empties. */
  async reset(): Promise<void> {
    await this.runner.reset();
    this.ctx.hub.close();
    atomically(this.ctx, () => this.ctx.store.clear());
    this.ctx.hub = newHub(this.ctx.store, this.ctx.clock, this.ctx.options);
    this.startSweeper();
  }

  /** Stops background work; unfinished operations resume on the next start. */
  async close(): Promise<void> {
    this.sweeper?.abort();
    this.ctx.hub.close();
    await this.runner.close();
  }
}

function newHub(store: Store, clock: Clock, options: Required<CoreOptions>): WatchHub<VCluster> {
  return new WatchHub<VCluster>({
    startVersion: store.getWatchVersion().toString(),
    retention: options.watchRetention,
    defaultBufferSize: options.watchBufferSize,
    clock: () => clock.now().getTime(),
  });
}
