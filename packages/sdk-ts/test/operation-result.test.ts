/**
 * The client runs on gen-lite, whose descriptors have no options, so it reads
 * what each operation resolves to from LONG_RUNNING_METHODS. That table must
 * say what each RPC's `operation_info` option says in the full descriptors
 * (src/gen), and every RPC that returns an Operation must be in it.
 */
import { describe, expect, it } from "vitest";
import { getOption, type DescService } from "@bufbuild/protobuf";
import { SnapshotService, VClusterService, operation_info } from "../src/index.js";
import * as lite from "../src/messages-lite.js";
import { LONG_RUNNING_METHODS, responseTypeOf } from "../src/client/operation-result.js";

const SERVICES: DescService[] = [VClusterService, SnapshotService];

describe("operation_info", () => {
  it("agrees with LONG_RUNNING_METHODS for every RPC", () => {
    const fromOptions: Record<string, string> = {};
    for (const service of SERVICES) {
      for (const method of service.methods) {
        const responseType = method.proto.options ? getOption(method, operation_info).responseType : "";
        if (responseType !== "") fromOptions[method.localName] = responseType;
        expect(responseType !== "", method.name).toBe(method.output.typeName === "openvcluster.v1.Operation");
      }
    }
    expect(fromOptions).toEqual(LONG_RUNNING_METHODS);
  });

  it("responseTypeOf reads the table for gen-lite's methods, which carry no options", () => {
    const createLite = lite.VClusterService.method.createVCluster;
    expect(createLite.proto.options).toBeUndefined();
    expect(responseTypeOf(createLite)).toBe("openvcluster.v1.VCluster");
    expect(responseTypeOf(lite.SnapshotService.method.deleteSnapshot)).toBe("google.protobuf.Empty");
    expect(responseTypeOf(lite.VClusterService.method.getVCluster)).toBeUndefined();
  });
});
