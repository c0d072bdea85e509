// 11+ concurrent WatchVClusters, or WaitOperation calls on one operation,
// must not trip Node's MaxListenersExceededWarning on a shared AbortSignal.
import { createClient } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { OperationService, VClusterService } from "@open-vcluster/sdk";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/index.js";

let server: MockServer;
const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);
beforeAll(async () => {
  process.on("warning", onWarning);
  server = await startMockServer({ latencyMs: 60_000 });
});
afterAll(async () => {
  process.off("warning", onWarning);
  await server.close();
});

it("20 concurrent watches and 20 concurrent waits on one operation emit no warning", async () => {
  for (const transport of [
    createConnectTransport({ baseUrl: server.url, httpVersion: "1.1" }),
    createGrpcTransport({ baseUrl: server.url }),
  ]) {
    await server.control.reset({});
    await server.control.freezeClock({});
    const vclusters = createClient(VClusterService, transport);
    const operations = createClient(OperationService, transport);
    const op = await vclusters.createVCluster({ parent: "projects/demo", vclusterId: "dev", vcluster: {} });
    const controllers = Array.from({ length: 20 }, () => new AbortController());
    let synced = 0;
    const watches = controllers.map(async (c) => {
      try {
        for await (const _ of vclusters.watchVClusters({ parent: "projects/demo" }, { signal: c.signal })) {
          void _;
          synced++;
        }
      } catch {
        // aborted below
      }
    });
    const waits = Array.from({ length: 20 }, () => operations.waitOperation({ name: op.name, timeout: { nanos: 300_000_000 } }));
    expect((await Promise.all(waits)).every((o) => !o.done)).toBe(true);
    await expect.poll(() => synced, { timeout: 20_000 }).toBeGreaterThanOrEqual(20);
    for (const c of controllers) c.abort();
    await Promise.all(watches);
  }
  await new Promise((resolve) => setImmediate(resolve));
  expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning").map((w) => w.message)).toEqual([]);
}, 60_000);
