import { afterEach, describe, expect, it } from "vitest";
import { Code } from "@connectrpc/connect";
import { timestampDate, timestampFromMs, type Timestamp } from "@bufbuild/protobuf/wkt";
import { VCluster_Phase as Phase } from "@open-vcluster/sdk";
import { TARGETS, settle, type Target } from "./targets.js";
import { expectCode, sleep, until } from "../fixtures/util.js";

const ms = (ts: Timestamp | undefined) => (ts ? timestampDate(ts).getTime() : NaN);

describe.each(TARGETS)("mock clock — $name", (kind) => {
  let t: Target;
  afterEach(() => t.close());

  const phaseOf = async (id: string) => (await t.vclusters.getVCluster({ name: `projects/p/vclusters/${id}` })).status?.phase;

  it("a frozen clock holds a 1 s create in CREATING until AdvanceClock(1 s)", async () => {
    t = await kind.start({ latencyMs: 1000 });
    const frozen = await t.control.freezeClock({});
    const T = ms(frozen.now);
    expect(Math.abs(T - Date.now())).toBeLessThan(5000);
    const op = await t.vclusters.createVCluster({ parent: "projects/p", vclusterId: "slow", vcluster: {} });
    await until(async () => (await phaseOf("slow")) === Phase.CREATING, 2000, "CREATING");
    await sleep(1200); // more than the latency in real time: nothing moves
    expect(await phaseOf("slow")).toBe(Phase.CREATING);
    expect((await t.operations.getOperation({ name: op.name })).done).toBe(false);

    await t.control.advanceClock({ duration: { nanos: 500_000_000 } });
    expect(await phaseOf("slow")).toBe(Phase.CREATING);
    const advanced = await t.control.advanceClock({ duration: { nanos: 500_000_000 } });
    expect(ms(advanced.now)).toBe(T + 1000);
    await until(async () => (await phaseOf("slow")) === Phase.RUNNING, 1000, "RUNNING");
    const v = await t.vclusters.getVCluster({ name: "projects/p/vclusters/slow" });
    expect(ms(v.createTime)).toBe(T);
    // Exactly T + 1000 is asserted in known-bugs.test.ts (the driver's fractional stage sleeps end at T + 999.999…).
    expect(ms(v.updateTime)).toBeGreaterThanOrEqual(T + 999);
    expect(ms(v.updateTime)).toBeLessThanOrEqual(T + 1000);
    const done = await t.operations.getOperation({ name: op.name });
    expect(done.done).toBe(true);
    expect(ms(done.metadata?.endTime)).toBeGreaterThanOrEqual(T + 999);
    expect(ms(done.metadata?.endTime)).toBeLessThanOrEqual(T + 1000);
  });

  it("freezes at a given time: create_time is exactly that time", async () => {
    t = await kind.start();
    const at = Date.parse("2030-06-15T12:34:56.789Z");
    const frozen = await t.control.freezeClock({ time: timestampFromMs(at) });
    expect(ms(frozen.now)).toBe(at);
    const op = await t.vclusters.createVCluster({ parent: "projects/p", vclusterId: "fixed", vcluster: {} });
    await settle(t, op.name); // latency 0: no need to advance
    const v = await t.vclusters.getVCluster({ name: "projects/p/vclusters/fixed" });
    expect(ms(v.createTime)).toBe(at);
    expect(v.status?.phase).toBe(Phase.RUNNING);
    // Recorded requests carry the mock clock's time.
    const recorded = await t.control.listRecordedRequests({ method: "openvcluster.v1.VClusterService/CreateVCluster" });
    expect(ms(recorded.requests[0]?.time)).toBe(at);
  });

  it("UnfreezeClock lets time run again from the frozen instant", async () => {
    t = await kind.start({ latencyMs: 300 });
    const at = Date.parse("2031-01-01T00:00:00Z");
    await t.control.freezeClock({ time: timestampFromMs(at) });
    const op = await t.vclusters.createVCluster({ parent: "projects/p", vclusterId: "waits", vcluster: {} });
    await sleep(400);
    expect(await phaseOf("waits")).not.toBe(Phase.RUNNING);
    const unfrozen = await t.control.unfreezeClock({});
    expect(ms(unfrozen.now)).toBeGreaterThanOrEqual(at);
    expect(ms(unfrozen.now)).toBeLessThan(at + 1000);
    // The pending transition finishes in real time now, without AdvanceClock.
    const started = Date.now();
    const done = await settle(t, op.name);
    expect(done.done).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await phaseOf("waits")).toBe(Phase.RUNNING);
    // And a new create takes the latency in real time.
    const next = Date.now();
    const op2 = await t.vclusters.createVCluster({ parent: "projects/p", vclusterId: "real", vcluster: {} });
    await settle(t, op2.name);
    expect(Date.now() - next).toBeGreaterThanOrEqual(290);
    const v = await t.vclusters.getVCluster({ name: "projects/p/vclusters/real" });
    expect(ms(v.createTime)).toBeGreaterThan(at);
    expect(ms(v.updateTime) - ms(v.createTime)).toBeGreaterThanOrEqual(290);
  });

  it("rejects AdvanceClock without a duration or with a negative one", async () => {
    t = await kind.start();
    await expectCode(t.control.advanceClock({}), Code.InvalidArgument);
    await expectCode(t.control.advanceClock({ duration: { seconds: -1n } }), Code.InvalidArgument);
  });
});
