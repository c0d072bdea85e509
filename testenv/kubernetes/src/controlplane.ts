// startControlPlane(): etcd + kube-apiserver + kube-controller-manager +
// kube-scheduler + kwok on 127.0.0.1, in a fresh temp dir, with token auth and
// RBAC, one fake kwok node that pods schedule onto and become Running on, and
// an admin kubeconfig. The flags follow envtest's, plus what StatefulSets,
// ServiceAccounts and scheduling need (see ../README.md).
import { mkdtempSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiRequest, waitFor, type ApiTarget } from "./api.js";
import { locateBinaries, type Binaries } from "./binaries.js";
import { writeKubeconfig } from "./kubeconfig.js";
import { serviceAccountKeyPair, randomToken } from "./pki.js";
import { freePorts } from "./ports.js";
import { ProcessGroup, logTail } from "./processes.js";

export const FAKE_NODE_NAME = "kwok-node-0";
export const SERVICE_CIDR = "10.0.0.0/24";
export const POD_CIDR = "10.244.0.0/16";

export interface ControlPlaneOptions {
  /** Directory with the binaries; default: build.sh's cache (OVC_K8S_BIN_DIR overrides). */
  binDir?: string;
  /** Parent of the temp dir; default os.tmpdir(). */
  tmpRoot?: string;
  /** Progress messages (default: none). */
  log?: (message: string) => void;
  /** Overall startup timeout (default 120 s). */
  startTimeoutMs?: number;
}

export interface ControlPlane {
  /** Absolute path of an admin kubeconfig (token user in system:masters). */
  kubeconfigPath: string;
  /** https://127.0.0.1:<port> */
  server: string;
  adminToken: string;
  /** PEM bundle that verifies the API server's certificate. */
  caPem: string;
  /** The temp dir holding data, logs and the kubeconfig (removed by stop()). */
  dir: string;
  binaries: Binaries;
  /** Name of the fake kwok node pods run on. */
  nodeName: string;
  /** Process ids (each also its process group id) by component name. */
  pids: Record<string, number>;
  /** Milliseconds from start to ready. */
  startupMs: number;
  /** Peak resident memory so far (KiB): summed over the processes, and per process. */
  peakRssKiB(): { total: number; byName: Record<string, number> };
  /** Stops every process (SIGTERM, then SIGKILL) and removes the temp dir. Idempotent. */
  stop(): Promise<void>;
}

export async function startControlPlane(opts: ControlPlaneOptions = {}): Promise<ControlPlane> {
  const binaries = locateBinaries(opts.binDir);
  // A port taken by someone else between probing and binding makes a
  // component exit at once; retry with fresh ports and a fresh dir.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(binaries, opts);
    } catch (err) {
      if (attempt >= 3 || !String(err).includes("address already in use")) throw err;
      opts.log?.(`port collision, retrying (${attempt})`);
    }
  }
}

async function startOnce(binaries: Binaries, opts: ControlPlaneOptions): Promise<ControlPlane> {
  const log = opts.log ?? (() => {});
  const t0 = Date.now();
  const dir = mkdtempSync(join(opts.tmpRoot ?? tmpdir(), "ovc-k8s-"));
  const logsDir = join(dir, "logs");
  const pki = join(dir, "pki");
  for (const d of [logsDir, pki, join(dir, "etcd")]) mkdirSync(d, { recursive: true, mode: 0o700 });
  const group = new ProcessGroup(dir, logsDir);
  let target: ApiTarget | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // The in-tree hostPath provisioner can only create under /tmp/hostpath_pv
    // (hard-coded); find our volumes while the API still answers.
    const volumeDirs = target ? await hostPathVolumeDirs(target).catch(() => []) : [];
    try {
      await group.stopAll(); // throws if a process survived
    } finally {
      for (const d of volumeDirs) rmSync(d, { recursive: true, force: true });
      try {
        rmdirSync(HOSTPATH_PV_ROOT); // only when empty: another run may be using it
      } catch {
        // not empty or already gone
      }
      rmSync(dir, { recursive: true, force: true });
    }
  };

  try {
    const [etcdClient, etcdPeer, apiPort, kcmPort, schedPort] = (await freePorts(5)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const server = `https://127.0.0.1:${apiPort}`;
    const adminToken = randomToken();
    const sa = serviceAccountKeyPair();
    writeFileSync(join(pki, "sa.pub"), sa.publicKeyPem);
    writeFileSync(join(pki, "sa.key"), sa.privateKeyPem, { mode: 0o600 });
    // token,user,uid,"group1,group2": the admin is in system:masters (all rights
    // regardless of RBAC); the components use it too, which keeps setup small.
    writeFileSync(join(pki, "tokens.csv"), `${adminToken},admin,admin,"system:masters"\n`, { mode: 0o600 });

    log("starting etcd");
    group.start("etcd", binaries.etcd, [
      "--name=default",
      `--data-dir=${join(dir, "etcd")}`,
      `--listen-client-urls=http://127.0.0.1:${etcdClient}`,
      `--advertise-client-urls=http://127.0.0.1:${etcdClient}`,
      `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-cluster=default=http://127.0.0.1:${etcdPeer}`,
      "--unsafe-no-fsync", // test data: durability is not worth the latency
      "--log-level=warn",
    ]);

    log("starting kube-apiserver");
    const certDir = join(pki, "apiserver");
    group.start("kube-apiserver", binaries.kubeApiserver, [
      `--etcd-servers=http://127.0.0.1:${etcdClient}`,
      `--cert-dir=${certDir}`, // no --tls-cert-file: it self-signs for 127.0.0.1/localhost
      `--secure-port=${apiPort}`,
      "--bind-address=127.0.0.1",
      "--advertise-address=127.0.0.1",
      `--service-cluster-ip-range=${SERVICE_CIDR}`,
      "--authorization-mode=RBAC",
      `--token-auth-file=${join(pki, "tokens.csv")}`,
      `--service-account-issuer=${server}`,
      `--service-account-key-file=${join(pki, "sa.pub")}`,
      `--service-account-signing-key-file=${join(pki, "sa.key")}`,
      "--allow-privileged=true",
      // The "kubernetes" Service cannot point at a loopback address; leave
      // its endpoints alone instead of failing to sync them every 10 s.
      "--endpoint-reconciler-type=none",
      "--v=1",
    ]);
    target = { server, token: adminToken };
    const startupTimeout = opts.startTimeoutMs ?? 120_000;
    const check = () => group.assertAlive();
    const api = target;
    await waitFor(
      "kube-apiserver /readyz",
      async () => (await apiRequest(api, "GET", "/readyz")).status === 200,
      { timeoutMs: startupTimeout, check },
    );
    log(`kube-apiserver ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // The self-signed bundle: serving cert followed by its CA.
    const caPem = readFileSync(join(certDir, "apiserver.crt"), "utf8");
    api.ca = caPem;

    const kubeconfigPath = join(dir, "kubeconfig");
    writeKubeconfig(kubeconfigPath, { server, token: adminToken, caPem });

    log("starting kube-controller-manager, kube-scheduler, kwok");
    group.start("kube-controller-manager", binaries.kubeControllerManager, [
      `--kubeconfig=${kubeconfigPath}`,
      `--authentication-kubeconfig=${kubeconfigPath}`,
      `--authorization-kubeconfig=${kubeconfigPath}`,
      // no client-CA/requestheader config exists to look up (token auth only)
      "--authentication-skip-lookup=true",
      "--leader-elect=false",
      "--bind-address=127.0.0.1",
      `--secure-port=${kcmPort}`,
      `--cert-dir=${join(pki, "kcm")}`,
      `--service-account-private-key-file=${join(pki, "sa.key")}`,
      `--root-ca-file=${join(certDir, "apiserver.crt")}`,
      `--service-cluster-ip-range=${SERVICE_CIDR}`,
      // Dynamic PersistentVolumes (StorageClass "standard"), so StatefulSets
      // with volumeClaimTemplates (the vcluster chart's "data") get Bound PVCs.
      "--enable-hostpath-provisioner=true",
      // re-check claims/volumes every 2 s, not 15 s: binding and reclaiming
      // sometimes wait for this resync
      "--pvclaimbinder-sync-period=2s",
      "--v=1",
    ]);
    group.start("kube-scheduler", binaries.kubeScheduler, [
      `--kubeconfig=${kubeconfigPath}`,
      `--authentication-kubeconfig=${kubeconfigPath}`,
      `--authorization-kubeconfig=${kubeconfigPath}`,
      // no client-CA/requestheader config exists to look up (token auth only)
      "--authentication-skip-lookup=true",
      "--leader-elect=false",
      "--bind-address=127.0.0.1",
      `--secure-port=${schedPort}`,
      `--cert-dir=${join(pki, "scheduler")}`,
      "--v=1",
    ]);
    group.start(
      "kwok",
      binaries.kwok,
      [
        `--kubeconfig=${kubeconfigPath}`,
        `--config=${binaries.kwokConfig}`,
        "--manage-all-nodes=false",
        "--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
        `--cidr=${POD_CIDR}`,
        "--node-ip=10.0.0.1",
      ],
      // kwok reads optional config from $HOME/.kwok; keep it inside our temp dir.
      { HOME: dir },
    );

    await createFakeNode(api);
    await createDefaultStorageClass(api);
    // Ready = the node is Ready and schedulable (kwok heartbeats, the node
    // lifecycle controller lifted the not-ready taint), the scheduler and the
    // controller manager answer /healthz, and the default ServiceAccount exists
    // (the serviceaccount controller runs; pods are admitted).
    await Promise.all([
      waitFor("fake node Ready and untainted", () => nodeSchedulable(api), { timeoutMs: startupTimeout, check }),
      waitFor("kube-scheduler /healthz", () => healthz(schedPort, adminToken), { timeoutMs: startupTimeout, check }),
      waitFor("kube-controller-manager /healthz", () => healthz(kcmPort, adminToken), {
        timeoutMs: startupTimeout,
        check,
      }),
      waitFor(
        "default ServiceAccount",
        async () => (await apiRequest(api, "GET", "/api/v1/namespaces/default/serviceaccounts/default")).status === 200,
        { timeoutMs: startupTimeout, check },
      ),
    ]);
    log(`control plane ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    return {
      kubeconfigPath,
      server,
      adminToken,
      caPem,
      dir,
      binaries,
      nodeName: FAKE_NODE_NAME,
      pids: Object.fromEntries(group.procs.map((p) => [p.name, p.child.pid ?? -1])),
      startupMs: Date.now() - t0,
      peakRssKiB: () => group.peakRssKiB,
      stop,
    };
  } catch (err) {
    const tails = group.procs.map((p) => `--- ${p.name} (${p.logPath})\n${logTail(p.logPath, 15)}`).join("\n");
    await stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${tails}`, { cause: err });
  }
}

async function healthz(port: number, token: string): Promise<boolean> {
  return (await apiRequest({ server: `https://127.0.0.1:${port}`, token }, "GET", "/healthz")).status === 200;
}

async function createFakeNode(target: ApiTarget): Promise<void> {
  // Status may be set on create for Nodes; kwok keeps the conditions and the
  // lease fresh afterwards. Allocatable is what the scheduler fits pods into.
  const capacity = { cpu: "32", memory: "256Gi", pods: "110", "ephemeral-storage": "1Ti" };
  const node = {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: FAKE_NODE_NAME,
      annotations: { "kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0" },
      labels: {
        "kubernetes.io/hostname": FAKE_NODE_NAME,
        "kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "node-role.kubernetes.io/agent": "",
        type: "kwok",
      },
    },
    spec: {},
    status: { capacity, allocatable: capacity },
  };
  const res = await apiRequest(target, "POST", "/api/v1/nodes", node);
  if (res.status !== 201) throw new Error(`creating the fake node failed: ${res.status} ${res.body}`);
}

export const STORAGE_CLASS = "standard";
const HOSTPATH_PV_ROOT = "/tmp/hostpath_pv";

async function createDefaultStorageClass(target: ApiTarget): Promise<void> {
  const sc = {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name: STORAGE_CLASS, annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
    provisioner: "kubernetes.io/host-path",
    reclaimPolicy: "Delete",
    volumeBindingMode: "Immediate",
  };
  const res = await apiRequest(target, "POST", "/apis/storage.k8s.io/v1/storageclasses", sc);
  if (res.status !== 201) throw new Error(`creating the default StorageClass failed: ${res.status} ${res.body}`);
}

async function hostPathVolumeDirs(target: ApiTarget): Promise<string[]> {
  const res = await apiRequest(target, "GET", "/api/v1/persistentvolumes", undefined, 2000);
  if (res.status !== 200) return [];
  const list = JSON.parse(res.body) as { items: { spec?: { hostPath?: { path?: string } } }[] };
  return list.items
    .map((pv) => pv.spec?.hostPath?.path ?? "")
    .filter((p) => p.startsWith(`${HOSTPATH_PV_ROOT}/`) && /^[0-9a-f-]+$/.test(p.slice(HOSTPATH_PV_ROOT.length + 1)));
}

async function nodeSchedulable(target: ApiTarget): Promise<boolean> {
  const res = await apiRequest(target, "GET", `/api/v1/nodes/${FAKE_NODE_NAME}`);
  if (res.status !== 200) return false;
  const node = JSON.parse(res.body) as {
    spec?: { taints?: { effect: string }[]; unschedulable?: boolean };
    status?: { conditions?: { type: string; status: string }[] };
  };
  const ready = node.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
  const blocking = (node.spec?.taints ?? []).some((t) => t.effect === "NoSchedule" || t.effect === "NoExecute");
  return ready && !blocking && !node.spec?.unschedulable;
}
