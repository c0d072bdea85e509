/**
 * The repair table and the implied update mask, unit by unit (the
 * conformance suite checks the same rules through the API).
 */
import { create } from "@bufbuild/protobuf";
import { ConnectError, Code } from "@connectrpc/connect";
import { FailedOperationSchema, OperationVerb, VClusterSchema, VCluster_Phase as Phase } from "@open-vcluster/sdk";
import { describe, expect, it } from "vitest";
import { impliedUpdateMask } from "../../src/api/update-mask.js";
import { repairsFor } from "../../src/lifecycle/repairs.js";
import { assertActionAllowed, type Action } from "../../src/lifecycle/transitions.js";

const failed = (verb: OperationVerb) => create(FailedOperationSchema, { verb, operation: "projects/p/operations/op-1" });

function refusal(action: Action, verb: OperationVerb): ConnectError | undefined {
  try {
    assertActionAllowed(action, "projects/p/vclusters/vc", Phase.FAILED, { failed: failed(verb) });
    return undefined;
  } catch (e) {
    return ConnectError.from(e);
  }
}

describe("repairs from FAILED", () => {
  it.each([
    [OperationVerb.CREATE, ["update", "restore", "delete"]],
    [OperationVerb.UPDATE, ["update", "restore", "delete"]],
    [OperationVerb.SCALE, ["update", "restore", "delete"]],
    [OperationVerb.RESTORE, ["update", "restore", "delete"]],
    [OperationVerb.SUSPEND, ["suspend", "resume", "delete"]],
    [OperationVerb.RESUME, ["resume", "delete"]],
    [OperationVerb.DELETE, ["delete"]],
  ] as const)("after a failed %s: %j", (verb, legal) => {
    expect(repairsFor(failed(verb))).toEqual(legal);
    for (const action of ["update", "scale", "suspend", "resume", "snapshot", "restore", "delete", "kubeconfig"] as Action[]) {
      const err = refusal(action, verb);
      if ((legal as readonly string[]).includes(action)) expect(err).toBeUndefined();
      else {
        expect(err?.code).toBe(Code.FailedPrecondition);
        expect(err?.rawMessage).toContain(`a failed ${OperationVerb[verb].toLowerCase()} (projects/p/operations/op-1)`);
        expect(err?.rawMessage).toContain(`repairs allowed are ${legal.join(", ")}`);
      }
    }
  });

  it("a forced delete is legal from FAILED whatever failed", () => {
    expect(() => assertActionAllowed("delete", "projects/p/vclusters/vc", Phase.FAILED, { force: true, failed: failed(OperationVerb.DELETE) })).not.toThrow();
  });
});

describe("impliedUpdateMask", () => {
  it("names the set top-level fields and the set leaves inside spec", () => {
    const v = create(VClusterSchema, {
      name: "projects/p/vclusters/vc",
      etag: "x",
      labels: { a: "1" },
      deletionProtection: true,
      spec: {
        kubernetesVersion: "v1.33.4",
        controlPlane: { resources: { requests: { cpu: "1" } } },
        backingStore: { store: { case: "embeddedEtcd", value: {} } },
      },
    });
    expect(impliedUpdateMask(v).sort()).toEqual(
      [
        "labels",
        "deletion_protection",
        "spec.kubernetes_version",
        "spec.control_plane.resources.requests.cpu",
        "spec.backing_store.embedded_etcd",
      ].sort(),
    );
  });

  it("with nothing set is INVALID_ARGUMENT naming update_mask", () => {
    let err: ConnectError | undefined;
    try {
      impliedUpdateMask(create(VClusterSchema, { name: "projects/p/vclusters/vc" }));
    } catch (e) {
      err = ConnectError.from(e);
    }
    expect(err?.code).toBe(Code.InvalidArgument);
    expect(err?.rawMessage).toMatch(/update_mask/);
  });
});
