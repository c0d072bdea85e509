/**
 * UpdateSnapshot: the labels and expire time are a snapshot's only mutable
 * fields. Applied at once (no operation); the sweeper deletes a snapshot once
 * the (new) expire time passes.
 */
import { clone } from "@bufbuild/protobuf";
import { TimestampSchema, timestampDate, timestampFromDate } from "@bufbuild/protobuf/wkt";
import { SnapshotSchema, Snapshot_Phase, type Snapshot, type UpdateSnapshotRequest } from "@open-vcluster/sdk";
import { atomically } from "../engine/atomic.js";
import type { CoreContext } from "../engine/context.js";
import { saveSnapshot } from "../engine/records.js";
import { computeEtag, checkEtag } from "../etag.js";
import { failedPrecondition, notFound } from "../errors.js";
import { fieldError } from "../validation.js";

const PATHS = { labels: "labels", expire_time: "expire_time", expireTime: "expire_time" } as const;
type Path = (typeof PATHS)[keyof typeof PATHS];

/** The paths to change: the mask's, or (no mask) the mutable fields set in the request's snapshot. */
function pathsOf(req: UpdateSnapshotRequest, input: Snapshot): Path[] {
  const given = req.updateMask?.paths ?? [];
  if (given.length === 0) {
    const implied: Path[] = [];
    if (Object.keys(input.labels).length > 0) implied.push("labels");
    if (input.expireTime) implied.push("expire_time");
    if (implied.length === 0) {
      throw fieldError("update_mask", "no mutable field (labels, expire_time) is set in snapshot; to clear one, name it in update_mask");
    }
    return implied;
  }
  return given.map((p) => {
    if (p === "*") return ["labels", "expire_time"] as Path[];
    const path = (PATHS as Record<string, Path>)[p];
    if (!path) throw fieldError("update_mask", `"${p}" cannot be updated; updatable fields are labels, expire_time`);
    return [path];
  }).flat();
}

export function updateSnapshot(ctx: CoreContext, req: UpdateSnapshotRequest): Snapshot {
  const input = req.snapshot as Snapshot;
  const plan = (): { current: Snapshot; next: Snapshot } => {
    const paths = pathsOf(req, input);
    const current = ctx.store.getSnapshot(input.name);
    if (!current) throw notFound("snapshot", input.name);
    checkEtag("snapshot", input.name, input.etag, current.etag);
    if (current.phase === Snapshot_Phase.DELETING) {
      throw failedPrecondition(`cannot update snapshot "${input.name}" in phase DELETING: it is being deleted`);
    }
    const now = ctx.clock.now();
    const next = clone(SnapshotSchema, current);
    for (const path of new Set(paths)) {
      if (path === "labels") next.labels = { ...input.labels };
      else if (input.expireTime) {
        if (timestampDate(input.expireTime).getTime() <= now.getTime()) {
          throw fieldError("snapshot.expire_time", `must be in the future (now is ${now.toISOString()}); clear it to keep the snapshot until DeleteSnapshot`);
        }
        next.expireTime = clone(TimestampSchema, input.expireTime);
      } else next.expireTime = undefined;
    }
    next.updateTime = timestampFromDate(now);
    return { current, next };
  };
  if (req.validateOnly) {
    const { next } = plan();
    next.etag = computeEtag(SnapshotSchema, next);
    return next;
  }
  return atomically(ctx, () => saveSnapshot(ctx, plan().next));
}
