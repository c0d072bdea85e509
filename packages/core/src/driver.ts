/**
 * The host side of the API. A driver makes the host match what core decided:
 * `kubernetes` installs real vclusters with Helm, `simulated` and the mock's
 * in-memory driver pretend. Core calls exactly one driver step per operation
 * and records its outcome; it never talks to a host itself.
 *
 * Steps are asynchronous, report progress through the context, must stop
 * when `ctx.signal` aborts (cancel, forced delete, shutdown), and must be
 * idempotent: after a restart core runs unfinished steps again, so a step
 * converges on the desired state from wherever the host is (like a
 * controller-runtime reconcile), rather than assuming it starts from scratch.
 */
import type { GenerateVClusterKubeconfigRequest_Endpoint, Snapshot, VCluster, VCluster_Phase, VClusterSpec } from "@open-vcluster/sdk";
import type { Clock } from "./runtime/clock.js";
import type { ServerConfigSettings } from "./rules/server-config.js";
import type { ValuesViolation } from "./rules/values.js";

export interface StepContext {
  /** Aborted when the operation is cancelled or the process shuts down. */
  readonly signal: AbortSignal;
  /** Reports progress (0-100) and the step in progress, shown on the Operation. */
  progress(percent: number, step: string): void;
  /** Core's clock: drivers wait on it so a frozen clock holds them. */
  readonly clock: Clock;
  /** The operation this step belongs to. */
  readonly operation: string;
  /**
   * Tells core the step has passed its point of no return (a restore that
   * started replacing data): from now on CancelOperation answers
   * FAILED_PRECONDITION and `metadata.cancellable` is false.
   */
  pointOfNoReturn(): void;
}

/** What the host shows once a cancelled step stopped: where the vcluster lands. */
export interface HostObservation {
  phase: VCluster_Phase.RUNNING | VCluster_Phase.SUSPENDED;
}

/** What the driver observed on the host after a step: copied into `VCluster.status`. */
export interface ObservedState {
  readyReplicas?: number;
  desiredReplicas?: number;
  apiServerEndpoint?: string;
  hostNamespace?: string;
  chartVersion?: string;
  kubernetesVersion?: string;
  message?: string;
}

export interface SnapshotOutcome {
  sizeBytes: bigint;
}

export interface KubeconfigRequest {
  endpoint: GenerateVClusterKubeconfigRequest_Endpoint;
  /** Core's clock at the time of the request: token expiry counts from it. */
  now: Date;
  /** Token lifetime in seconds; undefined = the admin credentials. */
  tokenTtlSeconds?: number;
}

export interface KubeconfigOutcome {
  kubeconfig: string;
  server: string;
  context: string;
  expireTime?: Date;
}

/** What a vcluster's workloads use on the host (GetVClusterUsage), as the host reports it. */
export interface UsageOutcome {
  /** CPU requested, a quantity (`1500m`). */
  cpu: string;
  /** Memory requested, a quantity (`3Gi`). */
  memory: string;
  pods: number;
  persistentVolumeClaims: number;
  /** The host ResourceQuota's used amounts, by resource name. */
  used: Record<string, string>;
  /** The host ResourceQuota's hard limits; empty without one. */
  hard: Record<string, string>;
}

export interface Driver {
  /** Installs the vcluster (Helm install of the chart with values from the spec). */
  install(vcluster: VCluster, ctx: StepContext): Promise<ObservedState>;
  /** Applies a changed spec (Helm upgrade). A suspended vcluster stays scaled to zero. */
  update(vcluster: VCluster, ctx: StepContext): Promise<ObservedState>;
  /** Applies changed replicas, resources or quota. */
  scale(vcluster: VCluster, ctx: StepContext): Promise<ObservedState>;
  /** Scales the control plane to zero and removes synced workloads (vcluster pause). */
  suspend(vcluster: VCluster, ctx: StepContext): Promise<ObservedState>;
  /** Scales the control plane back (vcluster resume). */
  resume(vcluster: VCluster, ctx: StepContext): Promise<ObservedState>;
  /** Takes a snapshot to `snapshot.storageUri`. */
  snapshot(vcluster: VCluster, snapshot: Snapshot, ctx: StepContext): Promise<SnapshotOutcome>;
  /** Restores `snapshot` into the vcluster (installing it first when it is new). */
  restore(vcluster: VCluster, snapshot: Snapshot, ctx: StepContext): Promise<ObservedState>;
  /** Removes the vcluster and its host resources. */
  uninstall(vcluster: VCluster, ctx: StepContext): Promise<void>;
  /** Removes a snapshot's stored archive. */
  deleteSnapshot(snapshot: Snapshot, ctx: StepContext): Promise<void>;
  /** Reads what the vcluster uses on the host now (a read: no step, no state change). */
  usage(vcluster: VCluster, signal: AbortSignal): Promise<UsageOutcome>;
  /**
   * After a cancelled step: whether the control plane is serving (RUNNING) or
   * scaled to zero (SUSPENDED), or undefined when the host cannot tell (not
   * installed, half-applied): core then marks the vcluster FAILED.
   */
  observeHost(vcluster: VCluster, signal: AbortSignal): Promise<HostObservation | undefined>;
  /** A kubeconfig for the virtual API server. */
  kubeconfig(vcluster: VCluster, request: KubeconfigRequest, signal: AbortSignal): Promise<KubeconfigOutcome>;
  /** What this driver supports (GetServerConfig, HostClusterService); CoreDeps.serverConfig overrides it. Default: DEFAULT_SERVER_CONFIG. */
  serverConfig?(): ServerConfigSettings;
  /**
   * Checks the chart values of `spec` with `override` (the parsed
   * values_override) merged last, e.g. against the chart's values.schema.json;
   * called synchronously at request time. Default: no check.
   */
  validateValues?(spec: VClusterSpec, override: Record<string, unknown>): readonly ValuesViolation[];
}
