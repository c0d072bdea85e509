import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VCluster_Phase } from "@open-vcluster/sdk";
import { TARGETS, createRunning, type Target } from "./targets.js";

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeEach(async () => {
    t = await kind.start();
  });
  afterEach(() => t.close());

  it("creates a running vcluster", async () => {
    const v = await createRunning(t, "dev");
    expect(v.status?.phase).toBe(VCluster_Phase.RUNNING);
  });
});
