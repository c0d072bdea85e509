import { afterEach, describe, expect, it } from "vitest";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import {
  VClusterService,
  VCluster_Phase as Phase,
  View,
  WatchVClustersResponse_EventType as EventType,
  type WatchVClustersResponse,
} from "@open-vcluster/sdk";
import { startMockServer } from "../../src/index.js";
import { TARGETS, createRunning, settle, type Target } from "./targets.js";
import { expectCode, openWatch, sleep, stalledWatch, until, type WatchReader } from "../fixtures/util.js";

const id = (e: WatchVClustersResponse) => e.vcluster?.name.split("/").pop() ?? "";
const brief = (e: WatchVClustersResponse) => `${EventType[e.type]} ${id(e)}`.trim();
const afterSynced = (events: WatchVClustersResponse[]) => events.slice(events.findIndex((e) => e.type === EventType.SYNCED) + 1);
const synced = (events: WatchVClustersResponse[]) => events.some((e) => e.type === EventType.SYNCED);

describe.each(TARGETS)("WatchVClusters — $name", (kind) => {
  let t: Target;
  const watches: WatchReader[] = [];
  const watch = (req: Parameters<typeof openWatch>[1] = {}) => {
    const w = openWatch(t, req);
    watches.push(w);
    return w;
  };
  afterEach(async () => {
    for (const w of watches.splice(0)) w.cancel();
    await t.close();
  });

  it("sends the initial state, SYNCED, then MODIFIED and DELETED as things change", async () => {
    t = await kind.start();
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/a" }, { name: "projects/p/vclusters/b", status: { phase: Phase.SUSPENDED } }] });
    await t.control.seed({ vclusters: [{ name: "projects/other/vclusters/elsewhere" }] });
    const w = watch();
    await w.waitFor(synced, 5000, "SYNCED");
    expect(w.events.map(brief)).toEqual(["ADDED a", "ADDED b", "SYNCED"]);
    expect(w.events[1]?.vcluster?.status?.phase).toBe(Phase.SUSPENDED);
    const syncVersion = w.events[2]!.version;
    expect(syncVersion).toMatch(/^\d+$/);

    await createRunning(t, "c");
    const del = await t.vclusters.deleteVCluster({ name: "projects/p/vclusters/a" });
    await settle(t, del.name);
    await w.waitFor((es) => es.some((e) => e.type === EventType.DELETED), 5000, "DELETED a");
    const changes = afterSynced(w.events);
    expect(changes[0]?.type).toBe(EventType.ADDED);
    expect(id(changes[0]!)).toBe("c");
    expect(changes[0]?.vcluster?.status?.phase).toBe(Phase.PENDING);
    const cEvents = changes.filter((e) => id(e) === "c");
    expect(cEvents.slice(1).every((e) => e.type === EventType.MODIFIED)).toBe(true);
    expect(cEvents.at(-1)?.vcluster?.status?.phase).toBe(Phase.RUNNING);
    const aEvents = changes.filter((e) => id(e) === "a");
    expect(aEvents.map((e) => EventType[e.type])).toEqual([...aEvents.slice(0, -1).map(() => "MODIFIED"), "DELETED"]);
    expect(aEvents[0]?.vcluster?.status?.phase).toBe(Phase.DELETING);
    // Nothing from another project; versions strictly increase; every event has a time.
    expect(changes.every((e) => e.vcluster?.name.startsWith("projects/p/"))).toBe(true);
    let last = BigInt(syncVersion);
    for (const e of changes) {
      expect(BigInt(e.version)).toBeGreaterThan(last);
      last = BigInt(e.version);
      expect(e.eventTime).toBeDefined();
    }
  });

  it("a filtered watch sees ADDED and DELETED as vclusters enter and leave the filter", async () => {
    t = await kind.start();
    await t.control.seed({
      vclusters: [
        { name: "projects/p/vclusters/x", labels: { env: "dev" } },
        { name: "projects/p/vclusters/y", labels: { env: "prod" } },
      ],
    });
    const w = watch({ filter: 'labels.env = "prod"' });
    await w.waitFor(synced, 5000, "SYNCED");
    expect(w.events.map(brief)).toEqual(["ADDED y", "SYNCED"]);
    const relabel = async (name: string, labels: Record<string, string>, displayName = "") => {
      const op = await t.vclusters.updateVCluster({
        vcluster: { name: `projects/p/vclusters/${name}`, labels, displayName },
        updateMask: { paths: displayName ? ["labels", "display_name"] : ["labels"] },
      });
      expect(op.done).toBe(true);
    };
    await relabel("x", { env: "prod" }); // enters
    await relabel("y", { env: "dev" }); // leaves
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/z", labels: { env: "dev" } }] }); // never matches
    await relabel("x", { env: "prod", team: "a" }, "still prod"); // changes inside
    await w.waitFor((es) => es.some((e) => e.vcluster?.displayName === "still prod"), 5000, "MODIFIED x");
    await sleep(50);
    expect(afterSynced(w.events).map(brief)).toEqual(["ADDED x", "DELETED y", "MODIFIED x"]);
    // DELETED for leaving the filter carries the last state the watcher saw (still matching).
    expect(afterSynced(w.events)[1]?.vcluster?.labels).toEqual({ env: "prod" });
  });

  it("resumes from an event's version with exactly the missed events and no initial state", async () => {
    t = await kind.start();
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/a" }, { name: "projects/p/vclusters/b" }] });
    const live = watch();
    const first = watch();
    await first.waitFor(synced, 5000, "SYNCED");
    await createRunning(t, "c");
    await first.waitFor((es) => es.some((e) => id(e) === "c" && e.vcluster?.status?.phase === Phase.RUNNING), 5000, "c RUNNING");
    const lastSeen = first.events.at(-1)!.version;
    first.cancel();
    await first.waitEnd();

    // Missed while disconnected:
    await createRunning(t, "d");
    const del = await t.vclusters.deleteVCluster({ name: "projects/p/vclusters/a" });
    await settle(t, del.name);
    await t.vclusters.updateVCluster({ vcluster: { name: "projects/p/vclusters/b", labels: { k: "v" } }, updateMask: { paths: ["labels"] } });
    await live.waitFor((es) => es.some((e) => id(e) === "b" && e.vcluster?.labels.k === "v"), 5000, "b relabelled");
    const missed = live.events.filter((e) => e.type !== EventType.SYNCED && BigInt(e.version) > BigInt(lastSeen));
    expect(missed.length).toBeGreaterThanOrEqual(5);

    const resumed = watch({ resumeVersion: lastSeen });
    await resumed.waitFor((es) => es.length >= missed.length, 5000, `${missed.length} missed events`);
    await sleep(50);
    const key = (e: WatchVClustersResponse) => `${e.version} ${brief(e)} ${Phase[e.vcluster?.status?.phase ?? 0]}`;
    expect(resumed.events.map(key)).toEqual(missed.map(key));
    expect(resumed.events.some((e) => e.type === EventType.SYNCED)).toBe(false);

    // And it keeps going live.
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/e" }] });
    await resumed.waitFor((es) => es.some((e) => id(e) === "e"), 5000, "e");
    expect(resumed.events.at(-1)?.version).toBe(live.events.at(-1)?.version);
  });

  it("a filtered resume sends only the missed events that concern the filter", async () => {
    t = await kind.start();
    const { version } = await t.vclusters.listVClusters({ parent: "projects/p" });
    await t.control.seed({
      vclusters: [
        { name: "projects/p/vclusters/in", labels: { env: "prod" } },
        { name: "projects/p/vclusters/out", labels: { env: "dev" } },
      ],
    });
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/out", labels: { env: "prod" } }] }); // enters
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/in", labels: { env: "dev" } }] }); // leaves
    const w = watch({ resumeVersion: version, filter: 'labels.env = "prod"' });
    await w.waitFor((es) => es.length >= 3, 5000, "3 events");
    await sleep(50);
    expect(w.events.map(brief)).toEqual(["ADDED in", "ADDED out", "DELETED in"]);
  });

  it("resumes from the version List returned", async () => {
    t = await kind.start();
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/old" }] });
    const { version, vclusters } = await t.vclusters.listVClusters({ parent: "projects/p" });
    expect(vclusters).toHaveLength(1);
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/new" }] });
    const w = watch({ resumeVersion: version });
    await w.waitFor((es) => es.length >= 1, 5000, "the change after List");
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/old", labels: { touched: "yes" } }] });
    await w.waitFor((es) => es.length >= 2, 5000, "the next change");
    expect(w.events.map(brief)).toEqual(["ADDED new", "MODIFIED old"]);
    expect(BigInt(w.events[0]!.version)).toBe(BigInt(version) + 1n);
  });

  it("fails a version older than the retained log with OUT_OF_RANGE", async () => {
    t = await kind.start({ coreOptions: { watchRetention: 5 } });
    const { version } = await t.vclusters.listVClusters({ parent: "projects/p" });
    for (let i = 0; i < 10; i++) await t.control.seed({ vclusters: [{ name: `projects/p/vclusters/v${i}` }] });
    const old = watch({ resumeVersion: version });
    await old.waitEnd();
    expect(old.error?.code).toBe(Code.OutOfRange);
    expect(old.error?.rawMessage).toMatch(/too old/);
    expect(old.events).toEqual([]);
    // A version within the retention still resumes.
    const recent = (await t.vclusters.listVClusters({ parent: "projects/p" })).version;
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/v10" }] });
    const ok = watch({ resumeVersion: String(BigInt(recent) - 2n) });
    await ok.waitFor((es) => es.length === 3, 5000, "3 events");
    expect(ok.events.map(brief)).toEqual(["ADDED v8", "ADDED v9", "ADDED v10"]);
  });

  it("a quiet filtered watch gets BOOKMARKs on core's clock, and resuming from one never ages into OUT_OF_RANGE", async () => {
    t = await kind.start({ coreOptions: { watchRetention: 5 } });
    await t.control.freezeClock({});
    const filter = 'labels.team = "a"';
    const w = watch({ filter });
    await w.waitFor(synced, 5000, "SYNCED");
    const syncVersion = w.events.at(-1)!.version;
    // Ten changes the filter does not show: more than the log retains.
    for (let i = 0; i < 10; i++) await t.control.seed({ vclusters: [{ name: `projects/p/vclusters/other${i}` }] });
    // Not quiet long enough yet: no bookmark.
    await t.control.advanceClock({ duration: { seconds: 29n } });
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/first", labels: { team: "a" } }] });
    await w.waitFor((es) => es.some((e) => id(e) === "first"), 5000, "ADDED first");
    expect(w.events.some((e) => e.type === EventType.BOOKMARK)).toBe(false);
    for (let i = 10; i < 20; i++) await t.control.seed({ vclusters: [{ name: `projects/p/vclusters/other${i}` }] });
    await t.control.advanceClock({ duration: { seconds: 30n } });
    await w.waitFor((es) => es.some((e) => e.type === EventType.BOOKMARK), 5000, "BOOKMARK");
    const bookmark = w.events.find((e) => e.type === EventType.BOOKMARK)!;
    expect(bookmark.vcluster).toBeUndefined();
    expect(bookmark.version).toBe((await t.vclusters.listVClusters({ parent: "projects/p" })).version);
    expect(bookmark.eventTime).toBeDefined();
    w.cancel();

    // Meanwhile: more hidden changes and one the filter shows.
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/hidden" }] });
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/shown", labels: { team: "a" } }] });
    // The last event the client saw before the bookmark is too old by now...
    const stale = watch({ filter, resumeVersion: syncVersion });
    await stale.waitEnd();
    expect(stale.error?.code).toBe(Code.OutOfRange);
    // ...but the bookmark resumes with exactly the later events.
    const resumed = watch({ filter, resumeVersion: bookmark.version });
    await resumed.waitFor((es) => es.length >= 1, 5000, "the change after the bookmark");
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/shown", labels: { team: "a", again: "yes" } }] });
    await resumed.waitFor((es) => es.length >= 2, 5000, "the next change");
    expect(resumed.events.map(brief)).toEqual(["ADDED shown", "MODIFIED shown"]);
  });

  it("views: BASIC (the default) leaves out spec.values_override, FULL keeps it", async () => {
    t = await kind.start();
    const values = "sync:\n  toHost:\n    ingresses:\n      enabled: true\n";
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/v", spec: { valuesOverride: values } }] });
    const basic = watch();
    const full = watch({ view: View.FULL });
    await basic.waitFor(synced, 5000, "SYNCED");
    await full.waitFor(synced, 5000, "SYNCED");
    expect(basic.events[0]?.vcluster?.spec?.valuesOverride).toBeUndefined();
    expect(full.events[0]?.vcluster?.spec?.valuesOverride).toBe(values);
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/v", labels: { x: "y" }, spec: { valuesOverride: values } }] });
    await basic.waitFor((es) => es.some((e) => e.type === EventType.MODIFIED), 5000, "MODIFIED");
    await full.waitFor((es) => es.some((e) => e.type === EventType.MODIFIED), 5000, "MODIFIED");
    expect(basic.events.find((e) => e.type === EventType.MODIFIED)?.vcluster?.spec?.valuesOverride).toBeUndefined();
    expect(full.events.find((e) => e.type === EventType.MODIFIED)?.vcluster?.spec?.valuesOverride).toBe(values);

    // Get defaults to FULL, List to BASIC; the stored vcluster is never trimmed.
    const name = "projects/p/vclusters/v";
    expect((await t.vclusters.getVCluster({ name })).spec?.valuesOverride).toBe(values);
    expect((await t.vclusters.getVCluster({ name, view: View.BASIC })).spec?.valuesOverride).toBeUndefined();
    expect((await t.vclusters.listVClusters({ parent: "projects/p" })).vclusters[0]?.spec?.valuesOverride).toBeUndefined();
    expect((await t.vclusters.listVClusters({ parent: "projects/p", view: View.FULL })).vclusters[0]?.spec?.valuesOverride).toBe(values);
    expect((await t.vclusters.getVCluster({ name })).spec?.valuesOverride).toBe(values);
  });

  it("fails a garbage or future version, and a bad filter, with INVALID_ARGUMENT", async () => {
    t = await kind.start();
    for (const resumeVersion of ["abc", "-1", "01", "1e3", " 1", "99999999999"]) {
      const w = watch({ resumeVersion });
      await w.waitEnd();
      expect(w.error?.code, resumeVersion).toBe(Code.InvalidArgument);
      expect(w.error?.rawMessage).toMatch(/resume_version/);
    }
    const bad = watch({ filter: "phase = NOPE" });
    await bad.waitEnd();
    expect(bad.error?.code).toBe(Code.InvalidArgument);
    expect(bad.error?.rawMessage).toMatch(/filter.*position 8/);
    const badParent = watch({ parent: "projects/Not_Valid" });
    await badParent.waitEnd();
    expect(badParent.error?.code).toBe(Code.InvalidArgument);
  });

  it("disconnects a slow consumer with RESOURCE_EXHAUSTED while another watcher keeps receiving", async () => {
    t = await kind.start({ coreOptions: { watchBufferSize: 8 } });
    // In-process the client's own iterator stalls the server; over HTTP a hand-made call that stops reading does.
    const ac = new AbortController();
    const stalled = t.url ? await stalledWatch(t.url, kind.name.startsWith("grpc") ? "grpc" : "connect") : undefined;
    const iterator = stalled ? undefined : t.vclusters.watchVClusters({ parent: "projects/p" }, { signal: ac.signal })[Symbol.asyncIterator]();
    if (iterator) expect((await iterator.next()).value?.type).toBe(EventType.SYNCED);
    try {
      const fast = watch();
      await fast.waitFor(synced, 5000, "SYNCED");
      // Big events fill whatever lies between the server and the stalled reader (socket buffers, HTTP/2
      // windows). Small batches (4 events, half the buffer), each awaited by the fast watcher: a reader
      // that keeps up is never cut.
      const big = "x".repeat(60_000);
      const annotations = { a1: big, a2: big, a3: big, a4: big };
      const names = Array.from({ length: 4 }, (_, i) => `projects/p/vclusters/big-${i}`);
      const rounds = 12;
      for (let r = 0; r < rounds; r++) {
        await t.control.seed({ vclusters: names.map((name) => ({ name, annotations, labels: { round: String(r) } })) });
        await fast.waitFor((es) => afterSynced(es).length === names.length * (r + 1), 5000, `round ${r} on the fast watcher`);
      }
      expect(fast.error).toBeUndefined();

      // The stalled one, read now, ends with RESOURCE_EXHAUSTED after what was already on its way.
      let outcome: { code: Code | undefined; message: string; messages: number };
      if (stalled) {
        outcome = await stalled.finish();
      } else {
        outcome = { code: undefined, message: "no error", messages: 0 };
        try {
          while (!(await iterator!.next()).done) outcome.messages++;
        } catch (err) {
          outcome = { ...outcome, code: ConnectError.from(err).code, message: ConnectError.from(err).rawMessage };
        }
      }
      expect(outcome.code === undefined ? undefined : Code[outcome.code], `${outcome.messages} messages, then ${outcome.message}`).toBe("ResourceExhausted");
      expect(outcome.message).toMatch(/too slow/);
      expect(outcome.messages).toBeLessThan(names.length * rounds);
      // The error says where to re-watch from, and that works: every later change, in order, no gaps.
      const from = /re-watch from version (\d+)/.exec(outcome.message)?.[1];
      expect(from, outcome.message).toBeDefined();
      const again = watch({ resumeVersion: from! });
      const latest = BigInt(afterSynced(fast.events).at(-1)!.version);
      await again.waitFor((es) => es.length > 0 && BigInt(es.at(-1)!.version) === latest, 10_000, "the re-watch to catch up");
      expect(again.events.map((e) => BigInt(e.version))).toEqual(
        Array.from({ length: Number(latest - BigInt(from!)) }, (_, k) => BigInt(from!) + 1n + BigInt(k)),
      );
      // The fast one is still live.
      await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/after" }] });
      await fast.waitFor((es) => es.some((e) => id(e) === "after"), 5000, "an event after the slow one was cut");
    } finally {
      ac.abort();
      stalled?.close();
    }
  }, 30_000);

  it("ends the stream when the client's AbortSignal is aborted", async () => {
    t = await kind.start();
    const w = watch();
    await w.waitFor(synced, 5000, "SYNCED");
    const started = Date.now();
    w.cancel();
    await w.waitEnd(2000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(w.error?.code).toBe(Code.Canceled);
    // The mock keeps serving watches.
    const again = watch();
    await again.waitFor(synced, 5000, "SYNCED again");
  });
});

describe("WatchVClusters cancellation releases the server's subscription", () => {
  it.each([
    ["connect", (url: string) => createConnectTransport({ baseUrl: url, httpVersion: "1.1" })],
    ["grpc", (url: string) => createGrpcTransport({ baseUrl: url })],
  ] as const)("over %s", async (_, transport) => {
    const server = await startMockServer();
    try {
      const client = createClient(VClusterService, transport(server.url));
      const hub = () => server.mock.core.ctx.hub.subscriberCount();
      const ac = new AbortController();
      const it = client.watchVClusters({ parent: "projects/p" }, { signal: ac.signal })[Symbol.asyncIterator]();
      expect((await it.next()).value?.type).toBe(EventType.SYNCED);
      expect(hub()).toBe(1);
      ac.abort();
      await expectCode(it.next(), Code.Canceled);
      await until(() => hub() === 0, 2000, "the server to drop the subscription");
    } finally {
      await server.close();
    }
  });
});
