/**
 * Project quotas: what a project's vclusters and snapshots use, and the one
 * check every growing request makes. A vcluster counts (in any phase but
 * DELETING) with replicas × `spec.control_plane.resources.requests` of its
 * control plane (defaults: 1 replica, 200m, 256Mi); a snapshot counts in any
 * phase but DELETING. A request that would take a dimension over its limit
 * fails with RESOURCE_EXHAUSTED naming the quota, the would-be usage and the
 * limit. A quota lowered below the usage blocks only growth: a request that
 * does not raise a dimension passes whatever its limit.
 */
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import {
  QuotaUsageSchema,
  Snapshot_Phase,
  VCluster_Phase,
  type Quota,
  type QuotaUsage,
  type VCluster,
} from "@open-vcluster/sdk";
import type { CoreContext } from "../engine/context.js";
import { invalidArgument } from "../errors.js";
import { formatCpu, formatMemory, parseQuantity } from "./quantity.js";

/** The chart's defaults for a control-plane replica that requests nothing. */
export const DEFAULT_CONTROL_PLANE_CPU = "200m";
export const DEFAULT_CONTROL_PLANE_MEMORY = "256Mi";

/** Usage in exact units: counts, and thousandths of a core or of a byte. */
export interface Usage {
  vclusters: number;
  cpu: bigint;
  memory: bigint;
  snapshots: number;
}

const ZERO: Usage = { vclusters: 0, cpu: 0n, memory: 0n, snapshots: 0 };

/** What one vcluster's control plane requests. */
export function vclusterUsage(v: VCluster): Usage {
  const controlPlane = v.spec?.controlPlane;
  const replicas = BigInt(controlPlane?.replicas ?? 1);
  const requests = controlPlane?.resources?.requests;
  const cpu = quantity(requests?.cpu ?? DEFAULT_CONTROL_PLANE_CPU, "spec.control_plane.resources.requests.cpu");
  const memory = quantity(requests?.memory ?? DEFAULT_CONTROL_PLANE_MEMORY, "spec.control_plane.resources.requests.memory");
  return { vclusters: 1, cpu: replicas * cpu, memory: replicas * memory, snapshots: 0 };
}

/** What a project (`projects/{project}`) uses now. */
export function projectUsage(ctx: CoreContext, project: string): Usage {
  const id = project.slice("projects/".length);
  let usage = { ...ZERO };
  for (const v of ctx.store.listVClusters(id)) {
    if (v.status?.phase === VCluster_Phase.DELETING) continue;
    usage = add(usage, vclusterUsage(v));
  }
  for (const s of ctx.store.listSnapshots(id)) if (s.phase !== Snapshot_Phase.DELETING) usage.snapshots++;
  return usage;
}

/** Project.usage as the API shows it. */
export function toQuotaUsage(u: Usage): QuotaUsage {
  return create(QuotaUsageSchema, {
    vclusters: u.vclusters,
    controlPlaneCpu: formatCpu(u.cpu),
    controlPlaneMemory: formatMemory(u.memory),
    snapshots: u.snapshots,
  });
}

/** A change a request would make: vclusters it adds or replaces, snapshots it takes. */
export interface QuotaChange {
  /** The vcluster as it would be (new, or changed). */
  add?: VCluster;
  /** The vcluster as it is, when `add` replaces it. */
  remove?: VCluster;
  snapshots?: number;
}

/** RESOURCE_EXHAUSTED if `change` takes the project over a limit it does not already exceed as much. */
export function assertQuota(ctx: CoreContext, project: string, change: QuotaChange): void {
  const quota = ctx.store.getProject(project)?.quota;
  if (!quota) return;
  const before = projectUsage(ctx, project);
  let after = before;
  if (change.add) after = add(after, vclusterUsage(change.add));
  if (change.remove) after = subtract(after, vclusterUsage(change.remove));
  after = { ...after, snapshots: after.snapshots + (change.snapshots ?? 0) };
  for (const check of checks(quota)) {
    const next = check.get(after);
    if (next > check.limit && next > check.get(before)) {
      throw new ConnectError(
        `quota ${check.quota} of project "${project}" exceeded: ${check.format(next)} requested, limit ${check.shown}`,
        Code.ResourceExhausted,
      );
    }
  }
}

interface Check {
  quota: string;
  limit: bigint;
  /** The limit as the quota states it. */
  shown: string;
  get: (u: Usage) => bigint;
  format: (n: bigint) => string;
}

function checks(quota: Quota): Check[] {
  const out: Check[] = [];
  const count = (n: bigint) => `${n}`;
  if (quota.maxVclusters !== undefined) {
    out.push({ quota: "max_vclusters", limit: BigInt(quota.maxVclusters), shown: `${quota.maxVclusters}`, get: (u) => BigInt(u.vclusters), format: count });
  }
  if (quota.maxControlPlaneCpu !== undefined) {
    const limit = quantity(quota.maxControlPlaneCpu, "quota.max_control_plane_cpu");
    out.push({ quota: "max_control_plane_cpu", limit, shown: quota.maxControlPlaneCpu, get: (u) => u.cpu, format: formatCpu });
  }
  if (quota.maxControlPlaneMemory !== undefined) {
    const limit = quantity(quota.maxControlPlaneMemory, "quota.max_control_plane_memory");
    out.push({ quota: "max_control_plane_memory", limit, shown: quota.maxControlPlaneMemory, get: (u) => u.memory, format: formatMemory });
  }
  if (quota.maxSnapshots !== undefined) {
    out.push({ quota: "max_snapshots", limit: BigInt(quota.maxSnapshots), shown: `${quota.maxSnapshots}`, get: (u) => BigInt(u.snapshots), format: count });
  }
  return out;
}

function quantity(text: string, field: string): bigint {
  const q = parseQuantity(text);
  if (q === undefined) throw invalidArgument(`${field}: "${text}" is not a Kubernetes quantity`);
  return q;
}

function add(a: Usage, b: Usage): Usage {
  return { vclusters: a.vclusters + b.vclusters, cpu: a.cpu + b.cpu, memory: a.memory + b.memory, snapshots: a.snapshots + b.snapshots };
}

function subtract(a: Usage, b: Usage): Usage {
  return { vclusters: a.vclusters - b.vclusters, cpu: a.cpu - b.cpu, memory: a.memory - b.memory, snapshots: a.snapshots - b.snapshots };
}
