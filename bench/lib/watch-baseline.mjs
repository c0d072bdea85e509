/**
 * The watch benchmark's baseline: Connect serving a trivial VClusterService
 * with just UpdateVCluster and WatchVClusters. Every watcher gets SYNCED,
 * then each update is pushed as one MODIFIED event (carrying a constant
 * vcluster with the request's labels) onto every watcher's queue. No store,
 * no validation, no filter: the latency left is Connect's own (serialization,
 * streams, and over HTTP the sockets).
 */
export function baselineWatchRoutes({ create, VClusterSchema, WatchVClustersResponseSchema, WatchVClustersResponse_EventType, OperationSchema, VClusterService }, vcluster) {
  const constant = create(VClusterSchema, vcluster);
  const watchers = new Set();
  let version = 0;
  return (router) =>
    router.service(VClusterService, {
      updateVCluster(req) {
        version++;
        const event = create(WatchVClustersResponseSchema, {
          type: WatchVClustersResponse_EventType.MODIFIED,
          vcluster: { ...constant, labels: { ...req.vcluster?.labels } },
          version: String(version),
        });
        for (const push of watchers) push(event);
        return create(OperationSchema, { name: `projects/bench/operations/${version}`, done: true });
      },
      async *watchVClusters(_req, context) {
        const queue = [];
        let wake;
        const push = (event) => {
          queue.push(event);
          wake?.();
        };
        watchers.add(push);
        const aborted = new Promise((resolve) => context.signal.addEventListener("abort", resolve, { once: true }));
        try {
          yield create(WatchVClustersResponseSchema, { type: WatchVClustersResponse_EventType.SYNCED, version: String(version) });
          while (!context.signal.aborted) {
            if (queue.length === 0) {
              await Promise.race([new Promise((resolve) => (wake = resolve)), aborted]);
              wake = undefined;
              continue;
            }
            yield queue.shift();
          }
        } finally {
          watchers.delete(push);
        }
      },
    });
}
