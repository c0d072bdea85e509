/**
 * Request validation with the protovalidate rules written in the proto. A bad
 * request fails with INVALID_ARGUMENT; the message names every field path and
 * rule, and the details carry them as `buf.validate.Violations`, which all
 * three SDKs can decode.
 */
import { create, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import { pathToString } from "@bufbuild/protobuf/reflect";
import { createValidator, violationsToProto, type Violation } from "@bufbuild/protovalidate";
import { ViolationsSchema } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import { ConnectError, Code } from "@connectrpc/connect";
import { capViolations, nativeRegexMatch } from "@open-vcluster/sdk/validate";

// Patterns are matched with native RegExp rather than protovalidate's pure-JS
// RE2 engine (6 µs of a Get's 6.4 µs of handler time); see nativeRegexMatch
// for where RE2 and JS regular expressions differ.
const validator = createValidator({ regexMatch: nativeRegexMatch });

export function describeViolation(v: Violation): string {
  const path = pathToString(v.field);
  return `${path || "(request)"}: ${v.message} [${v.ruleId}]`;
}

/** Throws INVALID_ARGUMENT with every violation unless `message` satisfies its rules. */
export function validateRequest<Desc extends DescMessage>(schema: Desc, message: MessageShape<Desc>): void {
  const result = validator.validate(schema, message);
  if (result.kind === "valid") return;
  if (result.kind === "error") {
    // A rule that cannot be evaluated is a bug in the proto, not in the request.
    throw new ConnectError(`validation failed: ${result.error.message}`, Code.Internal);
  }
  // Capped: a 1 MB map key must not become a 1 MB message (and grpc-message header).
  const capped = capViolations(result.violations);
  const [violations, violationsSchema] = violationsToProto(capped);
  throw new ConnectError(
    `invalid ${schema.name}: ${capped.map(describeViolation).join("; ")}`,
    Code.InvalidArgument,
    undefined,
    [{ desc: violationsSchema, value: violations }],
  );
}

/** The rule id of a field violation found by core rather than by a protovalidate rule. */
export const CORE_FIELD_RULE = "openvcluster.field";

/**
 * INVALID_ARGUMENT for one field, in the same shape as protovalidate's: the
 * message names the field path, and the details carry it as
 * `buf.validate.Violations` (rule id CORE_FIELD_RULE).
 */
export function fieldError(field: string, message: string): ConnectError {
  const violations = create(ViolationsSchema, {
    violations: [{ field: { elements: field.split(".").map((fieldName) => ({ fieldName })) }, ruleId: CORE_FIELD_RULE, message }],
  });
  return new ConnectError(`${field}: ${message}`, Code.InvalidArgument, undefined, [{ desc: ViolationsSchema, value: violations }]);
}
