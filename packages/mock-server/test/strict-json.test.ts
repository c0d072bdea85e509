// Connect JSON and gRPC+json requests: an unknown field or enum value name is
// INVALID_ARGUMENT naming it, not silently dropped (`"validateonly": true`
// would otherwise create a real vcluster).
import * as http2 from "node:http2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/index.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
beforeEach(() => server.control.reset({}));
afterAll(() => server.close());

const CREATE = "/openvcluster.v1.VClusterService/CreateVCluster";

async function connectJson(body: unknown): Promise<{ status: number; json: { code?: string; message?: string } }> {
  const res = await fetch(server.url + CREATE, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { code?: string; message?: string } };
}

async function grpcJson(body: unknown): Promise<{ status: string; message: string }> {
  const session = http2.connect(server.url);
  session.on("error", () => undefined);
  const payload = Buffer.from(JSON.stringify(body));
  const frame = Buffer.alloc(5 + payload.length);
  frame.writeUInt32BE(payload.length, 1);
  payload.copy(frame, 5);
  return new Promise((resolve, reject) => {
    const req = session.request({ ":method": "POST", ":path": CREATE, "content-type": "application/grpc+json", te: "trailers" });
    let h: http2.IncomingHttpHeaders = {};
    req.on("response", (x) => (h = { ...h, ...x }));
    req.on("trailers", (x) => (h = { ...h, ...x }));
    req.on("data", () => undefined);
    req.on("error", reject);
    req.on("close", () => {
      session.close();
      resolve({ status: String(h["grpc-status"]), message: decodeURIComponent(String(h["grpc-message"] ?? "")) });
    });
    req.end(frame);
  });
}

const cases: Array<[string, unknown, RegExp]> = [
  ["an unknown top-level field", { parent: "projects/demo", vclusterId: "dev", vcluster: {}, validateonly: true }, /validateonly/],
  ["an unknown nested field", { parent: "projects/demo", vclusterId: "dev", vcluster: { spec: { replicaz: 3 } } }, /replicaz/],
  [
    "an unknown enum value name",
    { parent: "projects/demo", vclusterId: "dev", vcluster: { spec: { exposure: { type: "TYPE_LOADBALANCER" } } } },
    /TYPE_LOADBALANCER/,
  ],
  ["an out-of-range enum number", { parent: "projects/demo", vclusterId: "dev", vcluster: { spec: { exposure: { type: 99 } } } }, /type|99/],
];

// Connect JSON (and the REST mapping to come) names the field path, not just the enum type.
it.each([
  [
    { parent: "projects/demo", vclusterId: "dev", vcluster: { spec: { exposure: { type: "TYPE_LOADBALANCER" } } } },
    /^vcluster\.spec\.exposure\.type: unknown value "TYPE_LOADBALANCER" of enum openvcluster\.v1\.Exposure\.Type/,
  ],
  [
    { parent: "projects/demo", vclusterId: "dev", vcluster: { spec: { sync: { toHost: { pods: { mode: "MODE_ON" } } } } } },
    /^vcluster\.spec\.sync\.toHost\["pods"\]\.mode: unknown value "MODE_ON"/,
  ],
  [{ parent: "projects/demo", vclusterId: "dev", vcluster: { spec: { replicaz: 3 } } }, /^vcluster\.spec\.replicaz: unknown field/],
])("Connect JSON names the field path of %j", async (body, message) => {
  const { status, json } = await connectJson(body);
  expect(status).toBe(400);
  expect(json.code).toBe("invalid_argument");
  expect(json.message).toMatch(message);
});

describe.each(cases)("%s", (_name, body, field) => {
  it("Connect JSON → 400 invalid_argument naming it, nothing created", async () => {
    const res = await connectJson(body);
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("invalid_argument");
    expect(res.json.message).toMatch(field);
    expect((await connectJson({ parent: "projects/demo", vclusterId: "dev", vcluster: {} })).status).toBe(200);
  }, 30_000);

  it("gRPC+json → grpc-status 3 naming it", async () => {
    const res = await grpcJson(body);
    expect(res.status).toBe("3");
    expect(res.message).toMatch(field);
  }, 30_000);
});

it("known JSON names in either spelling are still accepted", async () => {
  const res = await connectJson({ parent: "projects/demo", vcluster_id: "dev", vcluster: { spec: { exposure: { type: "TYPE_LOAD_BALANCER" } } }, validateOnly: true });
  expect(res.status).toBe(200);
}, 30_000);
