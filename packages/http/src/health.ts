// grpc.health.v1.Health as an ordinary Connect service: Check, Watch and List
// over every protocol the server speaks (Connect, gRPC, gRPC-Web).
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, type ConnectRouter, type HandlerContext } from "@connectrpc/connect";
import {
  Health,
  HealthCheckResponseSchema,
  HealthCheckResponse_ServingStatus as ServingStatus,
  type HealthCheckRequest,
  type HealthCheckResponse,
} from "./gen/grpc/health/v1/health_pb.js";

/** Tells whether the process is ready to serve. */
export interface HealthSource {
  serving(): boolean;
}

export interface HealthServiceOptions {
  /** The process-wide readiness; absent means always serving. */
  health?: HealthSource | undefined;
  /** Service names that Check / Watch / List know besides "" (the whole server). */
  services?: readonly string[] | undefined;
  /** True once the server is shutting down: everything reports NOT_SERVING. */
  isClosing?: (() => boolean) | undefined;
  /** How often Watch re-reads the status (health.serving() has no events). */
  watchIntervalMs?: number | undefined;
}

/**
 * Registers grpc.health.v1.Health on the router. "" (the overall status) and
 * every name in `services` are known; their status follows `health.serving()`.
 */
export function registerHealthService(router: ConnectRouter, options: HealthServiceOptions = {}): void {
  const known = new Set(["", ...(options.services ?? [])]);
  const interval = options.watchIntervalMs ?? 500;
  const overall = (): ServingStatus => {
    if (options.isClosing?.()) return ServingStatus.NOT_SERVING;
    let ok = true;
    try {
      ok = options.health ? options.health.serving() : true;
    } catch {
      ok = false;
    }
    return ok ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
  };
  const statusOf = (service: string): ServingStatus | undefined =>
    known.has(service) ? overall() : undefined;
  const response = (status: ServingStatus): HealthCheckResponse =>
    create(HealthCheckResponseSchema, { status });

  router.service(Health, {
    check(req: HealthCheckRequest) {
      const status = statusOf(req.service);
      if (status === undefined) {
        throw new ConnectError(`unknown service ${JSON.stringify(req.service)}`, Code.NotFound);
      }
      return response(status);
    },
    async *watch(req: HealthCheckRequest, ctx: HandlerContext) {
      let last: ServingStatus | undefined;
      while (!ctx.signal.aborted) {
        const status = statusOf(req.service) ?? ServingStatus.SERVICE_UNKNOWN;
        if (status !== last) {
          last = status;
          yield response(status);
        }
        await sleep(interval, ctx.signal);
      }
    },
    list() {
      const statuses: Record<string, HealthCheckResponse> = {};
      for (const name of known) statuses[name] = response(overall());
      return { statuses };
    },
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
