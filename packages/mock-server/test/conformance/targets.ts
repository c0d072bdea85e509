/**
 * The conformance suite runs every test against each way of reaching the
 * mock: in-process (createMockTransport) and over real HTTP (startMockServer,
 * Connect protocol over HTTP/1.1 and gRPC over h2c). Same core, so the same
 * answers, and this proves it.
 */
import { createClient, type Client, type Transport } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { HostClusterService, OperationService, ProjectService, SnapshotService, VClusterService } from "@open-vcluster/sdk";
import { MockControlService } from "@open-vcluster/sdk/mock";
import { createMockTransport, startMockServer, type MockOptions } from "../../src/index.js";

export interface Target {
  vclusters: Client<typeof VClusterService>;
  snapshots: Client<typeof SnapshotService>;
  operations: Client<typeof OperationService>;
  hostClusters: Client<typeof HostClusterService>;
  projects: Client<typeof ProjectService>;
  control: Client<typeof MockControlService>;
  /** The base URL when served over HTTP. */
  url?: string;
  close(): Promise<void>;
}

export interface TargetKind {
  name: string;
  start(options?: MockOptions): Promise<Target>;
}

function clients(transport: Transport) {
  return {
    vclusters: createClient(VClusterService, transport),
    snapshots: createClient(SnapshotService, transport),
    operations: createClient(OperationService, transport),
    hostClusters: createClient(HostClusterService, transport),
    projects: createClient(ProjectService, transport),
    control: createClient(MockControlService, transport),
  };
}

export const TARGETS: TargetKind[] = [
  {
    name: "in-process",
    async start(options) {
      const transport = createMockTransport(options);
      return { ...clients(transport), close: () => transport.close() };
    },
  },
  {
    name: "connect over http/1.1",
    async start(options) {
      const server = await startMockServer(options);
      return {
        ...clients(createConnectTransport({ baseUrl: server.url, httpVersion: "1.1" })),
        url: server.url,
        close: () => server.close(),
      };
    },
  },
  {
    name: "grpc over h2c",
    async start(options) {
      const server = await startMockServer(options);
      return {
        ...clients(createGrpcTransport({ baseUrl: server.url })),
        url: server.url,
        close: () => server.close(),
      };
    },
  },
];

/** Waits for an operation (5 s at most) and returns its final state. */
export async function settle(t: Target, name: string) {
  return t.operations.waitOperation({ name, timeout: { seconds: 5n } });
}

/** Creates a vcluster and waits until it is RUNNING. */
export async function createRunning(t: Target, id: string, project = "p", labels: Record<string, string> = {}) {
  const op = await t.vclusters.createVCluster({ parent: `projects/${project}`, vclusterId: id, vcluster: { labels } });
  const done = await settle(t, op.name);
  if (done.result.case !== "response") throw new Error(`create ${id} failed: ${JSON.stringify(done.result.value)}`);
  return t.vclusters.getVCluster({ name: `projects/${project}/vclusters/${id}` });
}
