// A 1 MB invalid value must not come back as a multi-megabyte error: error
// messages and buf.validate violation details echo a capped prefix and the
// length, so gRPC clients get INVALID_ARGUMENT (not a grpc-message header
// too big for them: RESOURCE_EXHAUSTED / INTERNAL).
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { ViolationsSchema } from "./conformance/phases.js";
import { VClusterService } from "@open-vcluster/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/index.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

const KEY = "a".repeat(1 << 20);
const request = { parent: "projects/demo", vclusterId: "dev", vcluster: { labels: { [KEY]: "x" } } };

it("Connect JSON: the error body for a 1 MiB label key is small and says how long the key was", async () => {
  const res = await fetch(`${server.url}/openvcluster.v1.VClusterService/CreateVCluster`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
  });
  const body = await res.text();
  expect(res.status).toBe(400);
  expect(body.length).toBeLessThan(8_192);
  const err = JSON.parse(body) as { code: string; message: string };
  expect(err.code).toBe("invalid_argument");
  expect(err.message).toContain(`vcluster.labels["${"a".repeat(64)}… (1048576 characters)"]`);
}, 30_000);

describe.each([
  ["gRPC", () => createGrpcTransport({ baseUrl: server.url })],
  ["Connect", () => createConnectTransport({ baseUrl: server.url, httpVersion: "1.1" })],
])("%s client", (_name, transport) => {
  it("gets INVALID_ARGUMENT with capped violation details", async () => {
    const vclusters = createClient(VClusterService, transport());
    const err = await vclusters.createVCluster(request).then(
      () => undefined,
      (e: unknown) => ConnectError.from(e),
    );
    expect(err?.code).toBe(Code.InvalidArgument);
    expect(err!.rawMessage.length).toBeLessThan(2_048);
    type Decoded = { violations: { field?: { elements: { subscript: { case?: string; value?: unknown } }[] } }[] };
    const [violations] = err!.findDetails(ViolationsSchema) as unknown as Decoded[];
    expect(violations?.violations.length).toBeGreaterThan(0);
    for (const v of violations!.violations) {
      const key = v.field?.elements.find((e) => e.subscript.case === "stringKey")?.subscript.value;
      expect(key).toBe(`${"a".repeat(64)}… (1048576 characters)`);
    }
  }, 30_000);
});
