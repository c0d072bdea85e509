// Type-checks the public entry points from an ESM TypeScript app (with each
// tsconfig: node16 and bundler resolution): the declarations resolve and the
// main exports have the types a user relies on.
import { VClusterService, type VCluster } from "@open-vcluster/sdk";
import { createOpenVClusterClient, type OpenVClusterClient } from "@open-vcluster/sdk/node";
import { createOpenVClusterClient as createWebClient } from "@open-vcluster/sdk/web";
import { MockControlService } from "@open-vcluster/sdk/mock";
import { validate } from "@open-vcluster/sdk/validate";
import { Core } from "@open-vcluster/core";
import { serve } from "@open-vcluster/http";
import { startMockServer, type MockServer } from "@open-vcluster/mock-server";
import { startServer } from "@open-vcluster/server";

export const client: OpenVClusterClient = createOpenVClusterClient({ endpoint: "http://127.0.0.1:1", validate });
export const web: OpenVClusterClient = createWebClient({ endpoint: "http://127.0.0.1:1" });
export const names: string[] = [VClusterService.typeName, MockControlService.typeName];
export const vcluster: VCluster | undefined = undefined;
export const mock: () => Promise<MockServer> = () => startMockServer({ port: 0 });
export const fns: unknown[] = [Core, serve, startServer];
