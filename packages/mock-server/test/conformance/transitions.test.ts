/**
 * The lifecycle state machine, checked from outside against the table below,
 * which is written from the Phase comment of proto/openvcluster/v1/vcluster.proto
 * (not imported from core): every action in every phase is either accepted,
 * with its transitional phase observable while it runs, or refused with
 * FAILED_PRECONDITION naming the current phase and the allowed ones; and
 * every legal transition ends where the proto says, on success and on failure.
 */
import { Code } from "@connectrpc/connect";
import {
  OperationVerb,
  VCluster_Phase as Phase,
  WatchVClustersResponse_EventType as EventType,
  type Operation,
} from "@open-vcluster/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ALL_PHASES,
  HA_STORE,
  PARENT,
  expectCode,
  hold,
  phaseName,
  phaseOf,
  release,
  reset,
  seedSnapshot,
  seedVCluster,
  snapName,
  vcName,
} from "./phases.js";
import { TARGETS, settle, type Target } from "./targets.js";

type Action =
  | "update spec"
  | "scale"
  | "suspend"
  | "resume"
  | "snapshot"
  | "restore in place"
  | "delete"
  | "delete (force)"
  | "kubeconfig";

const { PENDING, CREATING, RUNNING, UPDATING, SCALING, SUSPENDING, SUSPENDED, RESUMING, RESTORING, DELETING, FAILED } = Phase;

/**
 * From the proto: `legal` are the phases an action may start from (FAILED as
 * the repair of a failed update, which is how the matrix seeds FAILED),
 * `listed` the phases a refusal names when they differ (FAILED is legal for
 * suspend and resume only after some failures), `during` the phase the
 * vcluster shows while it runs, and `atOnce` the phases in which it is done at
 * once without a driver step (Update and Scale while SUSPENDED).
 */
const TABLE: Record<Action, { legal: Phase[]; listed?: Phase[]; during?: Phase; atOnce?: Phase[]; verb?: OperationVerb }> = {
  // RUNNING -> UPDATING; SUSPENDED: recorded at once; FAILED: the repair of a failed create/update/scale/restore.
  "update spec": { legal: [RUNNING, SUSPENDED, FAILED], during: UPDATING, atOnce: [SUSPENDED], verb: OperationVerb.UPDATE },
  // RUNNING -> SCALING; SUSPENDED: recorded at once.
  scale: { legal: [RUNNING, SUSPENDED], during: SCALING, atOnce: [SUSPENDED], verb: OperationVerb.SCALE },
  // RUNNING -> SUSPENDING ("and in FAILED after a failed suspend").
  suspend: { legal: [RUNNING], listed: [RUNNING, FAILED], during: SUSPENDING, verb: OperationVerb.SUSPEND },
  // SUSPENDED -> RESUMING ("and in FAILED after a failed suspend or resume").
  resume: { legal: [SUSPENDED], listed: [SUSPENDED, FAILED], during: RESUMING, verb: OperationVerb.RESUME },
  // "SnapshotVCluster is legal in RUNNING and SUSPENDED"; no phase of its own.
  snapshot: { legal: [RUNNING, SUSPENDED], verb: OperationVerb.SNAPSHOT },
  // RUNNING | SUSPENDED -> RESTORING; FAILED: a repair.
  "restore in place": { legal: [RUNNING, SUSPENDED, FAILED], during: RESTORING, verb: OperationVerb.RESTORE },
  // PENDING | RUNNING | SUSPENDED | FAILED -> DELETING
  delete: { legal: [PENDING, RUNNING, SUSPENDED, FAILED], during: DELETING, verb: OperationVerb.DELETE },
  // "(force)": also from every transitional phase; never from DELETING.
  "delete (force)": {
    legal: ALL_PHASES.filter((p) => p !== DELETING),
    during: DELETING,
    verb: OperationVerb.DELETE,
  },
  // "GenerateVClusterKubeconfig is legal while the API server serves: RUNNING, UPDATING and SCALING."
  kubeconfig: { legal: [RUNNING, UPDATING, SCALING] },
};

/** Where a legal action ends: on success (`null` = the vcluster is gone) and on failure. */
function outcome(action: Action, from: Phase): { success: Phase | null; failure: Phase } {
  switch (action) {
    case "update spec":
    case "restore in place":
    case "scale":
      // "RESTORING -> RUNNING, or SUSPENDED if it was"; Update and Scale of a
      // SUSPENDED vcluster keep it SUSPENDED; a FAILED one is repaired.
      return { success: from === SUSPENDED ? SUSPENDED : RUNNING, failure: FAILED };
    case "suspend":
      return { success: SUSPENDED, failure: FAILED };
    case "snapshot":
      // The vcluster keeps its phase, whether the snapshot succeeded or not.
      return { success: from, failure: from };
    case "delete":
    case "delete (force)":
      // "DELETING -> (gone) | FAILED"
      return { success: null, failure: FAILED };
    default:
      return { success: RUNNING, failure: FAILED };
  }
}

const VC = "vc";
const NAME = vcName(VC);

function run(t: Target, action: Action, name: string): Promise<Operation | { kubeconfig: string }> {
  switch (action) {
    case "update spec":
      return t.vclusters.updateVCluster({
        vcluster: { name, spec: { kubernetesVersion: "v1.34.6" } },
        updateMask: { paths: ["spec.kubernetes_version"] },
      });
    case "scale":
      return t.vclusters.scaleVCluster({ name, replicas: 3 });
    case "suspend":
      return t.vclusters.suspendVCluster({ name });
    case "resume":
      return t.vclusters.resumeVCluster({ name });
    case "snapshot":
      return t.vclusters.snapshotVCluster({ name, snapshotId: "snap", storage: { kind: { case: "s3", value: { bucket: "bucket", key: "snap" } } } });
    case "restore in place":
      return t.vclusters.restoreVCluster({ snapshot: snapName("base"), name });
    case "delete":
      return t.vclusters.deleteVCluster({ name });
    case "delete (force)":
      return t.vclusters.deleteVCluster({ name, force: true });
    case "kubeconfig":
      return t.vclusters.generateVClusterKubeconfig({ name });
  }
}

/** The phase names listed after "allowed" in a FAILED_PRECONDITION message. */
function allowedIn(message: string): string[] {
  const at = message.search(/allowed/i);
  if (at < 0) return [];
  const tail = message.slice(at).split(";")[0] ?? "";
  const names = new Set(ALL_PHASES.map(phaseName));
  return [...tail.matchAll(/\b(?:PHASE_)?([A-Z][A-Z_]+)\b/g)].map((m) => m[1] as string).filter((n) => names.has(n));
}

const ACTIONS = Object.keys(TABLE) as Action[];

const MATRIX = ACTIONS.flatMap((action) =>
  ALL_PHASES.map((phase) => ({
    action,
    phase,
    from: phaseName(phase),
    legal: TABLE[action].legal.includes(phase),
    verdict: TABLE[action].legal.includes(phase) ? "accepted" : "FAILED_PRECONDITION",
  })),
);

const OUTCOMES = ACTIONS.filter((a) => a !== "kubeconfig").flatMap((action) =>
  TABLE[action].legal.map((phase) => {
    const o = outcome(action, phase);
    return {
      action,
      phase,
      from: phaseName(phase),
      ...o,
      successName: o.success === null ? "(gone)" : phaseName(o.success),
      failureName: phaseName(o.failure),
    };
  }),
);

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  /** The vcluster under test in `phase`, and a snapshot to restore it from, in one call. */
  async function seedBoth(t: Target, phase: Phase): Promise<void> {
    await t.control.seed({
      // FAILED as after a failed update: the repairs are Update, Restore and Delete.
      vclusters: [
        {
          name: NAME,
          spec: { kubernetesVersion: "v1.33.4", backingStore: HA_STORE },
          status: { phase, ...(phase === FAILED ? { failedOperation: { verb: OperationVerb.UPDATE, operation: "projects/p/operations/earlier" } } : {}) },
        },
      ],
      snapshots: [{ name: snapName("base"), sourceVcluster: vcName("source"), storageUri: "s3://bucket/base", vclusterSpec: {}, durable: true }],
    });
  }

  it("the table covers every action in every phase", () => {
    expect(MATRIX).toHaveLength(9 * 11);
  });

  describe("every action in every phase", () => {
    it.each(MATRIX)("$action in $from: $verdict", async ({ action, phase, legal }) => {
      await seedBoth(t, phase);
      const rule = TABLE[action];

      if (legal) {
        await hold(t);
        const res = await run(t, action, NAME);
        if (action === "kubeconfig") {
          expect((res as { kubeconfig: string }).kubeconfig).toContain("kind: Config");
          expect(phaseName((await phaseOf(t, NAME))!)).toBe(phaseName(phase));
          return;
        }
        const op = res as Operation;
        expect(op.metadata?.verb).toBe(rule.verb);
        expect(op.metadata?.target).toBe(NAME);
        const v = await t.vclusters.getVCluster({ name: NAME });
        if (rule.atOnce?.includes(phase)) {
          // Recorded at once: done, same phase, spec ahead of the host.
          expect(op.done).toBe(true);
          expect(op.result.case).toBe("response");
          expect(phaseName(v.status!.phase)).toBe(phaseName(phase));
          expect(v.generation).toBeGreaterThan(v.status!.observedGeneration);
          return;
        }
        expect(op.done).toBe(false);
        if (rule.during === undefined) {
          // A snapshot holds no phase and no current_operation.
          expect(phaseName(v.status!.phase)).toBe(phaseName(phase));
          expect(v.status?.currentOperation).toBe("");
          return;
        }
        expect(phaseName(v.status!.phase)).toBe(phaseName(rule.during));
        expect(v.status?.currentOperation).toBe(op.name);
        return;
      }

      const err = await expectCode(run(t, action, NAME), Code.FailedPrecondition);
      expect(err.rawMessage).toMatch(new RegExp(`\\b(PHASE_)?${phaseName(phase)}\\b`));
      if (phase === FAILED) {
        // A refused repair names what failed and the repairs allowed.
        expect(err.rawMessage).toMatch(/after a failed update .*repairs allowed are update, restore, delete/);
      } else if (action !== "delete (force)") {
        expect(allowedIn(err.rawMessage).sort()).toEqual((rule.listed ?? rule.legal).map(phaseName).sort());
      }
      // Refused means untouched: same phase, no operation, no snapshot.
      expect(phaseName((await phaseOf(t, NAME))!)).toBe(phaseName(phase));
      expect((await t.operations.listOperations({ parent: PARENT })).operations).toHaveLength(0);
      if (action === "snapshot") {
        await expectCode(t.snapshots.getSnapshot({ name: snapName("snap") }), Code.NotFound);
      }
    });
  });

  describe("every legal transition ends where the proto says", () => {
    it.each(OUTCOMES)("$action from $from: succeeds -> $successName", async ({ action, phase, success }) => {
      await seedBoth(t, phase);
      const op = (await run(t, action, NAME)) as Operation;
      const done = await settle(t, op.name);
      expect(done.done).toBe(true);
      expect(done.result.case, done.result.case === "error" ? done.result.value.message : "").toBe("response");
      if (success === null) {
        await expectCode(t.vclusters.getVCluster({ name: NAME }), Code.NotFound);
      } else {
        const v = await t.vclusters.getVCluster({ name: NAME });
        expect(phaseName(v.status!.phase)).toBe(phaseName(success));
        expect(v.status?.currentOperation).toBe("");
      }
    });

    it.each(OUTCOMES.filter((o) => !TABLE[o.action].atOnce?.includes(o.phase)))("$action from $from: fails -> $failureName", async ({ action, phase, failure }) => {
      await seedBoth(t, phase);
      await t.control.failNextStep({ verb: TABLE[action].verb!, target: NAME, message: "injected", code: Code.Unavailable });
      const op = (await run(t, action, NAME)) as Operation;
      const done = await settle(t, op.name);
      expect(done.done).toBe(true);
      expect(done.result.case).toBe("error");
      if (done.result.case === "error") expect(done.result.value.code).toBe(Code.Unavailable);
      const v = await t.vclusters.getVCluster({ name: NAME });
      expect(phaseName(v.status!.phase)).toBe(phaseName(failure));
      // A failed snapshot says so on its Snapshotting condition, not in the vcluster's message.
      const message = action === "snapshot" ? v.status?.conditions.find((c) => c.type === "Snapshotting")?.message : v.status?.message;
      expect(message).toContain("injected");
      // FAILED says what failed; any other phase has no failed operation.
      if (failure === FAILED) expect(v.status?.failedOperation).toMatchObject({ verb: TABLE[action].verb, operation: op.name });
      else expect(v.status?.failedOperation).toBeUndefined();
    });
  });

  describe("creation", () => {
    /** Watches `name` and returns the phases it goes through until `last`. */
    async function phasesUntil(start: () => Promise<unknown>, name: string, last: Phase[]): Promise<string[]> {
      const ac = new AbortController();
      const seen: string[] = [];
      const stream = t.vclusters.watchVClusters({ parent: PARENT }, { signal: ac.signal });
      const it = stream[Symbol.asyncIterator]();
      // The initial state ends with SYNCED: only then is the watch live.
      for (;;) {
        const { value } = await it.next();
        if (value?.type === EventType.SYNCED) break;
      }
      await start();
      try {
        for (;;) {
          const { value, done } = await it.next();
          if (done) break;
          if (value.vcluster?.name !== name) continue;
          const p = value.vcluster.status!.phase;
          if (seen.at(-1) !== phaseName(p)) seen.push(phaseName(p));
          if (last.includes(p)) break;
          if (p === CREATING || p === RESTORING) await release(t);
        }
      } finally {
        ac.abort();
      }
      return seen;
    }

    it("(create) -> PENDING -> CREATING -> RUNNING", async () => {
      await hold(t);
      const phases = await phasesUntil(
        () => t.vclusters.createVCluster({ parent: PARENT, vclusterId: VC, vcluster: {} }),
        NAME,
        [RUNNING, FAILED],
      );
      expect(phases).toEqual(["PENDING", "CREATING", "RUNNING"]);
    });

    it("(create) -> PENDING -> CREATING -> FAILED when the install fails", async () => {
      await hold(t);
      await t.control.failNextStep({ verb: OperationVerb.CREATE, message: "chart install failed" });
      const phases = await phasesUntil(
        () => t.vclusters.createVCluster({ parent: PARENT, vclusterId: VC, vcluster: {} }),
        NAME,
        [RUNNING, FAILED],
      );
      expect(phases).toEqual(["PENDING", "CREATING", "FAILED"]);
    });

    it("(create from a snapshot) -> RESTORING -> RUNNING", async () => {
      await seedSnapshot(t, "base");
      await hold(t);
      const phases = await phasesUntil(
        () => t.vclusters.createVCluster({ parent: PARENT, vclusterId: VC, vcluster: {}, sourceSnapshot: snapName("base") }),
        NAME,
        [RUNNING, FAILED],
      );
      expect(phases).toEqual(["RESTORING", "RUNNING"]);
    });

    it("PENDING -> DELETING: a vcluster not yet installing can be deleted without force", async () => {
      await seedVCluster(t, VC, PENDING);
      await hold(t);
      const op = await t.vclusters.deleteVCluster({ name: NAME });
      expect(phaseName((await phaseOf(t, NAME))!)).toBe("DELETING");
      await release(t);
      expect((await settle(t, op.name)).result.case).toBe("response");
      await expectCode(t.vclusters.getVCluster({ name: NAME }), Code.NotFound);
    });
  });
});
