/**
 * The types of the long-running methods (LongRunningMethods) must say what
 * each RPC's `operation_info` option says, and every RPC that returns an
 * Operation must be long-running in both.
 */
import { describe, expect, it } from "vitest";
import type { DescService } from "@bufbuild/protobuf";
import { SnapshotService, VClusterService, type LongRunningMethods } from "../src/index.js";
import { responseTypeOf } from "../src/client/operation-result.js";

// Written out by hand on purpose: this is the type-level table, as values, for comparison.
const TYPES: LongRunningMethods = {
  createVCluster: "openvcluster.v1.VCluster",
  updateVCluster: "openvcluster.v1.VCluster",
  deleteVCluster: "google.protobuf.Empty",
  scaleVCluster: "openvcluster.v1.VCluster",
  suspendVCluster: "openvcluster.v1.VCluster",
  resumeVCluster: "openvcluster.v1.VCluster",
  snapshotVCluster: "openvcluster.v1.Snapshot",
  restoreVCluster: "openvcluster.v1.VCluster",
  deleteSnapshot: "google.protobuf.Empty",
};

describe("operation_info", () => {
  it("agrees with LongRunningMethods for every RPC", () => {
    const fromOptions: Record<string, string> = {};
    for (const service of [VClusterService, SnapshotService] as DescService[]) {
      for (const method of service.methods) {
        const responseType = responseTypeOf(method);
        if (responseType !== undefined) fromOptions[method.localName] = responseType;
        expect(responseType !== undefined, method.name).toBe(method.output.typeName === "openvcluster.v1.Operation");
      }
    }
    expect(fromOptions).toEqual(TYPES);
  });
});
