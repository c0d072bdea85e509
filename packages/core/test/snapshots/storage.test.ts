import { create } from "@bufbuild/protobuf";
import { SnapshotSchema, SnapshotStorageSchema, Snapshot_Phase, VClusterSpecSchema, type SnapshotStorage } from "@open-vcluster/sdk";
import { describe, expect, it } from "vitest";
import { cloneSpec } from "../../src/snapshots/clone.js";
import { isDurable, storageUri } from "../../src/snapshots/storage-uri.js";

const storage = (kind: SnapshotStorage["kind"]) => create(SnapshotStorageSchema, { kind });

describe("storageUri and isDurable", () => {
  const CASES: { what: string; storage: SnapshotStorage | undefined; uri: string; durable: boolean }[] = [
    { what: "s3", storage: storage({ case: "s3", value: create(SnapshotStorageSchema.field.s3.message!, { bucket: "b", key: "dir/k.tar.gz", region: "eu-west-1", credentials: { name: "aws" } }) as never }), uri: "s3://b/dir/k.tar.gz", durable: true },
    { what: "s3 key with a leading slash", storage: storage({ case: "s3", value: create(SnapshotStorageSchema.field.s3.message!, { bucket: "b", key: "/k" }) as never }), uri: "s3://b/k", durable: true },
    { what: "oci with a tag", storage: storage({ case: "oci", value: create(SnapshotStorageSchema.field.oci.message!, { repository: "ghcr.io/acme/snaps", tag: "v1" }) as never }), uri: "oci://ghcr.io/acme/snaps:v1", durable: true },
    { what: "oci without a tag (the snapshot id)", storage: storage({ case: "oci", value: create(SnapshotStorageSchema.field.oci.message!, { repository: "ghcr.io/acme/snaps" }) as never }), uri: "oci://ghcr.io/acme/snaps:snap-1", durable: true },
    { what: "azure", storage: storage({ case: "azure", value: create(SnapshotStorageSchema.field.azure.message!, { account: "acct", container: "c", blob: "/x/y" }) as never }), uri: "azure://acct/c/x/y", durable: true },
    { what: "container", storage: storage({ case: "container", value: create(SnapshotStorageSchema.field.container.message!, { path: "/data/s.tar.gz" }) as never }), uri: "container:///data/s.tar.gz", durable: false },
    { what: "nothing", storage: undefined, uri: "", durable: false },
  ];
  it.each(CASES)("$what: $uri", ({ storage: s, uri, durable }) => {
    expect(storageUri(s, "snap-1")).toBe(uri);
    expect(isDurable(s)).toBe(durable);
  });

  it("never puts credentials in the URI", () => {
    const s = storage({ case: "s3", value: create(SnapshotStorageSchema.field.s3.message!, { bucket: "b", key: "k", credentials: { name: "secret-name" } }) as never });
    expect(storageUri(s, "x")).not.toContain("secret-name");
  });
});

describe("cloneSpec", () => {
  const snapshot = create(SnapshotSchema, {
    phase: Snapshot_Phase.SUCCEEDED,
    vclusterSpec: {
      kubernetesVersion: "v1.33.4",
      controlPlane: { replicas: 2, resources: { requests: { cpu: "1" } } },
      persistence: { size: "10Gi" },
      sync: { toHost: { ingresses: { mode: 1, selector: { a: "1" } } } },
    },
  });

  it("is the snapshot's spec when the request sets none", () => {
    const spec = cloneSpec(snapshot, undefined);
    expect(spec).toEqual(snapshot.vclusterSpec);
    expect(spec).not.toBe(snapshot.vclusterSpec);
  });

  it("merges the set fields over it, message by message, and never mutates the snapshot", () => {
    const spec = cloneSpec(snapshot, create(VClusterSpecSchema, { controlPlane: { replicas: 1 }, valuesOverride: "a: 1\n" }));
    expect(spec.controlPlane?.replicas).toBe(1);
    expect(spec.controlPlane?.resources?.requests?.cpu).toBe("1");
    expect(spec.persistence?.size).toBe("10Gi");
    expect(spec.kubernetesVersion).toBe("v1.33.4");
    expect(spec.valuesOverride).toBe("a: 1\n");
    expect(snapshot.vclusterSpec?.controlPlane?.replicas).toBe(2);
    expect(snapshot.vclusterSpec?.valuesOverride).toBeUndefined();
  });

  it("replaces maps whole (sync.to_host is a map), keeping the other fields", () => {
    const spec = cloneSpec(snapshot, create(VClusterSpecSchema, { sync: { toHost: { ingresses: { selector: { b: "2" } } } } }));
    expect(spec.sync?.toHost?.ingresses?.selector).toEqual({ b: "2" });
    expect(spec.sync?.toHost?.ingresses?.mode).toBe(0);
    expect(Object.keys(spec.sync?.toHost ?? {})).toEqual(["ingresses"]);
    expect(spec.controlPlane?.replicas).toBe(2);
  });
});
