/**
 * Vclusters for the benches: realistic size (labels, annotations, a spec),
 * deterministic names, and an `env` label that is "prod" on every 10th one.
 */
export const PROJECT = "projects/bench";

/** The i-th vcluster (i from 0), named so the name order is the index order. */
export function benchVCluster(i, { width = 6 } = {}) {
  const id = `vc-${String(i).padStart(width, "0")}`;
  return {
    name: `${PROJECT}/vclusters/${id}`,
    displayName: `Bench vcluster ${i}`,
    labels: { env: i % 10 === 0 ? "prod" : "dev", team: `team-${i % 7}`, tier: i % 2 === 0 ? "gold" : "silver" },
    annotations: { "bench.open-vcluster.dev/index": String(i) },
    spec: {
      kubernetesVersion: "1.31",
      controlPlane: { replicas: 1 },
      persistence: { enabled: true, size: "5Gi" },
    },
  };
}
