/**
 * ovc-mock, the CLI, as a test in another language would run it: spawned
 * from the built dist, talked to over HTTP, stopped with a signal.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { OperationService, VClusterService, VCluster_Phase as Phase, WatchVClustersResponse_EventType as EventType } from "@open-vcluster/sdk";
import { runMockToExit, slowBodyStatus, spawnMock, type MockProcess } from "./fixtures/util.js";

const LINE = /^ovc-mock listening on http:\/\/127\.0\.0\.1:(\d+)\n$/;

// Spawning node is slow on a loaded machine: generous timeouts, concurrent failure cases.
describe("ovc-mock CLI", { timeout: 20_000 }, () => {
  let proc: MockProcess | undefined;
  afterEach(async () => {
    if (proc && proc.child.exitCode === null && proc.child.signalCode === null) {
      proc.child.kill("SIGKILL");
      await proc.exited;
    }
    proc = undefined;
  });

  async function stopsWith(signal: NodeJS.Signals) {
    const started = Date.now();
    proc!.child.kill(signal);
    const { code } = await proc!.exited;
    return { code, ms: Date.now() - started };
  }

  it("prints exactly one line, serves Connect and gRPC, and exits 0 on SIGTERM within 2 s (even with a watch open)", async () => {
    proc = await spawnMock(["--port", "0"]);
    const url = await proc.ready;
    const m = LINE.exec(proc.stdout());
    expect(m, JSON.stringify(proc.stdout())).not.toBeNull();
    const port = Number(m![1]);
    expect(port).toBeGreaterThan(0);
    expect(url).toBe(`http://127.0.0.1:${port}`);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const connect = createClient(VClusterService, createConnectTransport({ baseUrl: url, httpVersion: "1.1" }));
    const grpc = createClient(VClusterService, createGrpcTransport({ baseUrl: url }));
    const op = await connect.createVCluster({ parent: "projects/p", vclusterId: "cli", vcluster: {} });
    const done = await createClient(OperationService, createGrpcTransport({ baseUrl: url })).waitOperation({ name: op.name });
    expect(done.done).toBe(true);
    expect((await grpc.getVCluster({ name: "projects/p/vclusters/cli" })).status?.phase).toBe(Phase.RUNNING);

    // An open server stream must not hold the shutdown up.
    const ac = new AbortController();
    const watch = connect.watchVClusters({ parent: "projects/p" }, { signal: ac.signal })[Symbol.asyncIterator]();
    expect((await watch.next()).value?.type).toBe(EventType.ADDED);
    const { code, ms } = await stopsWith("SIGTERM");
    ac.abort();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(2000);
    // Still nothing but the one line on stdout (no request logs, no goodbye).
    expect(proc.stdout()).toMatch(LINE);
  });

  it("exits 0 on SIGINT within 2 s", async () => {
    proc = await spawnMock(["--port", "0"]);
    const url = await proc.ready;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const { code, ms } = await stopsWith("SIGINT");
    expect(code).toBe(0);
    expect(ms).toBeLessThan(2000);
    expect(proc.stdout()).toMatch(LINE);
  });

  it("--latency 200 makes a create take at least 200 ms", async () => {
    proc = await spawnMock(["--port", "0", "--latency", "200"]);
    const url = await proc.ready;
    const transport = createConnectTransport({ baseUrl: url, httpVersion: "1.1" });
    const vclusters = createClient(VClusterService, transport);
    const started = performance.now();
    const op = await vclusters.createVCluster({ parent: "projects/p", vclusterId: "slow", vcluster: {} });
    expect(op.done).toBe(false);
    const done = await createClient(OperationService, transport).waitOperation({ name: op.name, timeout: { seconds: 5n } });
    const elapsed = performance.now() - started;
    expect(done.done).toBe(true);
    expect(done.result.case).toBe("response");
    expect(elapsed).toBeGreaterThanOrEqual(199);
    const v = await vclusters.getVCluster({ name: "projects/p/vclusters/slow" });
    const ms = (ts: typeof v.createTime) => Number(ts!.seconds) * 1000 + ts!.nanos / 1e6;
    expect(ms(v.updateTime) - ms(v.createTime)).toBeGreaterThanOrEqual(199);
  });

  it("--body-timeout-ms 300 ends a request body that trickles in", async () => {
    proc = await spawnMock(["--port", "0", "--body-timeout-ms", "300"]);
    const url = await proc.ready;
    const t0 = Date.now();
    const status = await slowBodyStatus(url);
    expect(status).toBe(504);
    expect(Date.now() - t0).toBeLessThan(5_000);
  }, 30_000);

  it.each([
    [["--body-timeout-ms", "later"], /--body-timeout-ms: "later"/],
    [["--port", "abc"], /--port: "abc" is not a port/],
    [["--port", "70000"], /--port: "70000"/],
    [["--port", "-1"], /--port/],
    [["--latency", "soon"], /--latency: "soon"/],
    [["--latency", "-5"], /--latency/],
    [["--bogus"], /bogus[\s\S]*usage: ovc-mock/],
    [["--port"], /port[\s\S]*usage: ovc-mock/],
    [["stray-positional"], /stray-positional|positional|Unexpected argument/i],
  ])("exits 2 with a message for %j", { concurrent: true }, async (args, message) => {
    const res = await runMockToExit(args);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^ovc-mock: /);
    expect(res.stderr).toMatch(message);
  });

  it("--help prints the usage and exits 0", async () => {
    const res = await runMockToExit(["--help"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^usage: ovc-mock /);
  });
});
