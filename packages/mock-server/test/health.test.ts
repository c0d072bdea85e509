// gRPC health answers the same on ovc-mock as on ovc-server (both take the
// known services from what they register; see @open-vcluster/http serve()).
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { Health, HealthCheckResponse_ServingStatus as Status } from "@open-vcluster/http";
import { HostClusterService, OperationService, ProjectService, SnapshotService, VClusterService } from "@open-vcluster/sdk";
import { MockControlService } from "@open-vcluster/sdk/mock";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../src/index.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

it("grpc.health.v1.Health/Check is SERVING for every API service, as on ovc-server", async () => {
  const health = createClient(Health, createGrpcTransport({ baseUrl: server.url }));
  const api = [ProjectService, VClusterService, SnapshotService, OperationService, HostClusterService].map((s) => s.typeName);
  for (const service of ["", ...api, MockControlService.typeName]) {
    expect((await health.check({ service })).status, service).toBe(Status.SERVING);
  }
  const listed = Object.keys((await health.list({})).statuses).sort();
  expect(listed).toEqual(["", ...api, MockControlService.typeName].sort());
}, 30_000);
