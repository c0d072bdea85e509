/**
 * Typed config rules the proto's CEL cannot express per map key: which sync
 * kinds take `MODE_AUTO` or a selector (as the vcluster 0.36 chart allows),
 * and which exposure fields go with which exposure type.
 */
import { Exposure_Type, SyncRule_Mode, type VClusterSpec } from "@open-vcluster/sdk";
import { invalidArgument } from "../errors.js";

/** `sync.fromHost.<kind>.enabled: auto` exists for these only. */
const AUTO_FROM_HOST = new Set(["storageClasses", "csiDrivers", "csiNodes", "csiStorageCapacities"]);
/** `sync.fromHost.<kind>.selector` exists for these only. */
const SELECTOR_FROM_HOST = new Set(["nodes", "ingressClasses", "gatewayClasses", "runtimeClasses", "priorityClasses", "storageClasses", "deviceClasses"]);

export function checkSyncRules(spec: VClusterSpec | undefined): void {
  const sync = spec?.sync;
  if (!sync) return;
  for (const [kind, rule] of Object.entries(sync.toHost)) {
    if (rule.mode === SyncRule_Mode.AUTO) throw invalidArgument(`spec.sync.to_host["${kind}"].mode: MODE_AUTO is not allowed for kinds synced to the host`);
    if (Object.keys(rule.selector).length > 0) throw invalidArgument(`spec.sync.to_host["${kind}"].selector: a selector is not allowed for kinds synced to the host`);
  }
  for (const [kind, rule] of Object.entries(sync.fromHost)) {
    if (rule.mode === SyncRule_Mode.AUTO && !AUTO_FROM_HOST.has(kind)) {
      throw invalidArgument(`spec.sync.from_host["${kind}"].mode: MODE_AUTO is allowed only for ${[...AUTO_FROM_HOST].join(", ")}`);
    }
    if (Object.keys(rule.selector).length > 0 && !SELECTOR_FROM_HOST.has(kind)) {
      throw invalidArgument(`spec.sync.from_host["${kind}"].selector: a selector is allowed only for ${[...SELECTOR_FROM_HOST].join(", ")}`);
    }
  }
}

/**
 * `ingress_class` and `ingress_tls_secret` configure the Ingress, so they need
 * TYPE_INGRESS; `service_annotations` configure the API server's Service,
 * which an Ingress exposure routes to but does not expose, so they are
 * refused with TYPE_INGRESS rather than silently ignored.
 */
export function checkExposure(spec: VClusterSpec | undefined): void {
  const exposure = spec?.exposure;
  if (!exposure) return;
  const ingress = exposure.type === Exposure_Type.INGRESS;
  if (!ingress && exposure.ingressClass !== undefined) throw invalidArgument("spec.exposure.ingress_class: is allowed only when spec.exposure.type is TYPE_INGRESS");
  if (!ingress && exposure.ingressTlsSecret !== undefined) throw invalidArgument("spec.exposure.ingress_tls_secret: is allowed only when spec.exposure.type is TYPE_INGRESS");
  if (ingress && Object.keys(exposure.serviceAnnotations).length > 0) {
    throw invalidArgument("spec.exposure.service_annotations: are not allowed when spec.exposure.type is TYPE_INGRESS (the Ingress, not the Service, exposes the API server)");
  }
}
