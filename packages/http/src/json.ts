/**
 * How the API reads JSON requests, on every front that takes JSON (Connect,
 * gRPC+json, gRPC-Web+json; a REST transcoder should use the same): an
 * unknown field or enum value name is an error (INVALID_ARGUMENT naming it),
 * not silently dropped. connect-es servers ignore unknown fields by default,
 * which turns `"validateonly": true` into a real create and an unknown
 * `"type"` into an empty one.
 */
import type { JsonReadOptions } from "@bufbuild/protobuf";

export const STRICT_JSON_READ_OPTIONS: Readonly<Partial<JsonReadOptions>> = Object.freeze({ ignoreUnknownFields: false });
