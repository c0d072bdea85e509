/**
 * Everything a request handler or the operation runner needs, in one place.
 */
import type { OperationVerb, VCluster } from "@open-vcluster/sdk";
import type { Driver } from "../driver.js";
import type { IdGenerator } from "../ids.js";
import type { Clock } from "../runtime/clock.js";
import type { ServerConfigSettings } from "../rules/server-config.js";
import type { Store } from "../store/store.js";
import type { WatchChange, WatchHub } from "../watch/index.js";

export interface CoreOptions {
  /** How long request ids are remembered (AIP-155 asks for >= 24 h). Default: 24 h. */
  idempotencyTtlMs?: number;
  /** The chart version installed when a spec names none. */
  defaultChartVersion?: string;
  /** The Kubernetes version of a vcluster whose spec names none. */
  defaultKubernetesVersion?: string;
  /** How often expired snapshots and request ids are swept. Default: 60 s. */
  sweepIntervalMs?: number;
  /** Events the watch log keeps for resuming. Default: 10,000. */
  watchRetention?: number;
  /** Buffered events after which a slow watcher is disconnected. Default: 1,024. */
  watchBufferSize?: number;
  /**
   * Create a project on first use instead of answering NOT_FOUND: a mutation
   * naming an unknown project creates it; a read sees it as empty. Default:
   * false (ovc-mock turns it on). See projects/require.ts.
   */
  autoCreateProjects?: boolean;
  /** Quiet time after which a watch stream gets a BOOKMARK, on core's clock. Default: 30 s. */
  watchHeartbeatMs?: number;
  /** Per-verb operation time limits overriding the defaults of engine/deadlines.ts (30 min create/restore, 15 min others). */
  operationTimeoutsMs?: Partial<Record<OperationVerb, number>>;
}

export interface CoreContext {
  readonly store: Store;
  readonly driver: Driver;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Replaced (never mutated) when the mock resets. */
  hub: WatchHub<VCluster>;
  /** Watch events of the transaction in progress, published when it commits (see atomic.ts). */
  pendingEvents?: WatchChange<VCluster>[] | undefined;
  /** True while a validate_only request runs its mutation to be rolled back (see runner.dryRun). */
  dryRun?: boolean;
  readonly options: Required<CoreOptions>;
  /** What the server supports: versions, defaults, denied values keys, host clusters. */
  readonly serverConfig: ServerConfigSettings;
}

export const DEFAULT_OPTIONS: Required<CoreOptions> = {
  idempotencyTtlMs: 24 * 60 * 60 * 1000,
  defaultChartVersion: "0.36.1",
  defaultKubernetesVersion: "1.33.4",
  sweepIntervalMs: 60_000,
  watchRetention: 10_000,
  watchBufferSize: 1_024,
  autoCreateProjects: false,
  watchHeartbeatMs: 30_000,
  operationTimeoutsMs: {},
};
