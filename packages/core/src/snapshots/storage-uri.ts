/**
 * A typed SnapshotStorage as the vcluster CLI's URL (`s3://bucket/key`,
 * `oci://registry/repo:tag`, `azure://account/container/blob`,
 * `container:///path`), so `vcluster snapshot` / `vcluster restore` and this
 * API name the same archive. Credentials never appear in it: they stay in
 * the referenced host Secrets.
 */
import type { SnapshotStorage } from "@open-vcluster/sdk";

export function storageUri(storage: SnapshotStorage | undefined, snapshotId: string): string {
  const kind = storage?.kind;
  switch (kind?.case) {
    case "s3":
      return `s3://${kind.value.bucket}/${kind.value.key.replace(/^\/+/, "")}`;
    case "oci":
      return `oci://${kind.value.repository}:${kind.value.tag || snapshotId}`;
    case "azure":
      return `azure://${kind.value.account}/${kind.value.container}/${kind.value.blob.replace(/^\/+/, "")}`;
    case "container":
      return `container://${kind.value.path}`;
    default:
      return "";
  }
}

/** Whether a snapshot in this storage outlives its vcluster (everything but `container`). */
export function isDurable(storage: SnapshotStorage | undefined): boolean {
  return storage?.kind.case !== undefined && storage.kind.case !== "container";
}
