/**
 * @open-vcluster/core — the semantics of open-vcluster-api with no I/O.
 */
export { Core, serviceEntry, type CoreDeps, type ServiceEntry } from "./core.js";
export type { CoreContext, CoreOptions } from "./engine/context.js";
export type {
  Driver,
  KubeconfigOutcome,
  KubeconfigRequest,
  ObservedState,
  SnapshotOutcome,
  StepContext,
} from "./driver.js";
export { InMemoryDriver, type InMemoryDriverOptions, type StepFailure } from "./drivers/in-memory.js";
export type { IdempotencyRecord, OperationInternal, Store, StoredOperation } from "./store/store.js";
export { MemoryStore } from "./store/memory-store.js";
export { ControllableClock, systemClock, type Clock } from "./runtime/clock.js";
export { randomIds, sequentialIds, type IdGenerator } from "./ids.js";
export { RULES, STABLE_PHASES, TRANSITIONAL_PHASES, assertActionAllowed, phaseName, type Action } from "./lifecycle/transitions.js";
export { validateRequest } from "./validation.js";
export { computeEtag } from "./etag.js";
export * from "./names.js";
export * from "./watch/index.js";
export * from "./query/index.js";
export {
  DEFAULT_SERVER_CONFIG,
  DEFAULT_DENIED_VALUES_KEYS,
  defaultServerConfig,
  type ChartReleaseConfig,
  type HostClusterConfig,
  type ServerConfigSettings,
} from "./rules/server-config.js";
export { parseValuesOverride, checkDeniedKeys, type ValuesViolation } from "./rules/values.js";
export { IMMUTABLE_SPEC_FIELDS } from "./rules/immutable.js";
