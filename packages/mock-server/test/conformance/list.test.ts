import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Code } from "@connectrpc/connect";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { TARGETS, createRunning, type Target } from "./targets.js";
import { expectCode, seedMany } from "../fixtures/util.js";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const MIN = 60_000;

describe.each(TARGETS)("ListVClusters — $name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.control.reset({});
  });

  it("pages 50 by default, 1000 at most (2000 is coerced), with total_size", async () => {
    const names = await seedMany(t, 1100);
    const def = await t.vclusters.listVClusters({ parent: "projects/p" });
    expect(def.vclusters).toHaveLength(50);
    expect(def.totalSize).toBe(1100);
    expect(def.nextPageToken).not.toBe("");
    expect(def.vclusters.map((v) => v.name)).toEqual(names.slice(0, 50));

    const big = await t.vclusters.listVClusters({ parent: "projects/p", pageSize: 2000 });
    expect(big.vclusters).toHaveLength(1000);
    expect(big.totalSize).toBe(1100);
    expect(big.vclusters.map((v) => v.name)).toEqual(names.slice(0, 1000));
    const rest = await t.vclusters.listVClusters({ parent: "projects/p", pageSize: 2000, pageToken: big.nextPageToken });
    expect(rest.vclusters.map((v) => v.name)).toEqual(names.slice(1000));
    expect(rest.nextPageToken).toBe("");
    expect(rest.totalSize).toBe(1100);

    const exact = await t.vclusters.listVClusters({ parent: "projects/p", pageSize: 1000 });
    expect(exact.vclusters).toHaveLength(1000);
  });

  it("rejects a negative page_size with INVALID_ARGUMENT naming page_size", async () => {
    await expectCode(t.vclusters.listVClusters({ parent: "projects/p", pageSize: -1 }), Code.InvalidArgument, /page_size/);
    await expectCode(t.snapshots.listSnapshots({ parent: "projects/p", pageSize: -5 }), Code.InvalidArgument, /page_size/);
    await expectCode(t.operations.listOperations({ parent: "projects/p", pageSize: -2147483648 }), Code.InvalidArgument, /page_size/);
  });

  it("total_size counts the filter's matches over all pages; an empty project lists nothing", async () => {
    await seedMany(t, 30, "p", "vc", (i) => ({ env: i % 3 === 0 ? "prod" : "dev" }));
    const res = await t.vclusters.listVClusters({ parent: "projects/p", pageSize: 4, filter: 'labels.env = "prod"' });
    expect(res.vclusters).toHaveLength(4);
    expect(res.totalSize).toBe(10);
    const empty = await t.vclusters.listVClusters({ parent: "projects/nothing-here" });
    expect(empty.vclusters).toEqual([]);
    expect(empty.totalSize).toBe(0);
    expect(empty.nextPageToken).toBe("");
  });

  it("orders by name, create_time and update_time, ascending and descending", async () => {
    // create_time order: c, a, e, b, d; update_time order: e, d, c, b, a.
    const spec: [string, number, number][] = [
      ["a", 2, 50],
      ["b", 4, 40],
      ["c", 1, 30],
      ["d", 5, 20],
      ["e", 3, 10],
    ];
    // Seed keeps a given create_time; update_time is the (frozen) clock's time of the write.
    for (const [id, c, u] of spec) {
      await t.control.freezeClock({ time: timestampFromMs(T0 + u * MIN) });
      await t.control.seed({ vclusters: [{ name: `projects/p/vclusters/${id}`, createTime: timestampFromMs(T0 + c * MIN) }] });
    }
    await t.control.unfreezeClock({});
    const ids = async (orderBy: string) =>
      (await t.vclusters.listVClusters({ parent: "projects/p", orderBy })).vclusters.map((v) => v.name.split("/").pop());
    expect(await ids("")).toEqual(["a", "b", "c", "d", "e"]);
    expect(await ids("name")).toEqual(["a", "b", "c", "d", "e"]);
    expect(await ids("name asc")).toEqual(["a", "b", "c", "d", "e"]);
    expect(await ids("name desc")).toEqual(["e", "d", "c", "b", "a"]);
    expect(await ids("create_time")).toEqual(["c", "a", "e", "b", "d"]);
    expect(await ids("create_time desc")).toEqual(["d", "b", "e", "a", "c"]);
    expect(await ids("update_time")).toEqual(["e", "d", "c", "b", "a"]);
    expect(await ids("update_time desc")).toEqual(["a", "b", "c", "d", "e"]);
    expect(await ids(" create_time desc , name ")).toEqual(["d", "b", "e", "a", "c"]);
  });

  it("breaks create_time ties by name, across pages too", async () => {
    await t.control.seed({
      vclusters: ["q", "m", "z", "b"].map((id) => ({ name: `projects/p/vclusters/${id}`, createTime: timestampFromMs(T0) })),
    });
    const first = await t.vclusters.listVClusters({ parent: "projects/p", orderBy: "create_time desc", pageSize: 3 });
    const second = await t.vclusters.listVClusters({
      parent: "projects/p",
      orderBy: "create_time desc",
      pageSize: 3,
      pageToken: first.nextPageToken,
    });
    expect([...first.vclusters, ...second.vclusters].map((v) => v.name.split("/").pop())).toEqual(["b", "m", "q", "z"]);
  });

  it("rejects an unknown or malformed order_by with INVALID_ARGUMENT", async () => {
    await expectCode(t.vclusters.listVClusters({ parent: "projects/p", orderBy: "phase" }), Code.InvalidArgument, /order_by.*unknown field "phase"/);
    await expectCode(t.vclusters.listVClusters({ parent: "projects/p", orderBy: "name sideways" }), Code.InvalidArgument, /order_by/);
    await expectCode(t.vclusters.listVClusters({ parent: "projects/p", orderBy: "name, name" }), Code.InvalidArgument, /repeated/);
    await expectCode(t.snapshots.listSnapshots({ parent: "projects/p", orderBy: "update_time" }), Code.InvalidArgument, /order_by/);
  });

  it("returns the watch version, which moves forward with every change", async () => {
    const before = await t.vclusters.listVClusters({ parent: "projects/p" });
    expect(before.version).toMatch(/^\d+$/);
    await createRunning(t, "moves");
    const after = await t.vclusters.listVClusters({ parent: "projects/p" });
    expect(after.version).toMatch(/^\d+$/);
    expect(BigInt(after.version)).toBeGreaterThan(BigInt(before.version));
    const again = await t.vclusters.listVClusters({ parent: "projects/p" });
    expect(again.version).toBe(after.version);
  });
});
