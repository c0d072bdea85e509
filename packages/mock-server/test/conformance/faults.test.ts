import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Code, ConnectError } from "@connectrpc/connect";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { TARGETS, createRunning, type Target } from "./targets.js";
import { expectCode, openWatch } from "../fixtures/util.js";

const GET = "openvcluster.v1.VClusterService/GetVCluster";
const LIST = "openvcluster.v1.VClusterService/ListVClusters";

describe.each(TARGETS)("InjectFault — $name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.control.reset({});
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/a" }] });
  });

  const get = () => t.vclusters.getVCluster({ name: "projects/p/vclusters/a" });
  const list = () => t.vclusters.listVClusters({ parent: "projects/p" });
  const listSnapshots = () => t.snapshots.listSnapshots({ parent: "projects/p" });

  it("fails the faulted method with its code and message; other methods are untouched", async () => {
    const { id } = await t.control.injectFault({ fault: { method: GET, code: Code.Unavailable, message: "backend down" } });
    expect(id).not.toBe("");
    for (let i = 0; i < 3; i++) await expectCode(get(), Code.Unavailable, /^backend down$/);
    expect((await list()).vclusters).toHaveLength(1);
    expect((await listSnapshots()).snapshots).toEqual([]);
  });

  it("uses a default message and any canonical code", async () => {
    await t.control.injectFault({ fault: { method: GET, code: Code.PermissionDenied } });
    await expectCode(get(), Code.PermissionDenied, /injected fault/);
  });

  it("times: 2 fails twice, then works", async () => {
    await t.control.injectFault({ fault: { method: GET, code: Code.Unavailable, times: 2 } });
    await expectCode(get(), Code.Unavailable);
    await expectCode(get(), Code.Unavailable);
    expect((await get()).name).toBe("projects/p/vclusters/a");
    expect((await get()).name).toBe("projects/p/vclusters/a");
  });

  it("probability 0.5 fails about half of 200 calls", async () => {
    await t.control.injectFault({ fault: { method: GET, code: Code.Unavailable, probability: 0.5 } });
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        get().then(
          () => "ok",
          (err) => Code[ConnectError.from(err).code],
        ),
      ),
    );
    const failed = results.filter((r) => r === "Unavailable").length;
    expect(results.filter((r) => r !== "ok" && r !== "Unavailable")).toEqual([]);
    // Binomial(200, 0.5): mean 100, sd ~7.1; [55, 145] is more than 6 sd either way.
    expect(failed).toBeGreaterThanOrEqual(55);
    expect(failed).toBeLessThanOrEqual(145);
  });

  it("adds latency (code 0: slow but successful), and latency before a failure", async () => {
    await t.control.injectFault({ fault: { method: GET, latency: { nanos: 200_000_000 } } });
    let started = performance.now();
    expect((await get()).name).toBe("projects/p/vclusters/a");
    expect(performance.now() - started).toBeGreaterThanOrEqual(199);
    started = performance.now();
    await list();
    expect(performance.now() - started).toBeLessThan(150);

    await t.control.clearFaults({});
    await t.control.injectFault({ fault: { method: LIST, code: Code.DeadlineExceeded, latency: { nanos: 150_000_000 } } });
    started = performance.now();
    await expectCode(list(), Code.DeadlineExceeded);
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
  });

  it("matches a whole service with Service/* and every API call with *", async () => {
    await t.control.injectFault({ fault: { method: "openvcluster.v1.VClusterService/*", code: Code.Unavailable } });
    await expectCode(get(), Code.Unavailable);
    await expectCode(list(), Code.Unavailable);
    await expectCode(t.vclusters.createVCluster({ parent: "projects/p", vclusterId: "b", vcluster: {} }), Code.Unavailable);
    expect((await listSnapshots()).snapshots).toEqual([]);
    expect((await t.operations.listOperations({ parent: "projects/p" })).operations).toEqual([]);

    await t.control.clearFaults({});
    await t.control.injectFault({ fault: { method: "*", code: Code.ResourceExhausted, message: "everything" } });
    await expectCode(get(), Code.ResourceExhausted, /everything/);
    await expectCode(listSnapshots(), Code.ResourceExhausted);
    await expectCode(t.operations.listOperations({ parent: "projects/p" }), Code.ResourceExhausted);
    // The controls themselves are never faulted.
    await t.control.listRecordedRequests({});
    await t.control.clearFaults({});
    expect((await get()).name).toBe("projects/p/vclusters/a");
  });

  it("fails a server-streaming WatchVClusters too", async () => {
    await t.control.injectFault({ fault: { method: "openvcluster.v1.VClusterService/WatchVClusters", code: Code.Unavailable, times: 1 } });
    const failed = openWatch(t, {});
    await failed.waitEnd();
    expect(failed.error?.code).toBe(Code.Unavailable);
    const ok = openWatch(t, {});
    await ok.waitFor((es) => es.some((e) => e.vcluster?.name === "projects/p/vclusters/a"), 5000, "ADDED a");
    ok.cancel();
  });

  it("ClearFaults removes every fault", async () => {
    await t.control.injectFault({ fault: { method: GET, code: Code.Unavailable } });
    await t.control.injectFault({ fault: { method: LIST, code: Code.Aborted } });
    await expectCode(get(), Code.Unavailable);
    await expectCode(list(), Code.Aborted);
    await t.control.clearFaults({});
    await get();
    await list();
  });

  it("rejects a malformed fault with INVALID_ARGUMENT", async () => {
    await expectCode(t.control.injectFault({}), Code.InvalidArgument);
    await expectCode(t.control.injectFault({ fault: { method: "" } }), Code.InvalidArgument);
    await expectCode(t.control.injectFault({ fault: { method: "not a method", code: 14 } }), Code.InvalidArgument);
    await expectCode(t.control.injectFault({ fault: { method: GET, code: 17 } }), Code.InvalidArgument);
    await expectCode(t.control.injectFault({ fault: { method: GET, code: 14, probability: 0 } }), Code.InvalidArgument);
    await expectCode(t.control.injectFault({ fault: { method: GET, code: 14, probability: 1.5 } }), Code.InvalidArgument);
    await expectCode(t.control.injectFault({ fault: { method: GET, code: 14, times: -1 } }), Code.InvalidArgument);
    await expectCode(t.control.injectFault({ fault: { method: GET, latency: { seconds: 61n } } }), Code.InvalidArgument);
    // None of them took effect.
    await get();
  });

  it("Reset clears resources, faults, recorded requests and the clock", async () => {
    await createRunning(t, "b");
    await t.control.injectFault({ fault: { method: LIST, code: Code.Unavailable } });
    await t.control.freezeClock({ time: timestampFromMs(Date.parse("2000-01-01T00:00:00Z")) });
    await t.control.setLatency({ latency: { seconds: 30n } });
    expect((await t.control.listRecordedRequests({})).requests.length).toBeGreaterThan(0);

    await t.control.reset({});
    expect((await t.control.listRecordedRequests({})).requests).toEqual([]);
    const after = await list(); // no fault any more
    expect(after.vclusters).toEqual([]);
    expect(after.totalSize).toBe(0);
    await expectCode(get(), Code.NotFound);
    expect((await t.operations.listOperations({ parent: "projects/p" })).operations).toEqual([]);
    // The clock is back on real time and runs, and the latency is back to the start value (0).
    const started = Date.now();
    const c = await createRunning(t, "c");
    expect(Date.now() - started).toBeLessThan(3000);
    const ms = (v: typeof c) => Number(v.createTime!.seconds) * 1000 + v.createTime!.nanos / 1e6;
    expect(Math.abs(ms(c) - Date.now())).toBeLessThan(60_000);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const d = await createRunning(t, "d");
    expect(ms(d) - ms(c)).toBeGreaterThanOrEqual(50);
  });
});
