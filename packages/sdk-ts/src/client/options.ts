/** The options of createOpenVClusterClient, and how they default. */
import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import type { Interceptor, Transport } from "@connectrpc/connect";
import { DEFAULT_ENDPOINT, readEnv } from "./env.js";
import type { FieldViolation } from "./errors.js";
import type { RetryOptions } from "./retry.js";

/** Builds the transport for an endpoint; `@open-vcluster/sdk/node` and `/web` supply one. */
export type TransportFactory = (baseUrl: string) => Transport;

/** A request validator, e.g. `validate` from `@open-vcluster/sdk/validate`. */
export type Validator = <D extends DescMessage>(schema: D, message: MessageShape<D>) => FieldViolation[];

export interface ClientOptions {
  /** The server's base URL. Default: `OVC_ENDPOINT`, else http://127.0.0.1:8080. Ignored with `transport`. */
  endpoint?: string;
  /** Sent as `Authorization: Bearer <apiKey>`. Default: `OVC_API_KEY`. */
  apiKey?: string;
  /** Your own transport (the mock's in-process one, proxies, TLS...); the SDK's interceptors still apply. */
  transport?: Transport;
  /** More interceptors, run after the SDK's own (auth, user agent, validation) and before retries. */
  interceptors?: Interceptor[];
  /** Retry settings, or `false` for none. Default: 4 attempts, 100 ms to 5 s backoff. */
  retry?: RetryOptions | false;
  /** The default deadline of each unary call, in ms (default 30 s); a call's own `timeoutMs` wins. */
  timeoutMs?: number;
  /** Checks every request before it is sent and refuses it with ClientValidationError. Off by default. */
  validate?: Validator;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function resolveEndpoint(options: ClientOptions): string {
  return options.endpoint ?? readEnv("OVC_ENDPOINT") ?? DEFAULT_ENDPOINT;
}

export function resolveApiKey(options: ClientOptions): string | undefined {
  return options.apiKey ?? readEnv("OVC_API_KEY");
}
