/** GetServerConfig: the core's server config as the `ServerConfig` message. */
import { create } from "@bufbuild/protobuf";
import { GetServerConfigRequestSchema, ServerConfigSchema, type GetServerConfigRequest, type ServerConfig } from "@open-vcluster/sdk";
import type { ServerConfigSettings } from "../rules/server-config.js";
import { validateRequest } from "../validation.js";

export function serverConfigMessage(config: ServerConfigSettings): ServerConfig {
  return create(ServerConfigSchema, {
    name: "serverConfig",
    defaultChartVersion: config.defaultChartVersion,
    chartReleases: config.chartReleases.map((r) => ({
      chartVersion: r.chartVersion,
      kubernetesVersions: [...r.kubernetesVersions],
      defaultKubernetesVersion: r.defaultKubernetesVersion,
    })),
    storageTypes: [...config.storageTypes],
    exposureTypes: [...config.exposureTypes],
    backingStores: [...config.backingStores],
    deniedValuesKeys: [...config.deniedValuesKeys],
    defaultHostCluster: config.defaultHostCluster,
  });
}

export function getServerConfig(config: ServerConfigSettings, req: GetServerConfigRequest): ServerConfig {
  validateRequest(GetServerConfigRequestSchema, req);
  return serverConfigMessage(config);
}
