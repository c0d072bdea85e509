/**
 * Client-side validation with the same protovalidate rules the server
 * enforces, so a bad request can be caught before it is sent.
 */
import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import { pathToString } from "@bufbuild/protobuf/reflect";
import { createValidator, type Violation } from "@bufbuild/protovalidate";

export type { Violation };

const validator = createValidator();

/** A field path and the rule it broke, e.g. `{ field: "vcluster_id", rule: "string.pattern", message: ... }`. */
export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/** Validates a message against its protovalidate rules; an empty array means valid. */
export function validate<Desc extends DescMessage>(schema: Desc, message: MessageShape<Desc>): FieldViolation[] {
  const result = validator.validate(schema, message);
  if (result.kind === "valid") return [];
  if (result.kind === "error") throw result.error;
  return result.violations.map(toFieldViolation);
}

function toFieldViolation(v: Violation): FieldViolation {
  return { field: pathToString(v.field), rule: v.ruleId, message: v.message };
}
