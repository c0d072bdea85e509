// The field path of an undecodable JSON request (json-problem.ts), on the
// health service's messages, which this package owns.
import { describe, expect, it } from "vitest";
import { findJsonProblem } from "../src/json-problem.js";
import { HealthCheckRequestSchema, HealthCheckResponseSchema, HealthListResponseSchema } from "../src/gen/grpc/health/v1/health_pb.js";

describe("findJsonProblem", () => {
  it("accepts a well-formed request", () => {
    expect(findJsonProblem(HealthCheckRequestSchema, { service: "x" })).toBeUndefined();
    expect(findJsonProblem(HealthCheckResponseSchema, { status: "SERVING" })).toBeUndefined();
  });
  it("names an unknown field by its path", () => {
    expect(findJsonProblem(HealthCheckRequestSchema, { servce: "x" })).toMatch(/^servce: unknown field \(grpc\.health\.v1\.HealthCheckRequest has no field "servce"\)/);
  });
  it("names an unknown enum value with the names it could be", () => {
    expect(findJsonProblem(HealthCheckResponseSchema, { status: "UP" })).toMatch(/^status: unknown value "UP" of enum .*ServingStatus \(one of UNKNOWN, SERVING, NOT_SERVING, SERVICE_UNKNOWN\)/);
  });
  it("walks maps of messages", () => {
    expect(findJsonProblem(HealthListResponseSchema, { statuses: { a: { status: "SERVING" }, b: { status: "DOWN" } } })).toMatch(/^statuses\["b"\]\.status: unknown value "DOWN"/);
  });
  it("caps a huge value in the message", () => {
    const problem = findJsonProblem(HealthCheckResponseSchema, { status: "x".repeat(100_000) }) ?? "";
    expect(problem.length).toBeLessThan(400);
    expect(problem).toContain("(100000 characters)");
  });
  it("leaves numbers, nulls and non-objects to protobuf-es", () => {
    expect(findJsonProblem(HealthCheckResponseSchema, { status: 99 })).toBeUndefined();
    expect(findJsonProblem(HealthCheckRequestSchema, null)).toBeUndefined();
    expect(findJsonProblem(HealthCheckRequestSchema, { service: null })).toBeUndefined();
  });
});
