/**
 * Resource views (AIP-157) for vclusters: BASIC leaves out
 * `spec.values_override` (bulky, free-form, may hold secrets), FULL returns
 * everything. Get defaults to FULL, List and Watch to BASIC. Stored messages
 * are shared, so BASIC returns a copy and never mutates them. Snapshots'
 * `vcluster_spec` is returned whole: views apply to VCluster only.
 */
import { clone } from "@bufbuild/protobuf";
import { VClusterSchema, View, type VCluster } from "@open-vcluster/sdk";

/** The view a request gets: its own, or the method's default when unset. */
export function effectiveView(requested: View, methodDefault: View.BASIC | View.FULL): View.BASIC | View.FULL {
  return requested === View.UNSPECIFIED ? methodDefault : (requested as View.BASIC | View.FULL);
}

/** `v` as `view` shows it: the same object when nothing is left out, else a trimmed copy. */
export function inView(v: VCluster, view: View.BASIC | View.FULL): VCluster {
  if (view === View.FULL || v.spec?.valuesOverride === undefined) return v;
  const copy = clone(VClusterSchema, v);
  if (copy.spec) copy.spec.valuesOverride = undefined;
  return copy;
}
