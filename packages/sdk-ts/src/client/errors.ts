/**
 * Typed access to API errors: `isCode(err, Code.NotFound)` and the
 * protovalidate violations (`{ field, rule, message }`) a bad request was
 * refused with, without importing buf/validate or @connectrpc/connect.
 */
import { Code, ConnectError } from "@connectrpc/connect";
// gen-lite's buf/validate is cut down to the Violations detail, so decoding
// it does not bundle the validation rules' descriptors.
import { ViolationsSchema, type FieldPath } from "../gen-lite/buf/validate/validate_pb.js";

export { Code, ConnectError };

/** A field path and the rule it broke, e.g. `{ field: "vcluster_id", rule: "string.pattern", message: ... }`. */
export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/** Whether `err` is an API error with this code (works across duplicate copies of connect). */
export function isCode(err: unknown, code: Code): err is ConnectError {
  return err instanceof ConnectError && err.code === code;
}

/** The canonical name of a code, `NOT_FOUND` for Code.NotFound, as the API docs and conformance scenarios spell it. */
export function codeName(code: Code): string {
  return (Code[code] ?? String(code)).replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}

/**
 * The violations of an INVALID_ARGUMENT error, from its `buf.validate.Violations`
 * detail (server-side) or from client-side validation; `[]` for other errors.
 */
export function violationsOf(err: unknown): FieldViolation[] {
  if (!(err instanceof ConnectError)) return [];
  if (err instanceof ClientValidationError) return err.violations;
  return err.findDetails(ViolationsSchema).flatMap((d) =>
    d.violations.map((v) => ({ field: fieldPathToString(v.field), rule: v.ruleId, message: v.message })),
  );
}

/** `spec.control_plane.replicas`, `labels["env"]`, `items[0]`: the same spelling as the server's error message. */
function fieldPathToString(path: FieldPath | undefined): string {
  let out = "";
  for (const el of path?.elements ?? []) {
    out += out === "" ? el.fieldName : `.${el.fieldName}`;
    const s = el.subscript;
    if (s.case === "index") out += `[${s.value.toString()}]`;
    else if (s.case === "stringKey") out += `[${JSON.stringify(s.value)}]`;
    else if (s.case !== undefined) out += `[${String(s.value)}]`;
  }
  return out;
}

/** A request refused by the client's own validation (`validate` option) before it was sent. */
export class ClientValidationError extends ConnectError {
  // Connect recognises its errors across duplicate package copies by `name`:
  // keeping "ConnectError" makes `err instanceof ConnectError` true for this
  // subclass, and the ordinary prototype check tells the subclasses apart.
  static override [Symbol.hasInstance](v: unknown): boolean {
    return Function.prototype[Symbol.hasInstance].call(this, v);
  }
  constructor(
    typeName: string,
    readonly violations: FieldViolation[],
  ) {
    super(
      `invalid ${typeName}: ${violations.map((v) => `${v.field || "(request)"}: ${v.message} [${v.rule}]`).join("; ")}`,
      Code.InvalidArgument,
    );
  }
}
