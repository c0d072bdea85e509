/**
 * A driver whose host is a map in memory. It behaves like the kubernetes
 * driver as seen through the API (namespaces, endpoints, replicas, chart and
 * Kubernetes versions, kubeconfigs, snapshot sizes) without a cluster:
 * ovc-mock runs it instantly by default, ovc-server's `simulated` driver with
 * a realistic latency. Tests can make its next step fail.
 */
import { toBinary } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import {
  Exposure_Type,
  GenerateVClusterKubeconfigRequest_Endpoint as Endpoint,
  OperationVerb,
  VClusterSpecSchema,
  VCluster_Phase,
  type Snapshot,
  type VCluster,
} from "@open-vcluster/sdk";
import type {
  Driver,
  HostObservation,
  KubeconfigOutcome,
  KubeconfigRequest,
  ObservedState,
  SnapshotOutcome,
  StepContext,
  UsageOutcome,
} from "../driver.js";
import { formatCpu, formatMemory, parseQuantity } from "../quota/quantity.js";
import { vclusterUsage } from "../quota/quota.js";
import { defaultHostNamespace, idOf, projectOf } from "../names.js";
import { chartRelease, defaultServerConfig, type ServerConfigSettings } from "../rules/server-config.js";

export interface InMemoryDriverOptions {
  /** How long each transition takes on the core's clock. Default 0 (instant). */
  latencyMs?: number;
  /** Chart version when the spec names none. */
  defaultChartVersion?: string;
  /** Kubernetes version when the spec names none. */
  defaultKubernetesVersion?: string;
  /** What GetServerConfig reports. Default: `defaultServerConfig(hostDriver)`. */
  serverConfig?: ServerConfigSettings;
  /** The driver name of its host cluster: `in-memory` (default) or `simulated`. */
  hostDriver?: string;
}

/** A failure queued by `failNextStep`. */
export interface StepFailure {
  verb: OperationVerb;
  /** Only this resource; undefined = the next step of that verb. */
  target?: string;
  message: string;
  code: Code;
}

interface HostVCluster {
  namespace: string;
  replicas: number;
  suspended: boolean;
}

/** CoreDNS's requests in a running vcluster (100m, 70Mi), in thousandths. */
const COREDNS_CPU = 100n;
const COREDNS_MEMORY = 70n * 2n ** 20n * 1000n;

/** The stages each step reports, so progress is visible at any latency. */
const STAGES: Record<string, readonly string[]> = {
  install: ["creating namespace", "installing chart", "waiting for the control plane"],
  update: ["rendering values", "upgrading release", "waiting for rollout"],
  scale: ["patching statefulset", "waiting for replicas"],
  suspend: ["scaling control plane to zero", "deleting synced workloads"],
  resume: ["scaling control plane up", "waiting for the control plane"],
  snapshot: ["requesting snapshot", "writing archive"],
  restore: ["pausing", "restoring backing store", "resuming"],
  uninstall: ["uninstalling release", "deleting namespace"],
  deleteSnapshot: ["deleting archive"],
};

export class InMemoryDriver implements Driver {
  latencyMs: number;
  private readonly host = new Map<string, HostVCluster>();
  private failures: StepFailure[] = [];
  private readonly chartVersion: string;
  private readonly kubernetesVersion: string;
  private readonly config: ServerConfigSettings;

  constructor(options: InMemoryDriverOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.config = options.serverConfig ?? defaultServerConfig(options.hostDriver);
    this.chartVersion = options.defaultChartVersion ?? this.config.defaultChartVersion;
    this.kubernetesVersion = options.defaultKubernetesVersion ?? chartRelease(this.config, this.chartVersion)?.defaultKubernetesVersion ?? "v1.36.0";
  }

  serverConfig(): ServerConfigSettings {
    return this.config;
  }

  /** Makes the next matching step fail with `message` and `code`. */
  failNextStep(failure: StepFailure): void {
    this.failures.push(failure);
  }

  /** Forgets the host state and queued failures (the mock's Reset). */
  reset(): void {
    this.host.clear();
    this.failures = [];
  }

  async install(v: VCluster, ctx: StepContext): Promise<ObservedState> {
    await this.stages("install", OperationVerb.CREATE, v.name, ctx);
    const replicas = v.spec?.controlPlane?.replicas ?? 1;
    this.host.set(v.name, { namespace: namespaceOf(v), replicas, suspended: false });
    return this.observe(v);
  }

  async update(v: VCluster, ctx: StepContext): Promise<ObservedState> {
    await this.stages("update", OperationVerb.UPDATE, v.name, ctx);
    const h = this.ensure(v);
    h.replicas = v.spec?.controlPlane?.replicas ?? 1;
    return this.observe(v);
  }

  async scale(v: VCluster, ctx: StepContext): Promise<ObservedState> {
    await this.stages("scale", OperationVerb.SCALE, v.name, ctx);
    this.ensure(v).replicas = v.spec?.controlPlane?.replicas ?? 1;
    return this.observe(v);
  }

  async suspend(v: VCluster, ctx: StepContext): Promise<ObservedState> {
    await this.stages("suspend", OperationVerb.SUSPEND, v.name, ctx);
    this.ensure(v).suspended = true;
    return this.observe(v);
  }

  async resume(v: VCluster, ctx: StepContext): Promise<ObservedState> {
    await this.stages("resume", OperationVerb.RESUME, v.name, ctx);
    const h = this.ensure(v);
    h.suspended = false;
    // Applies what Update or Scale recorded while suspended.
    h.replicas = v.spec?.controlPlane?.replicas ?? 1;
    return this.observe(v);
  }

  async snapshot(v: VCluster, s: Snapshot, ctx: StepContext): Promise<SnapshotOutcome> {
    await this.stages("snapshot", OperationVerb.SNAPSHOT, v.name, ctx);
    // The archive holds the backing store and the release: size it by the spec, deterministically.
    const spec = v.spec ? toBinary(VClusterSpecSchema, v.spec).length : 0;
    return { sizeBytes: BigInt(4 * 1024 * 1024 + spec * 1024 + s.name.length) };
  }

  async restore(v: VCluster, _s: Snapshot, ctx: StepContext): Promise<ObservedState> {
    // Past "pausing" the backing store is being replaced: no way back.
    await this.stages("restore", OperationVerb.RESTORE, v.name, ctx, 1);
    const h = this.ensure(v);
    h.replicas = v.spec?.controlPlane?.replicas ?? 1;
    return this.observe(v);
  }

  async uninstall(v: VCluster, ctx: StepContext): Promise<void> {
    await this.stages("uninstall", OperationVerb.DELETE, v.name, ctx);
    this.host.delete(v.name);
  }

  async deleteSnapshot(s: Snapshot, ctx: StepContext): Promise<void> {
    await this.stages("deleteSnapshot", OperationVerb.DELETE_SNAPSHOT, s.name, ctx);
  }

  /**
   * Deterministic figures: nothing before the install; while suspended no
   * pods and no requests, only the control plane's volumes; while running
   * the control plane's replicas and requests plus one CoreDNS pod (100m,
   * 70Mi). `hard` is the spec's resource quota when it is enabled, `used`
   * the same keys.
   */
  async usage(v: VCluster): Promise<UsageOutcome> {
    const phase = v.status?.phase ?? VCluster_Phase.UNSPECIFIED;
    const installed = this.host.has(v.name) || (phase !== VCluster_Phase.PENDING && phase !== VCluster_Phase.CREATING);
    const h = installed ? this.ensure(v) : undefined;
    const running = h !== undefined && !h.suspended;
    // What the spec asks for, per replica, times the replicas the host runs (thousandths of a unit).
    const specReplicas = BigInt(v.spec?.controlPlane?.replicas ?? 1);
    const controlPlane = vclusterUsage(v);
    const replicas = BigInt(h?.replicas ?? 0);
    const cpu = running ? (replicas * controlPlane.cpu) / specReplicas + COREDNS_CPU : 0n;
    const memory = running ? (replicas * controlPlane.memory) / specReplicas + COREDNS_MEMORY : 0n;
    const pods = running ? Number(replicas) + 1 : 0;
    const persistent = h !== undefined && v.spec?.persistence?.enabled !== false;
    const persistentVolumeClaims = persistent ? Number(replicas) : 0;
    const storage = (parseQuantity(v.spec?.persistence?.size ?? "5Gi") ?? 0n) * BigInt(persistentVolumeClaims);
    const quota = v.spec?.policies?.resourceQuota;
    const hard: Record<string, string> = quota?.enabled ? { ...quota.hard } : {};
    const figures: Record<string, string> = {
      "requests.cpu": formatCpu(cpu),
      cpu: formatCpu(cpu),
      "requests.memory": formatMemory(memory),
      memory: formatMemory(memory),
      pods: `${pods}`,
      persistentvolumeclaims: `${persistentVolumeClaims}`,
      "requests.storage": formatMemory(storage),
    };
    const used = Object.fromEntries(Object.keys(hard).map((key) => [key, figures[key] ?? "0"]));
    return { cpu: formatCpu(cpu), memory: formatMemory(memory), pods, persistentVolumeClaims, used, hard };
  }

  /**
   * Where a cancelled step left the host: a vcluster never installed (its
   * create was cancelled) is unknown; otherwise suspended or serving.
   */
  async observeHost(v: VCluster): Promise<HostObservation | undefined> {
    const installing = v.status?.phase === VCluster_Phase.PENDING || v.status?.phase === VCluster_Phase.CREATING;
    const h = this.host.get(v.name) ?? (installing ? undefined : this.ensure(v));
    if (!h) return undefined;
    return { phase: h.suspended ? VCluster_Phase.SUSPENDED : VCluster_Phase.RUNNING };
  }

  async kubeconfig(v: VCluster, req: KubeconfigRequest): Promise<KubeconfigOutcome> {
    const type = v.spec?.exposure?.type ?? Exposure_Type.UNSPECIFIED;
    const want = req.endpoint;
    if (want === Endpoint.LOAD_BALANCER && type !== Exposure_Type.LOAD_BALANCER) {
      throw new ConnectError(`vcluster "${v.name}" is not exposed through a LoadBalancer`, Code.FailedPrecondition);
    }
    if (want === Endpoint.INGRESS && type !== Exposure_Type.INGRESS) {
      throw new ConnectError(`vcluster "${v.name}" is not exposed through an Ingress`, Code.FailedPrecondition);
    }
    const server = endpointOf(v, want);
    const context = `vcluster_${idOf(v.name)}_${projectOf(v.name)}`;
    const expireTime = req.tokenTtlSeconds ? new Date(req.now.getTime() + req.tokenTtlSeconds * 1000) : undefined;
    const token = `ovc-${idOf(v.name)}-${(v.uid || "uid").slice(0, 8)}${req.tokenTtlSeconds ? `-${req.tokenTtlSeconds}` : ""}`;
    const kubeconfig = [
      "apiVersion: v1",
      "kind: Config",
      "clusters:",
      `- name: ${context}`,
      "  cluster:",
      `    server: ${server}`,
      "    insecure-skip-tls-verify: true",
      "users:",
      `- name: ${context}`,
      "  user:",
      // A short-lived token, or (no ttl) the admin client certificate, which does not expire.
      ...(req.tokenTtlSeconds
        ? [`    token: ${token}`]
        : [`    client-certificate-data: ${Buffer.from(`admin-cert-${token}`).toString("base64")}`, `    client-key-data: ${Buffer.from(`admin-key-${token}`).toString("base64")}`]),
      "contexts:",
      `- name: ${context}`,
      "  context:",
      `    cluster: ${context}`,
      `    user: ${context}`,
      `current-context: ${context}`,
      "",
    ].join("\n");
    return { kubeconfig, server, context, ...(expireTime ? { expireTime } : {}) };
  }

  private ensure(v: VCluster): HostVCluster {
    let h = this.host.get(v.name);
    if (!h) {
      // A vcluster the host has not seen yet (seeded, or after a restart): take its state from the API.
      h = {
        namespace: namespaceOf(v),
        replicas: v.spec?.controlPlane?.replicas ?? 1,
        // suspend_time stays set through an update or restore of a suspended vcluster.
        suspended:
          v.status?.phase === VCluster_Phase.SUSPENDED ||
          v.status?.phase === VCluster_Phase.RESUMING ||
          v.status?.suspendTime !== undefined,
      };
      this.host.set(v.name, h);
    }
    return h;
  }

  private observe(v: VCluster): ObservedState {
    const h = this.ensure(v);
    const replicas = h.suspended ? 0 : h.replicas;
    return {
      readyReplicas: replicas,
      desiredReplicas: replicas,
      hostNamespace: h.namespace,
      apiServerEndpoint: endpointOf(v, Endpoint.UNSPECIFIED),
      chartVersion: v.spec?.chartVersion ?? this.chartVersion,
      kubernetesVersion: normalizeVersion(v.spec?.kubernetesVersion ?? chartRelease(this.config, v.spec?.chartVersion)?.defaultKubernetesVersion ?? this.kubernetesVersion),
    };
  }

  /** Reports each stage, waits the latency on the core's clock, and fails if a failure is queued. */
  private async stages(step: string, verb: OperationVerb, target: string, ctx: StepContext, noReturnAt?: number): Promise<void> {
    const stages = STAGES[step] ?? [step];
    for (const [i, stage] of stages.entries()) {
      if (i === noReturnAt) ctx.pointOfNoReturn();
      ctx.progress((i / stages.length) * 100, stage);
      // Whole milliseconds that add up to exactly the latency, so a frozen
      // clock advanced by the latency finishes the step at that very instant.
      const wait = Math.round((this.latencyMs * (i + 1)) / stages.length) - Math.round((this.latencyMs * i) / stages.length);
      if (wait > 0) await ctx.clock.sleep(wait, ctx.signal);
      if (ctx.signal.aborted) throw ctx.signal.reason;
    }
    const at = this.failures.findIndex((f) => f.verb === verb && (f.target === undefined || f.target === target));
    if (at >= 0) {
      const [failure] = this.failures.splice(at, 1) as [StepFailure];
      throw new ConnectError(failure.message, failure.code);
    }
  }
}

/** `vc-<project>-<id>`, cut to a DNS label. */
/** The namespace core chose at create (status), else the one the spec names, else the default derivation. */
function namespaceOf(v: VCluster): string {
  return v.status?.hostNamespace || v.spec?.hostNamespace || defaultHostNamespace(projectOf(v.name), idOf(v.name));
}

function endpointOf(v: VCluster, want: Endpoint): string {
  const type = v.spec?.exposure?.type ?? Exposure_Type.UNSPECIFIED;
  const id = idOf(v.name);
  if (want === Endpoint.INGRESS || (want === Endpoint.UNSPECIFIED && type === Exposure_Type.INGRESS)) {
    return `https://${v.spec?.exposure?.ingressHost ?? id}`;
  }
  if (want === Endpoint.LOAD_BALANCER || (want === Endpoint.UNSPECIFIED && type === Exposure_Type.LOAD_BALANCER)) {
    return `https://${id}.lb.${projectOf(v.name)}.example:443`;
  }
  return `https://${id}.${namespaceOf(v)}.svc:443`;
}

/** `v1.MINOR.PATCH`, as a control plane reports it. */
function normalizeVersion(v: string): string {
  const bare = v.replace(/^v/, "");
  return `v${bare.split(".").length === 2 ? `${bare}.0` : bare}`;
}
