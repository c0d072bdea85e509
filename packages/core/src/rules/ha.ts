/**
 * High availability needs a backing store other than the embedded database:
 * vcluster refuses "embedded database is not supported with multiple
 * replicas". One rule for Create, Update and Scale.
 */
import type { BackingStore } from "@open-vcluster/sdk";
import { invalidArgument } from "../errors.js";

export function checkHaBackingStore(replicas: number | undefined, backingStore: BackingStore | undefined): void {
  if (replicas === undefined || replicas <= 1) return;
  const kind = backingStore?.store.case;
  if (kind !== undefined && kind !== "embeddedDatabase") return;
  throw invalidArgument(
    `spec.control_plane.replicas: ${replicas} replicas need a spec.backing_store other than the embedded database ` +
      `(set spec.backing_store.embedded_etcd, deployed_etcd, external_database or external_etcd)`,
  );
}
