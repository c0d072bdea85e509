/**
 * The spec rules of Create, Update and Scale that protovalidate cannot
 * check, in one place: versions (resolved and stored normalized), the HA
 * backing store, immutable fields, values_override, sync and exposure, and
 * the host cluster.
 */
import { Code, ConnectError } from "@connectrpc/connect";
import type { VCluster, VClusterSpec } from "@open-vcluster/sdk";
import type { Driver } from "../driver.js";
import { checkHaBackingStore } from "./ha.js";
import { checkImmutable } from "./immutable.js";
import { chartRelease, type ServerConfigSettings } from "./server-config.js";
import { checkExposure, checkSyncRules } from "./sync-exposure.js";
import { checkDeniedKeys, parseValuesOverride, throwValuesViolations } from "./values.js";
import { checkVersionChange, resolveChart, resolveKubernetesVersion } from "./versions.js";

export interface SpecRulesContext {
  readonly serverConfig: ServerConfigSettings;
  readonly driver: Driver;
}

/** Checks a spec as a whole and normalizes its Kubernetes version in place. */
function checkSpec(ctx: SpecRulesContext, spec: VClusterSpec): void {
  checkHaBackingStore(spec.controlPlane?.replicas, spec.backingStore);
  const release = resolveChart(ctx.serverConfig, spec.chartVersion);
  if (spec.kubernetesVersion !== undefined) spec.kubernetesVersion = resolveKubernetesVersion(release, spec.kubernetesVersion);
  checkSyncRules(spec);
  checkExposure(spec);
  if (spec.valuesOverride !== undefined) {
    const values = parseValuesOverride(spec.valuesOverride);
    checkDeniedKeys(values, ctx.serverConfig.deniedValuesKeys);
    throwValuesViolations(ctx.driver.validateValues?.(spec, values) ?? []);
  }
  if (spec.hostCluster !== undefined && !ctx.serverConfig.hostClusters.some((h) => h.name === spec.hostCluster)) {
    throw new ConnectError(
      `spec.host_cluster: host cluster "${spec.hostCluster}" not found; known: ${ctx.serverConfig.hostClusters.map((h) => h.name).join(", ")}`,
      Code.NotFound,
    );
  }
}

/** CreateVCluster: every rule; the spec's Kubernetes version is normalized in place. */
export function checkCreateSpec(ctx: SpecRulesContext, spec: VClusterSpec): void {
  checkSpec(ctx, spec);
}

/**
 * UpdateVCluster: immutable fields stay, versions move forward one minor at
 * most, and the result passes every create rule. Rules about a field the
 * update leaves alone (an unlisted version of an old vcluster) are not
 * re-checked.
 */
export function checkUpdateSpec(ctx: SpecRulesContext, current: VCluster, next: VClusterSpec): void {
  const before = current.spec;
  checkImmutable(before, next);
  const versionTouched = next.kubernetesVersion !== before?.kubernetesVersion || next.chartVersion !== before?.chartVersion;
  if (!versionTouched) {
    // Keep what is stored, whether or not it is still listed.
    const kubernetesVersion = next.kubernetesVersion;
    const chartVersion = next.chartVersion;
    delete next.kubernetesVersion;
    delete next.chartVersion;
    try {
      checkSpec(ctx, next);
    } finally {
      if (kubernetesVersion !== undefined) next.kubernetesVersion = kubernetesVersion;
      if (chartVersion !== undefined) next.chartVersion = chartVersion;
    }
    return;
  }
  checkSpec(ctx, next);
  const from = before?.kubernetesVersion ?? (current.status?.kubernetesVersion || chartRelease(ctx.serverConfig, before?.chartVersion)?.defaultKubernetesVersion);
  const to = next.kubernetesVersion ?? resolveChart(ctx.serverConfig, next.chartVersion).defaultKubernetesVersion;
  if (from !== undefined) checkVersionChange(from, to);
}

/** ScaleVCluster: the new replicas against the stored backing store. */
export function checkScale(current: VCluster, replicas: number | undefined): void {
  if (replicas !== undefined) checkHaBackingStore(replicas, current.spec?.backingStore);
}
