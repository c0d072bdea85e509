/** The high-level client's public surface (re-exported by every entry point). */
export { createCoreClient, type CoreClientOptions, type OpenVClusterClient } from "./client.js";
export { ClientValidationError, Code, ConnectError, codeName, isCode, violationsOf, type FieldViolation } from "./errors.js";
export { DEFAULT_ENDPOINT } from "./env.js";
export { SDK_USER_AGENT } from "./headers.js";
export { withInterceptors } from "./intercepted-transport.js";
export { LongRunningOperation, type WaitOptions } from "./operation.js";
export { OperationFailedError } from "./operation-failed-error.js";
export { LONG_RUNNING_METHODS, type LongRunningMethods, type OperationResponseTypes, type ResultOf } from "./operation-result.js";
export { DEFAULT_TIMEOUT_MS, type ClientOptions, type TransportFactory, type Validator } from "./options.js";
export type { ItemOf, Pager } from "./pager.js";
export { retryInterceptor, type RetryOptions } from "./retry.js";
export { WatchExpiredError, type WatchOptions } from "./watch.js";
