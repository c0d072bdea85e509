/**
 * CreateVCluster with `source_snapshot` (a clone, AIP-133): which snapshots
 * may seed a new vcluster, and the spec the new vcluster starts from.
 */
import { clone, create } from "@bufbuild/protobuf";
import { reflect, type ReflectMessage } from "@bufbuild/protobuf/reflect";
import { Snapshot_Phase, VClusterSpecSchema, type Snapshot, type VClusterSpec } from "@open-vcluster/sdk";
import type { CoreContext } from "../engine/context.js";
import { failedPrecondition, invalidArgument, notFound } from "../errors.js";
import { parentOf, projectOf } from "../names.js";

/**
 * The snapshot a clone starts from: it must exist (NOT_FOUND), be in the
 * new vcluster's project (INVALID_ARGUMENT), SUCCEEDED and durable
 * (FAILED_PRECONDITION).
 */
export function cloneSource(ctx: CoreContext, sourceSnapshot: string, project: string): Snapshot {
  if (projectOf(sourceSnapshot) !== project) {
    throw invalidArgument(`source_snapshot: "${sourceSnapshot}" is not in project "${project}"; a clone must be in the snapshot's project "${parentOf(sourceSnapshot)}"`);
  }
  const snapshot = ctx.store.getSnapshot(sourceSnapshot);
  if (!snapshot) throw notFound("snapshot", sourceSnapshot);
  if (snapshot.phase !== Snapshot_Phase.SUCCEEDED) {
    throw failedPrecondition(
      `cannot create a vcluster from snapshot "${sourceSnapshot}" in phase ${Snapshot_Phase[snapshot.phase]}: only a SUCCEEDED snapshot can seed a vcluster`,
    );
  }
  if (!snapshot.durable) {
    throw failedPrecondition(
      `cannot create a vcluster from snapshot "${sourceSnapshot}": it is in container storage, inside the volume of ${snapshot.sourceVcluster}, so it cannot seed a new vcluster; use s3, oci or azure storage`,
    );
  }
  return snapshot;
}

/**
 * The snapshot's vcluster_spec with the fields set in `overrides` over it:
 * set scalars, lists, maps and oneof cases replace; set messages merge field
 * by field.
 */
export function cloneSpec(snapshot: Snapshot, overrides: VClusterSpec | undefined): VClusterSpec {
  const base = snapshot.vclusterSpec ? clone(VClusterSpecSchema, snapshot.vclusterSpec) : create(VClusterSpecSchema);
  if (overrides) mergeSet(reflect(VClusterSpecSchema, base), reflect(VClusterSpecSchema, clone(VClusterSpecSchema, overrides)));
  return base;
}

function mergeSet(dst: ReflectMessage, src: ReflectMessage): void {
  for (const field of src.fields) {
    if (!src.isSet(field)) continue;
    if (field.fieldKind === "message" && dst.isSet(field)) {
      mergeSet(dst.get(field), src.get(field));
    } else {
      dst.set(field, src.get(field) as never);
    }
  }
}
