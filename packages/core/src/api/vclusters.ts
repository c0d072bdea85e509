/**
 * VClusterService: every RPC validates its request, checks the lifecycle
 * rules, etag and request id inside one store transaction, records the
 * change and its Operation, and hands the driver step to the runner.
 */
import { clone, create, equals, type MessageShape } from "@bufbuild/protobuf";
import { durationMs, timestampFromDate } from "@bufbuild/protobuf/wkt";
import type { HandlerContext, ServiceImpl } from "@connectrpc/connect";
import {
  ControlPlaneSchema,
  CreateVClusterRequestSchema,
  DeleteVClusterRequestSchema,
  GenerateVClusterKubeconfigRequestSchema,
  GetVClusterRequestSchema,
  KubeconfigSchema,
  ListVClustersRequestSchema,
  OperationResponseSchema,
  OperationVerb,
  PoliciesSchema,
  RestoreVClusterRequestSchema,
  ResumeVClusterRequestSchema,
  ScaleVClusterRequestSchema,
  SnapshotSchema,
  SnapshotStorageSchema,
  SnapshotVClusterRequestSchema,
  Snapshot_Phase,
  SuspendVClusterRequestSchema,
  UpdateVClusterRequestSchema,
  VClusterSchema,
  VClusterService,
  VClusterSpecSchema,
  VClusterStatusSchema,
  VCluster_Phase as Phase,
  View,
  WatchVClustersRequestSchema,
  type Operation,
  type VCluster,
} from "@open-vcluster/sdk";
import { alreadyExists, failedPrecondition, invalidArgument, notFound } from "../errors.js";
import { checkEtag, computeEtag } from "../etag.js";
import type { CoreContext } from "../engine/context.js";
import { idempotent } from "../engine/idempotency.js";
import { newOperation, saveSnapshot, saveVCluster } from "../engine/records.js";
import type { OperationRunner } from "../engine/runner.js";
import { ConditionStatus, ConditionType, setCondition } from "../engine/status.js";
import { assertActionAllowed, RULES, type Action } from "../lifecycle/transitions.js";
import { defaultHostNamespace, idOf, parentOf, projectOf, snapshotName, vclusterName } from "../names.js";
import type { StoredOperation } from "../store/store.js";
import { validateRequest } from "../validation.js";
import { listVClusters } from "./listing.js";
import { applyUpdateMask, impliedUpdateMask } from "./update-mask.js";
import { watchVClusters } from "./watch.js";
import { effectiveView, inView } from "./view.js";
import { atomically } from "../engine/atomic.js";
import { isDurable, storageUri } from "../snapshots/storage-uri.js";
import { checkCreateSpec, checkScale, checkUpdateSpec } from "../rules/spec.js";
import { getServerConfig } from "./server-config.js";
import { projectNameOf, requireProject } from "../projects/require.js";
import { assertQuota } from "../quota/quota.js";
import { getVClusterUsage } from "./usage.js";
import { cloneSource, cloneSpec } from "../snapshots/clone.js";
import { assertNoSnapshotInFlight, beginSnapshotOperation, cancelSnapshotForDelete } from "../snapshots/in-flight.js";

const SERVICE = VClusterService.typeName;
/** GenerateVClusterKubeconfig's token lifetime when the request sets none: 1 hour. */
const DEFAULT_KUBECONFIG_TTL_SECONDS = 3600;

export function vclusterService(ctx: CoreContext, runner: OperationRunner): ServiceImpl<typeof VClusterService> {
  const getOrThrow = (name: string): VCluster => {
    requireProject(ctx, name, "read");
    const v = ctx.store.getVCluster(name);
    if (!v) throw notFound("vcluster", name);
    return v;
  };

  /**
   * Runs a mutation atomically, then starts its step (unless it was a retry
   * or is already done). With `validateOnly` the same mutation is a dry run
   * (runner.dryRun): every check, nothing stored.
   */
  const mutate = (start: () => { operation: Operation; started: boolean }, validateOnly = false): Operation => {
    if (validateOnly) return runner.dryRun(start);
    const { operation, started } = atomically(ctx, start);
    if (started && !operation.done) runner.dispatch(operation.name);
    return operation;
  };

  /** Moves a vcluster into the transitional phase of `action` and creates its operation. */
  const begin = (
    current: VCluster,
    action: Action,
    verb: OperationVerb,
    requestId: string,
    change: (next: VCluster) => void = () => {},
    internal: Partial<StoredOperation["internal"]> = {},
  ): StoredOperation => {
    const prior = current.status?.phase ?? Phase.UNSPECIFIED;
    const op = newOperation(ctx, {
      verb,
      target: current.name,
      requestId,
      internal: { priorPhase: prior, vcluster: current.name, ...internal },
    });
    const next = clone(VClusterSchema, current);
    next.status ??= create(VClusterStatusSchema);
    change(next);
    const during = RULES[action].during;
    if (during !== undefined) {
      next.status.phase = during;
      next.status.failedOperation = undefined; // it leaves FAILED, if it was
    }
    next.status.currentOperation = op.operation.name;
    setCondition(next, ConditionType.Progressing, ConditionStatus.TRUE, `${cap(action)}Started`, `${action} in progress`, ctx.clock.now());
    saveVCluster(ctx, next, current);
    return op;
  };

  /** A change applied without a driver step (metadata, or a spec while SUSPENDED): its operation is done at once. */
  const doneAtOnce = (current: VCluster, next: VCluster, verb: OperationVerb, requestId: string): StoredOperation => {
    const saved = saveVCluster(ctx, next, current);
    const phase = current.status?.phase ?? Phase.UNSPECIFIED;
    const op = newOperation(ctx, { verb, target: current.name, requestId, internal: { priorPhase: phase, vcluster: current.name } });
    runner.complete(op, { kind: "succeeded", result: undefined }, vclusterResponse(saved));
    return ctx.store.getOperation(op.operation.name) as StoredOperation;
  };

  /** Suspend and resume share their whole shape: validate, then one action on one vcluster. */
  const simpleAction =
    <Desc extends typeof SuspendVClusterRequestSchema | typeof ResumeVClusterRequestSchema>(
      action: Action,
      verb: OperationVerb,
      schema: Desc,
    ) =>
    (req: MessageShape<Desc>): Operation => {
      validateRequest(schema, req);
      return mutate(() =>
        idempotent(ctx, { procedure: `${SERVICE}/${schema.name.replace(/Request$/, "")}`, project: projectOf(req.name), schema, request: req }, () => {
          const current = getOrThrow(req.name);
          checkEtag("vcluster", req.name, req.etag, current.etag);
          assertActionAllowed(action, req.name, current.status?.phase ?? Phase.UNSPECIFIED, { failed: current.status?.failedOperation });
          if (action === "suspend") assertSuspendable(current);
          return begin(current, action, verb, req.requestId);
        }),
        req.validateOnly,
      );
    };
  const suspend = simpleAction("suspend", OperationVerb.SUSPEND, SuspendVClusterRequestSchema);
  const resume = simpleAction("resume", OperationVerb.RESUME, ResumeVClusterRequestSchema);

  return {
    createVCluster(req) {
      // protovalidate first (replicas 1..9 and the rest); the HA backing-store
      // rule is checked on the whole resulting spec (checkCreateSpec).
      validateRequest(CreateVClusterRequestSchema, req);
      const project = projectOf(req.parent);
      const name = vclusterName(project, req.vclusterId);
      // A clone (source_snapshot) starts from the snapshot's spec and runs the restore step.
      const source = req.sourceSnapshot ? cloneSource(ctx, req.sourceSnapshot, project) : undefined;
      const build = (): VCluster => {
        const now = timestampFromDate(ctx.clock.now());
        const input = req.vcluster ?? create(VClusterSchema);
        const spec = source ? cloneSpec(source, input.spec) : input.spec ? clone(VClusterSpecSchema, input.spec) : create(VClusterSpecSchema);
        // A clone's request spec is partial: every rule (HA included) applies to the merged spec.
        checkCreateSpec(ctx, spec);
        const v = create(VClusterSchema, {
          name,
          uid: ctx.ids.uuid(),
          displayName: input.displayName || req.vclusterId,
          labels: { ...input.labels },
          annotations: { ...input.annotations },
          deletionProtection: input.deletionProtection,
          spec,
          status: {
            phase: source ? Phase.RESTORING : Phase.PENDING,
            message: source ? `restoring from ${source.name}` : "waiting to be installed",
            hostNamespace: spec.hostNamespace ?? defaultHostNamespace(project, req.vclusterId),
            hostCluster: spec.hostCluster ?? ctx.serverConfig.defaultHostCluster,
            release: req.vclusterId,
          },
          createTime: now,
          updateTime: now,
          generation: 1n,
        });
        if (source) validateRequest(VClusterSchema, v);
        v.etag = computeEtag(VClusterSchema, v);
        assertQuota(ctx, req.parent, { add: v });
        return v;
      };
      return mutate(() =>
        idempotent(ctx, { procedure: `${SERVICE}/CreateVCluster`, project, schema: CreateVClusterRequestSchema, request: req }, () => {
          requireProject(ctx, req.parent, "write");
          if (ctx.store.getVCluster(name)) throw alreadyExists("vcluster", name);
          const v = build();
          const op = newOperation(ctx, {
            verb: OperationVerb.CREATE,
            target: name,
            requestId: req.requestId,
            internal: source
              ? { priorPhase: Phase.RESTORING, vcluster: name, snapshot: source.name, clone: true }
              : { priorPhase: Phase.PENDING, vcluster: name },
          });
          v.status!.currentOperation = op.operation.name;
          const started = source ? ["RestoreStarted", `restore from ${source.name} in progress`] : ["CreateStarted", "create in progress"];
          setCondition(v, ConditionType.Progressing, ConditionStatus.TRUE, started[0]!, started[1]!, ctx.clock.now());
          saveVCluster(ctx, v, undefined);
          return op;
        }),
        req.validateOnly,
      );
    },

    getVCluster(req) {
      validateRequest(GetVClusterRequestSchema, req);
      return inView(getOrThrow(req.name), effectiveView(req.view, View.FULL));
    },

    listVClusters(req) {
      validateRequest(ListVClustersRequestSchema, req);
      requireProject(ctx, req.parent, "read");
      return listVClusters(ctx, req);
    },

    updateVCluster(req) {
      // The HA backing-store rule applies to the merged spec (checkUpdateSpec),
      // never to the partial spec of the request (vcluster.proto, backing_store).
      validateRequest(UpdateVClusterRequestSchema, req);
      const input = req.vcluster as VCluster;
      const name = input.name;
      const plan = () => {
        const current = getOrThrow(name);
        checkEtag("vcluster", name, input.etag, current.etag);
        const next = clone(VClusterSchema, current);
        const { touchesSpec } = applyUpdateMask(next, input, req.updateMask?.paths.length ? req.updateMask.paths : impliedUpdateMask(input));
        if (touchesSpec) checkUpdateSpec(ctx, current, (next.spec ??= create(VClusterSpecSchema)));
        validateRequest(VClusterSchema, next);
        const phase = current.status?.phase ?? Phase.UNSPECIFIED;
        // In FAILED, a spec update re-applies the spec even if unchanged: it is the repair.
        const specChanged = touchesSpec && (!specEquals(current, next) || phase === Phase.FAILED);
        // A spec change follows the state machine; names, labels and
        // annotations are metadata, changed at once in any phase but DELETING.
        if (specChanged || phase === Phase.DELETING) assertActionAllowed("update", name, phase, { failed: current.status?.failedOperation });
        if (specChanged) assertQuota(ctx, projectNameOf(name), { add: next, remove: current });
        return { current, next, specChanged, phase };
      };
      return mutate(() =>
        idempotent(ctx, { procedure: `${SERVICE}/UpdateVCluster`, project: projectOf(name), schema: UpdateVClusterRequestSchema, request: req }, () => {
          const { current, next, specChanged, phase } = plan();
          // Metadata only: no driver step, done at once.
          if (!specChanged) return doneAtOnce(current, next, OperationVerb.UPDATE, req.requestId);
          // While SUSPENDED the spec is recorded at once; ResumeVCluster applies it.
          if (phase === Phase.SUSPENDED) {
            next.generation = current.generation + 1n;
            return doneAtOnce(current, next, OperationVerb.UPDATE, req.requestId);
          }
          return begin(current, "update", OperationVerb.UPDATE, req.requestId, (v) => {
            v.displayName = next.displayName;
            v.labels = next.labels;
            v.annotations = next.annotations;
            v.spec = next.spec;
            v.deletionProtection = next.deletionProtection;
            v.generation = current.generation + 1n;
          });
        }),
        req.validateOnly,
      );
    },

    deleteVCluster(req) {
      validateRequest(DeleteVClusterRequestSchema, req);
      return mutate(() =>
        idempotent(ctx, { procedure: `${SERVICE}/DeleteVCluster`, project: projectOf(req.name), schema: DeleteVClusterRequestSchema, request: req }, () => {
          const current = getOrThrow(req.name);
          checkEtag("vcluster", req.name, req.etag, current.etag);
          if (current.deletionProtection) {
            throw failedPrecondition(
              `cannot delete vcluster "${req.name}": deletion_protection is set (force does not override it); clear it with UpdateVCluster first`,
            );
          }
          const phase = current.status?.phase ?? Phase.UNSPECIFIED;
          assertActionAllowed("delete", req.name, phase, { force: req.force, failed: current.status?.failedOperation });
          // The operation in flight: a transitional phase's (force), or a snapshot upload's, which holds no phase.
          const inFlight = current.status?.currentOperation;
          if (inFlight) {
            runner.supersede(inFlight, `cancelled by a forced delete of ${req.name}`);
          }
          cancelSnapshotForDelete(ctx, runner, req.name, req.force);
          return begin(current, "delete", OperationVerb.DELETE, req.requestId, (v) => {
            v.deleteTime = timestampFromDate(ctx.clock.now());
          });
        }),
        req.validateOnly,
      );
    },

    scaleVCluster(req) {
      validateRequest(ScaleVClusterRequestSchema, req);
      return mutate(() =>
        idempotent(ctx, { procedure: `${SERVICE}/ScaleVCluster`, project: projectOf(req.name), schema: ScaleVClusterRequestSchema, request: req }, () => {
          const current = getOrThrow(req.name);
          checkEtag("vcluster", req.name, req.etag, current.etag);
          const phase = current.status?.phase ?? Phase.UNSPECIFIED;
          assertActionAllowed("scale", req.name, phase, { failed: current.status?.failedOperation });
          checkScale(current, req.replicas);
          const resize = (v: VCluster) => {
            const spec = (v.spec ??= create(VClusterSpecSchema));
            const controlPlane = (spec.controlPlane ??= create(ControlPlaneSchema));
            if (req.replicas !== undefined) controlPlane.replicas = req.replicas;
            if (req.resources) controlPlane.resources = req.resources;
            if (req.resourceQuota) (spec.policies ??= create(PoliciesSchema)).resourceQuota = req.resourceQuota;
            assertQuota(ctx, projectNameOf(req.name), { add: v, remove: current });
            v.generation = current.generation + 1n;
          };
          // While SUSPENDED the new size is recorded at once; ResumeVCluster applies it.
          if (phase === Phase.SUSPENDED) {
            const next = clone(VClusterSchema, current);
            resize(next);
            return doneAtOnce(current, next, OperationVerb.SCALE, req.requestId);
          }
          return begin(current, "scale", OperationVerb.SCALE, req.requestId, resize);
        }),
        req.validateOnly,
      );
    },

    suspendVCluster: suspend,

    resumeVCluster: resume,

    snapshotVCluster(req) {
      validateRequest(SnapshotVClusterRequestSchema, req);
      const project = projectOf(req.name);
      return mutate(() =>
        idempotent(ctx, { procedure: `${SERVICE}/SnapshotVCluster`, project, schema: SnapshotVClusterRequestSchema, request: req }, () => {
          const current = getOrThrow(req.name);
          assertActionAllowed("snapshot", req.name, current.status?.phase ?? Phase.UNSPECIFIED, { failed: current.status?.failedOperation });
          assertNoSnapshotInFlight(ctx, req.name);
          const now = ctx.clock.now();
          const id = req.snapshotId || defaultSnapshotId(idOf(req.name), now);
          const name = snapshotName(project, id);
          if (ctx.store.getSnapshot(name)) throw alreadyExists("snapshot", name);
          assertQuota(ctx, projectNameOf(name), { snapshots: 1 });
          saveSnapshot(
            ctx,
            create(SnapshotSchema, {
              name,
              uid: ctx.ids.uuid(),
              sourceVcluster: current.name,
              sourceVclusterUid: current.uid,
              storageUri: storageUri(req.storage, id),
              ...(req.storage ? { storage: clone(SnapshotStorageSchema, req.storage) } : {}),
              durable: isDurable(req.storage),
              updateTime: timestampFromDate(now),
              phase: Snapshot_Phase.PENDING,
              createTime: timestampFromDate(now),
              ...(req.ttl ? { expireTime: timestampFromDate(new Date(now.getTime() + durationMs(req.ttl))) } : {}),
              labels: { ...req.labels },
              ...(current.spec ? { vclusterSpec: clone(VClusterSpecSchema, current.spec) } : {}),
              chartVersion: current.status?.chartVersion ?? "",
              kubernetesVersion: current.status?.kubernetesVersion ?? "",
            }),
          );
          return beginSnapshotOperation(ctx, current, name, req.requestId);
        }),
        req.validateOnly,
      );
    },

    restoreVCluster(req) {
      validateRequest(RestoreVClusterRequestSchema, req);
      const project = projectOf(req.snapshot);
      return mutate(() =>
        idempotent(ctx, { procedure: `${SERVICE}/RestoreVCluster`, project, schema: RestoreVClusterRequestSchema, request: req }, () => {
          requireProject(ctx, req.snapshot, "read");
          const snapshot = ctx.store.getSnapshot(req.snapshot);
          if (!snapshot) throw notFound("snapshot", req.snapshot);
          if (snapshot.phase !== Snapshot_Phase.SUCCEEDED) {
            throw failedPrecondition(
              `cannot restore from snapshot "${req.snapshot}" in phase ${Snapshot_Phase[snapshot.phase]}: only a SUCCEEDED snapshot can be restored`,
            );
          }
          const name = req.name;
          if (projectOf(name) !== project) throw invalidArgument(`name: vcluster "${name}" is not in the snapshot's project "${parentOf(req.snapshot)}"`);
          const current = getOrThrow(name);
          checkEtag("vcluster", name, req.etag, current.etag);
          assertActionAllowed("restore", name, current.status?.phase ?? Phase.UNSPECIFIED, { failed: current.status?.failedOperation });
          if (!snapshot.durable && snapshot.sourceVclusterUid !== current.uid) {
            throw failedPrecondition(
              `cannot restore snapshot "${req.snapshot}" into "${name}": it is in container storage, inside the volume of ${snapshot.sourceVcluster}, and restores only into that vcluster`,
            );
          }
          return begin(current, "restore", OperationVerb.RESTORE, req.requestId, () => {}, { snapshot: req.snapshot });
        }),
        req.validateOnly,
      );
    },

    async generateVClusterKubeconfig(req, context: HandlerContext) {
      validateRequest(GenerateVClusterKubeconfigRequestSchema, req);
      const current = getOrThrow(req.name);
      assertActionAllowed("kubeconfig", req.name, current.status?.phase ?? Phase.UNSPECIFIED, { failed: current.status?.failedOperation });
      const out = await ctx.driver.kubeconfig(
        current,
        {
          endpoint: req.endpoint,
          now: ctx.clock.now(),
          // A short-lived token unless the caller opts into admin credentials.
          ...(req.admin ? {} : { tokenTtlSeconds: req.tokenTtl ? Math.floor(durationMs(req.tokenTtl) / 1000) : DEFAULT_KUBECONFIG_TTL_SECONDS }),
        },
        context.signal,
      );
      return create(KubeconfigSchema, {
        kubeconfig: out.kubeconfig,
        server: out.server,
        context: out.context,
        ...(out.expireTime ? { expireTime: timestampFromDate(out.expireTime) } : {}),
        admin: req.admin,
      });
    },

    getVClusterUsage(req, context: HandlerContext) {
      return getVClusterUsage(ctx, req, context.signal);
    },

    getServerConfig(req) {
      return getServerConfig(ctx.serverConfig, req);
    },

    watchVClusters(req, context: HandlerContext) {
      validateRequest(WatchVClustersRequestSchema, req);
      requireProject(ctx, req.parent, "read");
      return watchVClusters(ctx, req, context.signal);
    },
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function specEquals(a: VCluster, b: VCluster): boolean {
  return equals(VClusterSpecSchema, a.spec ?? create(VClusterSpecSchema), b.spec ?? create(VClusterSpecSchema));
}

/** `<vcluster>-<yyyymmddhhmmss>`, short enough to stay a DNS label. */
function defaultSnapshotId(vcluster: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${vcluster.slice(0, 48).replace(/-+$/, "")}-${stamp}`;
}

function vclusterResponse(v: VCluster) {
  return create(OperationResponseSchema, { resource: { case: "vcluster", value: v } });
}

/** Suspending scales the control plane to zero: without persistence that wipes the vcluster. */
function assertSuspendable(v: VCluster): void {
  if (v.spec?.persistence?.enabled === false) {
    throw failedPrecondition(
      `cannot suspend vcluster "${v.name}": spec.persistence.enabled is false, so suspending would lose all of its data; delete it instead, or create it with persistence`,
    );
  }
}
