/**
 * Seeding: resources added as they are given, as if created earlier, for the
 * mock server's Seed control and `--seed` file. Output-only fields left empty
 * are filled in (uid, times, generation, etag, phase) so a seed can be short,
 * and every vcluster is published to watchers like any other write.
 */
import { clone, create } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import {
  OperationSchema,
  SnapshotSchema,
  Snapshot_Phase,
  VClusterSchema,
  VClusterStatusSchema,
  VCluster_Phase as Phase,
  type Operation,
  type Snapshot,
  type VCluster,
} from "@open-vcluster/sdk";
import { capEcho } from "@open-vcluster/sdk/validate";
import { invalidArgument } from "../errors.js";
import { computeEtag } from "../etag.js";
import { idOf, parseName } from "../names.js";
import type { CoreContext } from "./context.js";
import { saveOperation, saveSnapshot, saveVCluster } from "./records.js";
import { isDurable, storageUri } from "../snapshots/storage-uri.js";
import { atomically } from "./atomic.js";

export function seedVClusters(ctx: CoreContext, items: readonly VCluster[]): VCluster[] {
  return atomically(ctx, () =>
    items.map((item, i) => {
      const parsed = parseName(item.name);
      if (!parsed || parsed.collection !== "vclusters") {
        throw invalidArgument(`vclusters[${i}].name: "${capEcho(item.name)}" is not projects/{project}/vclusters/{vcluster}`);
      }
      const now = timestampFromDate(ctx.clock.now());
      const v = clone(VClusterSchema, item);
      v.uid ||= ctx.ids.uuid();
      v.displayName ||= idOf(v.name);
      v.createTime ??= now;
      v.updateTime ??= now;
      if (v.generation === 0n) v.generation = 1n;
      v.status ??= create(VClusterStatusSchema);
      if (v.status.phase === Phase.UNSPECIFIED) v.status.phase = Phase.RUNNING;
      if (v.status.observedGeneration === 0n) v.status.observedGeneration = v.generation;
      if (v.status.phase === Phase.SUSPENDED) v.status.suspendTime ??= now;
      const previous = ctx.store.getVCluster(v.name);
      return saveVCluster(ctx, v, previous, { keepUpdateTime: true });
    }),
  );
}

export function seedSnapshots(ctx: CoreContext, items: readonly Snapshot[]): Snapshot[] {
  return atomically(ctx, () =>
    items.map((item, i) => {
      const parsed = parseName(item.name);
      if (!parsed || parsed.collection !== "snapshots") {
        throw invalidArgument(`snapshots[${i}].name: "${capEcho(item.name)}" is not projects/{project}/snapshots/{snapshot}`);
      }
      const now = timestampFromDate(ctx.clock.now());
      const s = clone(SnapshotSchema, item);
      s.uid ||= ctx.ids.uuid();
      s.createTime ??= now;
      if (s.phase === Snapshot_Phase.UNSPECIFIED) s.phase = Snapshot_Phase.SUCCEEDED;
      // Typed storage decides the URI and durability; without it, a snapshot
      // is durable unless its URI is container://.
      if (s.storage) {
        s.storageUri ||= storageUri(s.storage, parsed.id);
        s.durable = isDurable(s.storage);
      } else s.durable = !s.storageUri.startsWith("container:");
      if (s.phase === Snapshot_Phase.SUCCEEDED) s.completeTime ??= now;
      s.etag = computeEtag(SnapshotSchema, s);
      return saveSnapshot(ctx, s);
    }),
  );
}

/**
 * Seeded operations are history (for GetOperation, ListOperations and
 * WaitOperation tests): they must be done, since nothing could run the step
 * of an operation that core did not start.
 */
export function seedOperations(ctx: CoreContext, items: readonly Operation[]): Operation[] {
  return atomically(ctx, () =>
    items.map((item, i) => {
      const parsed = parseName(item.name);
      if (!parsed || parsed.collection !== "operations") {
        throw invalidArgument(`operations[${i}].name: "${capEcho(item.name)}" is not projects/{project}/operations/{operation}`);
      }
      if (!item.done) throw invalidArgument(`operations[${i}].done: a seeded operation must be done`);
      const op = clone(OperationSchema, item);
      saveOperation(ctx, { operation: op, internal: { priorPhase: 0 } });
      return op;
    }),
  );
}
