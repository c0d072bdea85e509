/**
 * ovc-server over real HTTP: Connect (HTTP/1.1), gRPC (h2c) and gRPC-Web
 * clients on one port, health checks, and the API working end to end on
 * the simulated driver.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import * as net from "node:net";
import { fileURLToPath } from "node:url";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport, createGrpcWebTransport } from "@connectrpc/connect-node";
import { Health, HealthCheckResponse_ServingStatus } from "@open-vcluster/http";
import { Code, ConnectError } from "@connectrpc/connect";
import { OperationService, ProjectService, SnapshotService, VClusterService, VCluster_Phase } from "@open-vcluster/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../src/index.js";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, latencyMs: 30 });
});
afterAll(() => server.close());

describe("ovc-server", () => {
  it("answers gRPC health checks over h2c and /healthz over HTTP/1.1", async () => {
    const health = createClient(Health, createGrpcTransport({ baseUrl: server.url }));
    expect((await health.check({ service: "" })).status).toBe(HealthCheckResponse_ServingStatus.SERVING);
    for (const service of [VClusterService.typeName, SnapshotService.typeName, OperationService.typeName, ProjectService.typeName]) {
      expect((await health.check({ service })).status, service).toBe(HealthCheckResponse_ServingStatus.SERVING);
    }
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it("serves the API over Connect, gRPC and gRPC-Web on one port", async () => {
    const transports = {
      connect: createConnectTransport({ baseUrl: server.url, httpVersion: "1.1" }),
      grpc: createGrpcTransport({ baseUrl: server.url }),
      grpcWeb: createGrpcWebTransport({ baseUrl: server.url, httpVersion: "1.1" }),
    };
    for (const [i, transport] of Object.values(transports).entries()) {
      const vclusters = createClient(VClusterService, transport);
      const operations = createClient(OperationService, transport);
      const op = await vclusters.createVCluster({ parent: "projects/default", vclusterId: `vc-${i}`, vcluster: {} });
      const done = await operations.waitOperation({ name: op.name, timeout: { seconds: 5n } });
      expect(done.done).toBe(true);
      const v = await vclusters.getVCluster({ name: `projects/default/vclusters/vc-${i}` });
      expect(v.status?.phase).toBe(VCluster_Phase.RUNNING);
      expect(v.status?.hostNamespace).toMatch(new RegExp(`^vc-default-vc-${i}-[0-9a-f]{10}$`));
    }
  });

  it("starts with projects/default and answers NOT_FOUND for any other unknown project", async () => {
    const transport = createConnectTransport({ baseUrl: server.url, httpVersion: "1.1" });
    const projects = createClient(ProjectService, transport);
    const vclusters = createClient(VClusterService, transport);
    expect((await projects.getProject({ name: "projects/default" })).displayName).toBe("default");
    const err = await vclusters.createVCluster({ parent: "projects/defualt", vclusterId: "dev", vcluster: {} }).then(
      () => undefined,
      (e: unknown) => ConnectError.from(e),
    );
    expect(err?.code).toBe(Code.NotFound);
    expect(err?.rawMessage).toBe('project "projects/defualt" not found');
    await expect(projects.getProject({ name: "projects/defualt" })).rejects.toMatchObject({ code: Code.NotFound });
  });

  it("runs as a process that prints where it listens and stops on SIGTERM", async () => {
    const bin = fileURLToPath(new URL("../dist/esm/bin/ovc-server.js", import.meta.url));
    const dataDir = mkdtempSync(join(tmpdir(), "ovc-server-test-"));
    const child = spawn(process.execPath, [bin, "--port", "0", "--data-dir", dataDir], { stdio: ["ignore", "pipe", "pipe"] });
    const [line] = (await once(child.stdout, "data")) as [Buffer];
    const match = /^ovc-server listening on (http:\/\/127\.0\.0\.1:\d+) \(driver: simulated, store: (.+)\)\n$/.exec(line.toString());
    expect(match).not.toBeNull();
    expect(match?.[2]).toBe(join(dataDir, "ovc-server.db"));
    const res = await fetch(`${match?.[1]}/readyz`);
    expect(res.status).toBe(200);
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number];
    expect(code).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("--body-timeout-ms 300 ends a request body that trickles in (504 deadline_exceeded)", async () => {
    const bin = fileURLToPath(new URL("../dist/esm/bin/ovc-server.js", import.meta.url));
    const child = spawn(process.execPath, [bin, "--port", "0", "--store", "memory", "--body-timeout-ms", "300"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const [line] = (await once(child.stdout, "data")) as [Buffer];
      const url = /(http:\/\/[^ ]+)/.exec(line.toString())![1]!;
      const { hostname, port } = new URL(url);
      const socket = net.connect({ host: hostname, port: Number(port) });
      socket.on("error", () => undefined);
      let answer = "";
      socket.on("data", (c: Buffer) => (answer += c.toString("latin1")));
      const closed = once(socket, "close");
      const t0 = Date.now();
      socket.write("POST /openvcluster.v1.VClusterService/GetVCluster HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
      const drip = setInterval(() => socket.writable && socket.write(" "), 50);
      await closed;
      clearInterval(drip);
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect(answer).toMatch(/^HTTP\/1\.1 504 /);
    } finally {
      child.kill("SIGKILL");
    }
  }, 30_000);

  it("refuses an unknown driver with a clear message and exit code 2", async () => {
    const bin = fileURLToPath(new URL("../dist/esm/bin/ovc-server.js", import.meta.url));
    const child = spawn(process.execPath, [bin, "--driver", "qemu"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, "exit")) as [number];
    expect(code).toBe(2);
    expect(stderr).toMatch(/--driver: "qemu" is not one of simulated, kubernetes/);
  });
});
