/**
 * HostClusterService: the host clusters of the server config, read-only,
 * ordered by name, with keyset page tokens like every other list.
 */
import { create } from "@bufbuild/protobuf";
import type { ServiceImpl } from "@connectrpc/connect";
import {
  GetHostClusterRequestSchema,
  HostClusterSchema,
  ListHostClustersRequestSchema,
  ListHostClustersResponseSchema,
  type HostCluster,
  type HostClusterService,
} from "@open-vcluster/sdk";
import { notFound } from "../errors.js";
import { coercePageSize, compareNames, decodePageToken, encodePageToken, queryFingerprint } from "../query/index.js";
import type { ServerConfigSettings } from "../rules/server-config.js";
import { validateRequest } from "../validation.js";

export function hostClusterService(config: () => ServerConfigSettings): ServiceImpl<typeof HostClusterService> {
  const all = (): HostCluster[] => {
    const c = config();
    return c.hostClusters
      .map((h) => create(HostClusterSchema, { ...h, default: h.name === c.defaultHostCluster }))
      .sort((a, b) => compareNames(a.name, b.name));
  };
  const fingerprint = queryFingerprint({ collection: "hostClusters", parent: "", filter: "", orderBy: "name" });
  return {
    getHostCluster(req) {
      validateRequest(GetHostClusterRequestSchema, req);
      const found = all().find((h) => h.name === req.name);
      if (!found) throw notFound("host cluster", req.name);
      return found;
    },
    listHostClusters(req) {
      validateRequest(ListHostClustersRequestSchema, req);
      const size = coercePageSize(req.pageSize);
      const sorted = all();
      const after = req.pageToken ? (decodePageToken(req.pageToken, fingerprint, 1)[0] as string) : undefined;
      const start = after === undefined ? 0 : sorted.findIndex((h) => compareNames(h.name, after) > 0);
      const from = start < 0 ? sorted.length : start;
      const items = sorted.slice(from, from + size);
      const last = items[items.length - 1];
      const more = from + size < sorted.length;
      return create(ListHostClustersResponseSchema, {
        hostClusters: items,
        nextPageToken: more && last ? encodePageToken(fingerprint, [last.name]) : "",
      });
    },
  };
}
