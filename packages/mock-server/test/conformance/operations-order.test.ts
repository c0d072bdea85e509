import { Code, ConnectError } from "@connectrpc/connect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TARGETS, createRunning, type Target } from "./targets.js";

describe.each(TARGETS)("$name: ListOperations order_by", (kind) => {
  let t: Target;
  beforeEach(async () => {
    t = await kind.start();
    for (const id of ["a", "b", "c"]) await createRunning(t, id);
  });
  afterEach(() => t.close());

  const targets = async (orderBy: string) =>
    (await t.operations.listOperations({ parent: "projects/p", orderBy })).operations.map((o) => o.metadata?.target);

  it("is newest first by default and oldest first with `create_time`", async () => {
    const newest = await targets("");
    expect(newest).toEqual(["projects/p/vclusters/c", "projects/p/vclusters/b", "projects/p/vclusters/a"]);
    expect(await targets("create_time")).toEqual([...newest].reverse());
  });

  it("orders by name", async () => {
    const names = (await t.operations.listOperations({ parent: "projects/p", orderBy: "name" })).operations.map((o) => o.name);
    expect(names).toEqual([...names].sort());
    const desc = (await t.operations.listOperations({ parent: "projects/p", orderBy: "name desc" })).operations.map((o) => o.name);
    expect(desc).toEqual([...names].reverse());
  });

  it("refuses an unknown field with INVALID_ARGUMENT naming order_by", async () => {
    const err = await t.operations.listOperations({ parent: "projects/p", orderBy: "verb" }).catch((e: unknown) => ConnectError.from(e));
    expect(err).toBeInstanceOf(ConnectError);
    expect((err as ConnectError).code).toBe(Code.InvalidArgument);
    expect((err as ConnectError).rawMessage).toMatch(/order_by/);
  });
});
