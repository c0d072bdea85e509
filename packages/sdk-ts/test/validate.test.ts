import { describe, expect, it } from "vitest";
import { CreateVClusterRequestSchema } from "../src/index.js";
import { capEcho, validate } from "../src/validate.js";
import { create } from "@bufbuild/protobuf";

describe("capEcho", () => {
  it("keeps short values and cuts long ones to a prefix and their length", () => {
    expect(capEcho("short")).toBe("short");
    expect(capEcho("a".repeat(64))).toBe("a".repeat(64));
    expect(capEcho("a".repeat(1 << 20))).toBe(`${"a".repeat(64)}… (1048576 characters)`);
  });
});

describe("validate", () => {
  it("reports a 1 MiB label key with a capped field path", () => {
    const req = create(CreateVClusterRequestSchema, {
      parent: "projects/demo",
      vclusterId: "dev",
      vcluster: { labels: { ["a".repeat(1 << 20)]: "x" } },
    });
    const violations = validate(CreateVClusterRequestSchema, req);
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) {
      expect(v.field).toBe(`vcluster.labels["${"a".repeat(64)}… (1048576 characters)"]`);
    }
  });
});
