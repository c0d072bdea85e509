/**
 * Regression tests for bugs the conformance suite found (all fixed): a seed
 * that fails halfway stores nothing, seeds keep their update_time, latency
 * adds up exactly on a frozen clock, a failing watch is recorded with its
 * code, and watches cut by Reset or shutdown end UNAVAILABLE.
 */
import { describe, expect, it } from "vitest";
import { Code, ConnectError } from "@connectrpc/connect";
import { timestampDate, timestampFromMs, type Timestamp } from "@bufbuild/protobuf/wkt";
import { VCluster_Phase as Phase, WatchVClustersResponse_EventType as EventType } from "@open-vcluster/sdk";
import { startMockServer } from "../src/index.js";
import { TARGETS } from "./conformance/targets.js";
import { openWatch, sleep, until } from "./fixtures/util.js";

const inProcess = TARGETS[0]!;
const ms = (ts: Timestamp | undefined) => (ts ? timestampDate(ts).getTime() : NaN);

describe("known bugs", () => {
  // core/src/store/memory-store.ts:56 — transaction() just calls fn(); the Store contract
  // (store.ts:44 "all of its writes happen, or none") is not kept, so a Seed whose second item
  // is invalid stores (and publishes to watchers) the first one although the call failed.
  it("a failed Seed stores nothing and publishes nothing", async () => {
    const t = await inProcess.start();
    try {
      const w = openWatch(t, {});
      await w.waitFor((es) => es.some((e) => e.type === EventType.SYNCED), 5000, "SYNCED");
      await expect(t.control.seed({ vclusters: [{ name: "projects/p/vclusters/fine" }, { name: "nope" }] })).rejects.toThrow(/vclusters\[1\]/);
      await sleep(20);
      expect(w.events.filter((e) => e.type !== EventType.SYNCED)).toEqual([]);
      w.cancel();
      expect((await t.vclusters.listVClusters({ parent: "projects/p" })).vclusters).toEqual([]);
    } finally {
      await t.close();
    }
  });

  // core/src/engine/records.ts:23 — saveVCluster always sets update_time = now, so the
  // `v.updateTime ??= now` in core/src/engine/seed.ts:38 never keeps a given value. Seed is
  // documented as "as they are given ... output-only fields are filled in when empty".
  it("Seed keeps a given update_time", async () => {
    const t = await inProcess.start();
    try {
      const given = Date.parse("2025-06-01T00:00:00Z");
      const { vclusters } = await t.control.seed({
        vclusters: [{ name: "projects/p/vclusters/old", createTime: timestampFromMs(given - 1000), updateTime: timestampFromMs(given) }],
      });
      expect(ms(vclusters[0]?.createTime)).toBe(given - 1000);
      expect(ms(vclusters[0]?.updateTime)).toBe(given);
    } finally {
      await t.close();
    }
  });

  // core/src/drivers/in-memory.ts:205 — the latency is split into fractional per-stage sleeps
  // (1000 / 3 ms), so on a frozen clock a 1000 ms create completes at T + 999.999… ms: the
  // vcluster's update_time and the operation's end_time read T + 999 ms instead of T + 1000 ms.
  it("a 1000 ms create on a frozen clock completes at exactly T + 1 s", async () => {
    const t = await inProcess.start({ latencyMs: 1000 });
    try {
      const T = ms((await t.control.freezeClock({})).now);
      const op = await t.vclusters.createVCluster({ parent: "projects/p", vclusterId: "exact", vcluster: {} });
      await t.control.advanceClock({ duration: { seconds: 1n } });
      await until(async () => (await t.vclusters.getVCluster({ name: "projects/p/vclusters/exact" })).status?.phase === Phase.RUNNING, 2000, "RUNNING");
      const v = await t.vclusters.getVCluster({ name: "projects/p/vclusters/exact" });
      expect(ms(v.updateTime)).toBe(T + 1000);
      expect(ms((await t.operations.getOperation({ name: op.name })).metadata?.endTime)).toBe(T + 1000);
    } finally {
      await t.close();
    }
  });

  // mock-server/src/control/recorder.ts:49-50 — for a server-streaming call the interceptor sets
  // code = 0 as soon as next() returns the (lazy) response stream; an error raised while
  // streaming (bad resume_version, OUT_OF_RANGE, RESOURCE_EXHAUSTED) is never recorded.
  it("records the status a failed WatchVClusters ended with", async () => {
    const t = await inProcess.start();
    try {
      const w = openWatch(t, { resumeVersion: "abc" });
      await w.waitEnd();
      expect(w.error?.code).toBe(Code.InvalidArgument);
      const { requests } = await t.control.listRecordedRequests({ method: "openvcluster.v1.VClusterService/WatchVClusters" });
      expect(requests.map((r) => r.code)).toEqual([Code.InvalidArgument]);
    } finally {
      await t.close();
    }
  });

  // core/src/api/watch.ts:41 — when the hub closes (Core.reset() on the mock's Reset, Core.close()
  // on shutdown) its subscriptions end "cleanly" (core/src/watch/hub.ts:110), so the for-await
  // loop returns and WatchVClusters ends with status OK. An endless stream that ends OK tells the
  // client it is done; it should end UNAVAILABLE (retry / re-watch). startMockServer().close()
  // (mock-server/src/server.ts:45: mock.close() before server.close()) hits it on every shutdown,
  // so http's "ends open server streams (status unavailable)" never applies to watches.
  it.each(["Reset", "server close"])("a watch cut by %s ends with UNAVAILABLE, not OK", async (how) => {
    const server = await startMockServer();
    let closed = false;
    try {
      const { createClient } = await import("@connectrpc/connect");
      const { createGrpcTransport } = await import("@connectrpc/connect-node");
      const { VClusterService } = await import("@open-vcluster/sdk");
      const client = createClient(VClusterService, createGrpcTransport({ baseUrl: server.url }));
      const it = client.watchVClusters({ parent: "projects/p" })[Symbol.asyncIterator]();
      expect((await it.next()).value?.type).toBe(EventType.SYNCED);
      const next = it.next().then(
        (r) => (r.done ? "OK (stream ended cleanly)" : `event ${r.value.type}`),
        (err: unknown) => Code[ConnectError.from(err).code],
      );
      if (how === "Reset") await server.control.reset({});
      else {
        closed = true;
        await server.close();
      }
      expect(await next).toBe("Unavailable");
    } finally {
      if (!closed) await server.close();
    }
  });
});
