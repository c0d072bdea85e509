/**
 * Shared helpers of the conformance suite: resource names, seeding a
 * vcluster or snapshot in any phase, holding an operation in flight (and
 * letting it go), and asserting the code, message and details of an error.
 *
 * Nothing here is imported from core: the suite checks the API from outside.
 */
import type { DescMessage, MessageInitShape } from "@bufbuild/protobuf";
import type { ConnectError } from "@connectrpc/connect";
import {
  file_openvcluster_v1_vcluster,
  type OperationVerb,
  Snapshot_Phase,
  VCluster_Phase as Phase,
  type Snapshot,
  type VCluster,
  type VClusterSpecSchema,
} from "@open-vcluster/sdk";

/** A spec as written in a request. */
export type SpecInit = MessageInitShape<typeof VClusterSpecSchema>;
import type { Target } from "./targets.js";

export const PROJECT = "p";
export const PARENT = `projects/${PROJECT}`;
export const vcName = (id: string, project = PROJECT) => `projects/${project}/vclusters/${id}`;
export const snapName = (id: string, project = PROJECT) => `projects/${project}/snapshots/${id}`;
export const opName = (id: string, project = PROJECT) => `projects/${project}/operations/${id}`;

/** Every phase the server may report (UNSPECIFIED is never returned). */
export const ALL_PHASES: readonly Phase[] = [
  Phase.PENDING,
  Phase.CREATING,
  Phase.RUNNING,
  Phase.UPDATING,
  Phase.SCALING,
  Phase.SUSPENDING,
  Phase.SUSPENDED,
  Phase.RESUMING,
  Phase.RESTORING,
  Phase.DELETING,
  Phase.FAILED,
];

/** `RUNNING`, as phases are named in messages. */
export const phaseName = (p: Phase) => Phase[p];

/** A fresh mock for each test: one server per target, reset between tests. */
export async function reset(t: Target): Promise<void> {
  await t.control.reset({});
}

/** A backing store that allows more than one control-plane replica (embedded etcd). */
export const HA_STORE: NonNullable<SpecInit["backingStore"]> = { store: { case: "embeddedEtcd", value: {} } };

/** Puts a vcluster straight into `phase` (as if it had got there earlier). */
export async function seedVCluster(
  t: Target,
  id: string,
  phase: Phase = Phase.RUNNING,
  extra: { spec?: SpecInit; labels?: Record<string, string>; project?: string; failedVerb?: OperationVerb; deletionProtection?: boolean } = {},
): Promise<VCluster> {
  const res = await t.control.seed({
    vclusters: [
      {
        name: vcName(id, extra.project),
        labels: extra.labels ?? {},
        spec: extra.spec ?? { kubernetesVersion: "v1.33.4", backingStore: HA_STORE },
        deletionProtection: extra.deletionProtection ?? false,
        status: {
          phase,
          ...(extra.failedVerb !== undefined ? { failedOperation: { verb: extra.failedVerb, operation: opName("failed") } } : {}),
        },
      },
    ],
  });
  const v = res.vclusters[0];
  if (!v) throw new Error("seed returned no vcluster");
  return v;
}

/** Adds a snapshot (SUCCEEDED unless told) of `source`. */
export async function seedSnapshot(
  t: Target,
  id: string,
  phase: Snapshot_Phase = Snapshot_Phase.SUCCEEDED,
  source = vcName("source"),
  spec: SpecInit = { kubernetesVersion: "v1.33.4", controlPlane: { replicas: 2 }, backingStore: HA_STORE },
): Promise<Snapshot> {
  const res = await t.control.seed({
    snapshots: [
      {
        name: snapName(id),
        sourceVcluster: source,
        storage: { kind: { case: "s3", value: { bucket: "bucket", key: id } } },
        phase,
        sizeBytes: phase === Snapshot_Phase.SUCCEEDED ? 1024n : 0n,
        vclusterSpec: spec,
      },
    ],
  });
  const s = res.snapshots[0];
  if (!s) throw new Error("seed returned no snapshot");
  return s;
}

/**
 * Ten minutes per driver transition: an operation stays in flight until
 * `release`. Shorter than every operation deadline (15 minutes at least), so
 * releasing a held step never runs it into its deadline.
 */
export const HOLD_SECONDS = 600n;

export async function hold(t: Target): Promise<void> {
  await t.control.setLatency({ latency: { seconds: HOLD_SECONDS } });
}

/**
 * Makes later steps instant again and moves the (then frozen) clock past the
 * held latency, so every held step finishes.
 */
export async function release(t: Target): Promise<void> {
  await t.control.setLatency({});
  await t.control.advanceClock({ duration: { seconds: HOLD_SECONDS + 1n } });
}

export async function phaseOf(t: Target, name: string): Promise<Phase | undefined> {
  return (await t.vclusters.getVCluster({ name })).status?.phase;
}

/** One assertion helper for the whole suite. */
export { expectCode } from "../fixtures/util.js";

/**
 * `buf.validate.Violations`, found through the API's own file descriptors
 * (vcluster.proto imports buf/validate/validate.proto), so the suite decodes
 * error details the way any client holding the SDK can.
 */
export const ViolationsSchema: DescMessage = (() => {
  const seen = new Set<string>();
  const queue = [file_openvcluster_v1_vcluster];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file.name)) continue;
    seen.add(file.name);
    const found = file.messages.find((m) => m.typeName === "buf.validate.Violations");
    if (found) return found;
    queue.push(...file.dependencies);
  }
  throw new Error("buf.validate.Violations not found in the SDK's descriptors");
})();

interface DecodedViolations {
  violations: { field?: { elements: { fieldName: string }[] }; ruleId: string; message: string }[];
}

/** The field paths (`a.b.c`, subscripts dropped) of the violations in an error's details. */
export function violationPaths(err: ConnectError): string[] {
  const details = err.findDetails(ViolationsSchema) as unknown as DecodedViolations[];
  return details.flatMap((d) => d.violations.map((v) => (v.field?.elements ?? []).map((e) => e.fieldName).join(".")));
}

/** The rule ids of the violations in an error's details. */
export function violationRules(err: ConnectError): string[] {
  const details = err.findDetails(ViolationsSchema) as unknown as DecodedViolations[];
  return details.flatMap((d) => d.violations.map((v) => v.ruleId));
}

/** Timestamp -> milliseconds. */
export function ms(ts: { seconds: bigint; nanos: number } | undefined): number {
  if (!ts) throw new Error("timestamp not set");
  return Number(ts.seconds) * 1000 + Math.floor(ts.nanos / 1e6);
}

export const UUID = () => crypto.randomUUID();
