/** createMockTransport({ interceptors }): client interceptors on the in-process mock, under the SDK client. */
import { afterAll, expect, it } from "vitest";
import type { Interceptor } from "@connectrpc/connect";
import { createOpenVClusterClient } from "../src/index.js";
import { createMockTransport } from "./helpers/in-process.js";

const seen: string[] = [];
const tag: Interceptor = (next) => (req) => {
  seen.push(req.method.name);
  req.header.set("x-test", "tagged");
  return next(req);
};
const mock = createMockTransport({ interceptors: [tag] });
afterAll(() => mock.close());

it("runs the transport's interceptors on API calls, not on control calls", { timeout: 30_000 }, async () => {
  const client = createOpenVClusterClient({ transport: mock });
  await client.createVClusterAndWait({ parent: "projects/demo", vclusterId: "dev", vcluster: {} });
  const [create] = (await mock.control.listRecordedRequests({ method: "openvcluster.v1.VClusterService/CreateVCluster" })).requests;
  expect(create?.headers["x-test"]).toBe("tagged");
  expect(seen[0]).toBe("CreateVCluster");
  expect(seen).not.toContain("ListRecordedRequests");
});
