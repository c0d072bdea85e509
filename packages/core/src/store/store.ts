/**
 * Where core keeps its state. The server implements it over SQLite, the mock
 * server in memory (MemoryStore). It is synchronous on purpose: every API
 * mutation is one read-check-write inside `transaction`, which can then never
 * interleave with another request, without locks (better-sqlite3 is
 * synchronous too).
 *
 * Messages are values: core never mutates a message it read from the store,
 * it writes a changed clone back. A store may therefore hand out the objects
 * it holds.
 */
import type { Operation, Project, Snapshot, VCluster } from "@open-vcluster/sdk";

/** What core needs to know about an operation beyond the Operation message. */
export interface OperationInternal {
  /** The vcluster's phase when the operation started (restored on cancel). */
  priorPhase: number;
  /** For snapshot, restore and delete-snapshot operations: the snapshot. */
  snapshot?: string;
  /** For restore: the vcluster restored into. */
  vcluster?: string;
  /** For restore: true when the vcluster was created by the restore (a clone). */
  clone?: boolean;
}

export interface StoredOperation {
  operation: Operation;
  internal: OperationInternal;
}

/** An AIP-155 request id, remembered so a retry returns the original operation. */
export interface IdempotencyRecord {
  /** `<procedure>:<project>:<request_id>` */
  key: string;
  /** A hash of the request without its request_id: a reuse with another request is an error. */
  fingerprint: string;
  /** The operation the request started. */
  operation: string;
  /** When the record may be forgotten (epoch ms). */
  expireTime: number;
}

export interface Store {
  /** Runs `fn` atomically: all of its writes happen, or none. */
  transaction<R>(fn: () => R): R;

  getProject(name: string): Project | undefined;
  putProject(project: Project): void;
  deleteProject(name: string): void;
  /** Every project, sorted by name. */
  listProjects(): readonly Project[];

  getVCluster(name: string): VCluster | undefined;
  putVCluster(vcluster: VCluster): void;
  deleteVCluster(name: string): void;
  /** The vclusters of a project, sorted by name. */
  listVClusters(project: string): readonly VCluster[];

  getSnapshot(name: string): Snapshot | undefined;
  putSnapshot(snapshot: Snapshot): void;
  deleteSnapshot(name: string): void;
  /** The snapshots of a project, sorted by name. */
  listSnapshots(project: string): readonly Snapshot[];
  /** Every snapshot with an expire time, in any order. */
  listExpiringSnapshots(): readonly Snapshot[];

  getOperation(name: string): StoredOperation | undefined;
  putOperation(operation: StoredOperation): void;
  /** The operations of a project, oldest first. */
  listOperations(project: string): readonly StoredOperation[];
  /** Operations that are not done, in any project (resumed after a restart). */
  listUnfinishedOperations(): readonly StoredOperation[];

  getIdempotency(key: string): IdempotencyRecord | undefined;
  putIdempotency(record: IdempotencyRecord): void;
  /** Forgets records that expired before `epochMs`. */
  purgeIdempotency(epochMs: number): void;

  /**
   * The last watch version handed out, so versions keep rising across restarts.
   * Core sets it inside the transaction whose watch events take it (engine/atomic.ts),
   * so a durable store holds a change and its version together.
   */
  getWatchVersion(): bigint;
  setWatchVersion(version: bigint): void;

  /** Forgets everything (the mock server's Reset). */
  clear(): void;
}
