// The recorder is bounded by bytes as well as count, keeps no reference to
// big request messages, and says when a record was truncated; Reset frees it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { VClusterService } from "@open-vcluster/sdk";
import { startMockServer, type MockServer } from "../src/index.js";
import { RECORD_LIMIT, RequestRecorder, STRING_LIMIT, recordJson } from "../src/control/recorder.js";
import { CreateVClusterRequestSchema } from "@open-vcluster/sdk";
import { create } from "@bufbuild/protobuf";
import { ControllableClock } from "@open-vcluster/core";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

const BIG = 3_900_000;

it("60 invalid 3.9 MB requests: ListRecordedRequests answers, records are cut and marked, and the recorder stays small", async () => {
  const vclusters = createClient(VClusterService, createConnectTransport({ baseUrl: server.url, httpVersion: "1.1" }));
  const name = "x".repeat(BIG);
  for (let i = 0; i < 60; i++) {
    await expect(vclusters.createVCluster({ parent: "projects/demo", vclusterId: "dev", vcluster: { displayName: name } })).rejects.toThrow(/display_name/);
  }
  const { requests } = await server.control.listRecordedRequests({});
  expect(requests).toHaveLength(60);
  for (const r of requests) {
    expect(r.truncated).toBe(true);
    expect(Number(r.originalSizeBytes)).toBe(JSON.stringify({ parent: "projects/demo", vclusterId: "dev", vcluster: { displayName: name } }).length);
    expect(r.requestJson.length).toBeLessThan(STRING_LIMIT + 200);
    const parsed = JSON.parse(r.requestJson) as { vcluster: { displayName: string } };
    expect(parsed.vcluster.displayName).toMatch(/^x{1024}…\(truncated, 3900000 characters\)$/);
    expect(r.code).toBe(3);
  }
  await server.control.reset({});
  expect((await server.control.listRecordedRequests({})).requests).toEqual([]);
}, 120_000);

it("small requests are recorded whole and not marked", () => {
  const r = recordJson(CreateVClusterRequestSchema, create(CreateVClusterRequestSchema, { parent: "projects/demo", vclusterId: "dev" }));
  expect(r).toEqual({ json: '{"parent":"projects/demo","vclusterId":"dev"}', truncated: false, originalSize: 0n });
});

it("a request whose JSON is too long even when cut keeps no JSON but says so", () => {
  const labels = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, "v".repeat(1000)]));
  const r = recordJson(CreateVClusterRequestSchema, create(CreateVClusterRequestSchema, { vcluster: { labels } }));
  expect(r.json).toBe("");
  expect(r.truncated).toBe(true);
  expect(Number(r.originalSize)).toBeGreaterThan(RECORD_LIMIT);
});

it("drops the oldest records once they hold more than maxBytes, and Reset frees everything", async () => {
  const recorder = new RequestRecorder(new ControllableClock(), 10_000, 100_000);
  const next = recorder.interceptor(async (req) => ({ stream: false, message: req.message }) as never);
  const method = VClusterService.method.createVCluster;
  for (let i = 0; i < 100; i++) {
    const message = create(CreateVClusterRequestSchema, { vcluster: { displayName: "d".repeat(5_000) } });
    await next({ stream: false, method, service: VClusterService, header: new Headers(), message } as never);
  }
  const { count, bytes } = recorder.usage;
  expect(bytes).toBeLessThanOrEqual(100_000);
  expect(count).toBeGreaterThan(10);
  expect(count).toBeLessThan(100);
  recorder.clear();
  expect(recorder.usage).toEqual({ count: 0, bytes: 0 });
});
