/**
 * What a server supports (GetServerConfig), given to core at construction by
 * the driver or the server's options: the chart releases with the Kubernetes
 * versions each can run, the defaults, storage and exposure types, backing
 * stores, the values keys `values_override` may not set, and the host
 * clusters. Every version rule and HostClusterService read it.
 */
import { Exposure_Type } from "@open-vcluster/sdk";

export interface ChartReleaseConfig {
  /** e.g. `0.36.1`. */
  chartVersion: string;
  /** Normalized (`v1.MINOR.PATCH`), newest first. */
  kubernetesVersions: readonly string[];
  /** One of `kubernetesVersions`. */
  defaultKubernetesVersion: string;
}

export interface HostClusterConfig {
  /** `hostClusters/{cluster}`. */
  name: string;
  displayName: string;
  /** `kubernetes`, `simulated`, `in-memory`. */
  driver: string;
  kubernetesVersion: string;
  reachable: boolean;
}

export interface ServerConfigSettings {
  /** Newest first. */
  chartReleases: readonly ChartReleaseConfig[];
  defaultChartVersion: string;
  storageTypes: readonly string[];
  exposureTypes: readonly Exposure_Type[];
  backingStores: readonly string[];
  /** vcluster.yaml key paths (dot separated) that `values_override` may not set, nor anything under them. */
  deniedValuesKeys: readonly string[];
  /** Ordered by name. */
  hostClusters: readonly HostClusterConfig[];
  /** One of `hostClusters`. */
  defaultHostCluster: string;
}

/**
 * The host-privileged keys of the vcluster 0.36.1 chart (values.yaml), refused
 * in `values_override` by default: each grants the vcluster's tenant power on
 * the host cluster beyond its namespace.
 */
export const DEFAULT_DENIED_VALUES_KEYS: readonly string[] = [
  // ClusterRole/ClusterRoleBinding on the host (cluster-wide reads and writes).
  "rbac.clusterRole",
  // Extra rules in the host Role the syncer runs with.
  "rbac.role.extraRules",
  // Arbitrary containers (v2 plugins and the legacy v1 `plugin`) in the control-plane pod.
  "plugins",
  "plugin",
  // Extra manifests and Helm charts applied by the control plane.
  "experimental.deploy",
  // Runs the control plane as a different user or privileged.
  "controlPlane.statefulSet.security",
  // Extra volumes (hostPath among them) mounted into the control plane.
  "controlPlane.statefulSet.persistence.addVolumes",
  "controlPlane.statefulSet.persistence.addVolumeMounts",
  // Sidecars and init containers in the control-plane pod.
  "controlPlane.statefulSet.sidecarContainers",
  "controlPlane.statefulSet.initContainers",
  // Syncing host objects of other namespaces, or to other host namespaces.
  "sync.toHost.namespaces",
  "sync.fromHost.secrets",
  "sync.fromHost.configMaps",
  // Integrations run controllers with host-wide permissions (KubeVirt, external secrets, cert-manager, Istio).
  "integrations",
];

/**
 * The versions the in-memory and simulated drivers offer for chart 0.36.1,
 * whose default image is `loft-sh/kubernetes:v1.36.0` (chart values.yaml,
 * `controlPlane.distro.k8s.image.tag`); the chart supports the three minors
 * before it too. Patch numbers are those of the upstream Kubernetes releases
 * of the chart's release window.
 */
export const DEFAULT_CHART_RELEASES: readonly ChartReleaseConfig[] = [
  {
    chartVersion: "0.36.1",
    kubernetesVersions: ["v1.36.0", "v1.35.3", "v1.34.6", "v1.33.10", "v1.33.4"],
    defaultKubernetesVersion: "v1.36.0",
  },
];

export const DEFAULT_SERVER_CONFIG: ServerConfigSettings = {
  chartReleases: DEFAULT_CHART_RELEASES,
  defaultChartVersion: "0.36.1",
  storageTypes: ["s3", "oci", "azure", "container"],
  exposureTypes: [Exposure_Type.CLUSTER_INTERNAL, Exposure_Type.LOAD_BALANCER, Exposure_Type.INGRESS, Exposure_Type.NODE_PORT],
  backingStores: ["embedded_database", "embedded_etcd", "deployed_etcd", "external_database", "external_etcd"],
  deniedValuesKeys: DEFAULT_DENIED_VALUES_KEYS,
  hostClusters: [{ name: "hostClusters/default", displayName: "default", driver: "in-memory", kubernetesVersion: "v1.36.0", reachable: true }],
  defaultHostCluster: "hostClusters/default",
};

/** The default config with the host cluster's driver named `driver` (e.g. `simulated`). */
export function defaultServerConfig(driver = "in-memory"): ServerConfigSettings {
  return { ...DEFAULT_SERVER_CONFIG, hostClusters: DEFAULT_SERVER_CONFIG.hostClusters.map((h) => ({ ...h, driver })) };
}

export function chartRelease(config: ServerConfigSettings, chartVersion: string | undefined): ChartReleaseConfig | undefined {
  const want = chartVersion ?? config.defaultChartVersion;
  return config.chartReleases.find((r) => r.chartVersion === want);
}
