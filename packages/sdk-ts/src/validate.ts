/**
 * Client-side validation with the same protovalidate rules the server
 * enforces, so a bad request can be caught before it is sent.
 */
import { createRegistry, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import { pathToString, type Path } from "@bufbuild/protobuf/reflect";
import { createValidator, Violation } from "@bufbuild/protovalidate";
import { file_openvcluster_v1_common } from "./gen/openvcluster/v1/common_pb.js";
import { file_openvcluster_v1_host_cluster } from "./gen/openvcluster/v1/host_cluster_pb.js";
import { file_openvcluster_v1_operation } from "./gen/openvcluster/v1/operation_pb.js";
import { file_openvcluster_v1_operation_service } from "./gen/openvcluster/v1/operation_service_pb.js";
import { file_openvcluster_v1_project } from "./gen/openvcluster/v1/project_pb.js";
import { file_openvcluster_v1_project_service } from "./gen/openvcluster/v1/project_service_pb.js";
import { file_openvcluster_v1_snapshot } from "./gen/openvcluster/v1/snapshot_pb.js";
import { file_openvcluster_v1_snapshot_service } from "./gen/openvcluster/v1/snapshot_service_pb.js";
import { file_openvcluster_v1_vcluster } from "./gen/openvcluster/v1/vcluster_pb.js";
import { file_openvcluster_v1_vcluster_service } from "./gen/openvcluster/v1/vcluster_service_pb.js";

export { Violation };

/** The most characters of a client's value an error message echoes; longer values are cut. */
export const ECHO_LIMIT = 64;

/**
 * A client's value as an error message may echo it: whole when short, else a
 * prefix and its length, `aaaa… (1048576 characters)`. Echoing a whole 1 MB
 * value makes a 1 MB error, too big for the grpc-message header, so gRPC
 * clients would see RESOURCE_EXHAUSTED / INTERNAL instead of the real code.
 */
export function capEcho(value: string, limit = ECHO_LIMIT): string {
  if (value.length <= limit) return value;
  return `${value.slice(0, limit)}… (${value.length} characters)`;
}

/** Longest violation message kept whole (custom CEL messages may echo values). */
const MESSAGE_LIMIT = 512;

/**
 * The violations with the client's values capped (capEcho): string map keys
 * in field paths (`labels["aaaa… (1048576 characters)"]`) and over-long
 * messages. Use it before turning violations into an error message or into
 * `buf.validate.Violations` details.
 */
export function capViolations(violations: readonly Violation[]): Violation[] {
  return violations.map((v) => {
    const field = capPath(v.field);
    const message = capEcho(v.message, MESSAGE_LIMIT);
    if (field === v.field && message === v.message) return v;
    return new Violation(message, v.ruleId, field, v.rule, v.forKey);
  });
}

function capPath(path: Path): Path {
  let changed = false;
  const out = path.map((segment) => {
    if (segment.kind !== "map_sub" || typeof segment.key !== "string" || segment.key.length <= ECHO_LIMIT) return segment;
    changed = true;
    return { kind: "map_sub" as const, key: capEcho(segment.key) };
  });
  return changed ? out : path;
}

/** Compiled patterns; cleared past this size, like protovalidate's own RE2 cache. */
const REGEX_CACHE_LIMIT = 1024;
const regexCache = new Map<string, RegExp>();

/**
 * A protovalidate `regexMatch` backed by the platform `RegExp`, for the
 * `string.pattern` rules and CEL `matches()` calls of this API's proto.
 * protovalidate's default is a pure-JS RE2 engine, about ten times slower per
 * match (it was most of the server's validation cost).
 *
 * RE2 and JS regular expressions differ, which is fine for our patterns (all
 * constants of our own proto: anchored, ASCII classes, groups, `?` and `{m,n}`,
 * the same in both) but not for arbitrary ones:
 * - RE2-only syntax (`(?i)` and other inline flags, `(?P<name>...)`, `\z`,
 *   `[[:alpha:]]`, `\pN`) does not compile here; protovalidate then reports a
 *   compilation error for the rule, not a violation.
 * - JS-only syntax (lookaround, backreferences) compiles here though RE2
 *   rejects it, and JS matching is backtracking, not linear-time, so a
 *   pattern must not be built from untrusted input.
 * - Compiled with the `u` flag, so like RE2 it matches code points, not
 *   UTF-16 units. `$` (no `m` flag) is the end of input in both, and `.`
 *   excludes `\n` in both.
 */
export function nativeRegexMatch(pattern: string, against: string): boolean {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    if (regexCache.size >= REGEX_CACHE_LIMIT) regexCache.clear();
    // No `g`/`y` flag: test() keeps no lastIndex state between calls.
    re = new RegExp(pattern, "u");
    regexCache.set(pattern, re);
  }
  return re.test(against);
}

const validator = createValidator({ regexMatch: nativeRegexMatch });

/** A field path and the rule it broke, e.g. `{ field: "vcluster_id", rule: "string.pattern", message: ... }`. */
export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/**
 * The full descriptors (with their buf.validate rules) of this API. The
 * client runs on gen-lite's descriptors, which have no rules: validate()
 * swaps a schema for the full one of the same type name.
 */
const withRules = createRegistry(
  file_openvcluster_v1_common,
  file_openvcluster_v1_host_cluster,
  file_openvcluster_v1_operation,
  file_openvcluster_v1_operation_service,
  file_openvcluster_v1_project,
  file_openvcluster_v1_project_service,
  file_openvcluster_v1_snapshot,
  file_openvcluster_v1_snapshot_service,
  file_openvcluster_v1_vcluster,
  file_openvcluster_v1_vcluster_service,
);

/** Validates a message against its protovalidate rules; an empty array means valid. */
export function validate<Desc extends DescMessage>(schema: Desc, message: MessageShape<Desc>): FieldViolation[] {
  const full = withRules.getMessage(schema.typeName) ?? schema;
  const result = validator.validate(full, message as MessageShape<DescMessage>);
  if (result.kind === "valid") return [];
  if (result.kind === "error") throw result.error;
  return capViolations(result.violations).map(toFieldViolation);
}

function toFieldViolation(v: Violation): FieldViolation {
  return { field: pathToString(v.field), rule: v.ruleId, message: v.message };
}
