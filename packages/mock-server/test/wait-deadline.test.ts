// WaitOperation is bounded by the call's deadline: a client whose deadline is
// shorter than `timeout` gets OK (done=false) in time, not DEADLINE_EXCEEDED.
import { createClient, type Transport } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { OperationService, VClusterService } from "@open-vcluster/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/index.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ latencyMs: 60_000 });
  await server.control.freezeClock({}); // the create never finishes
});
afterAll(() => server.close());

const transports: Array<[string, () => Transport]> = [
  ["Connect JSON over HTTP/1.1", () => createConnectTransport({ baseUrl: server.url, httpVersion: "1.1", useBinaryFormat: false })],
  ["gRPC over h2c", () => createGrpcTransport({ baseUrl: server.url })],
];

describe.each(transports)("%s", (name, transport) => {
  // A 1 s deadline leaves the server a 100 ms margin (10 %): enough on a loaded
  // CI machine, where 300 ms left 30 ms. Before the fix the answer always came
  // after the deadline, whatever its length.
  it("a 1 s deadline with a 10 s timeout answers done=false before the deadline", async () => {
    const vclusters = createClient(VClusterService, transport());
    const operations = createClient(OperationService, transport());
    const id = name.startsWith("gRPC") ? "grpc" : "connect";
    const op = await vclusters.createVCluster({ parent: "projects/demo", vclusterId: id, vcluster: {} });
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const res = await operations.waitOperation({ name: op.name, timeout: { seconds: 10n } }, { timeoutMs: 1000 });
      expect(res.done).toBe(false);
      expect(Date.now() - started).toBeLessThan(1000);
    }
  }, 30_000);
});
