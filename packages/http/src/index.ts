// @open-vcluster/http: the one HTTP front of ovc-server and ovc-mock.
export { serve, DEFAULT_MAX_REQUEST_BYTES } from "./serve.js";
export { HTTP_FLAGS, HTTP_FLAGS_USAGE, parseMillis, parsePort, runServerProcess, timeoutsFromFlags, UsageError } from "./process.js";
export type { Logger, ServeOptions, ServeTimeouts, Server } from "./serve.js";
export { STRICT_JSON_READ_OPTIONS } from "./json.js";
export { registerReflectionService } from "./reflection.js";
export { registerHealthService } from "./health.js";
export type { HealthServiceOptions, HealthSource } from "./health.js";
export { HTTP2_PREFACE } from "./sniff.js";
export {
  Health,
  HealthCheckRequestSchema,
  HealthCheckResponseSchema,
  HealthCheckResponse_ServingStatus,
  HealthCheckResponse_ServingStatusSchema,
  HealthListRequestSchema,
  HealthListResponseSchema,
  file_grpc_health_v1_health,
} from "./gen/grpc/health/v1/health_pb.js";
export type {
  HealthCheckRequest,
  HealthCheckResponse,
  HealthListRequest,
  HealthListResponse,
} from "./gen/grpc/health/v1/health_pb.js";
export {
  ServerReflection,
  ServerReflectionRequestSchema,
  ServerReflectionResponseSchema,
  file_grpc_reflection_v1_reflection,
} from "./gen/grpc/reflection/v1/reflection_pb.js";
export type { ServerReflectionRequest, ServerReflectionResponse } from "./gen/grpc/reflection/v1/reflection_pb.js";
