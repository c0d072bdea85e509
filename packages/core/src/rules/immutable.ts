/**
 * Immutable spec fields (`google.api.field_behavior = IMMUTABLE` in the
 * proto): persistence, the CIDRs, the backing store, the host namespace and
 * the host cluster. The list is read from the descriptors, so a field marked
 * IMMUTABLE in the proto is enforced without a change here.
 */
import { create, equals, getOption, hasOption, type DescExtension, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { reflect, type ReflectMessage } from "@bufbuild/protobuf/reflect";
import { VClusterSpecSchema, type VClusterSpec } from "@open-vcluster/sdk";
import { invalidArgument } from "../errors.js";

/** google.api.field_behavior value IMMUTABLE (google/api/field_behavior.proto). */
const IMMUTABLE = 5;

function fieldBehaviorExtension(): DescExtension {
  const file = VClusterSpecSchema.file.dependencies.find((f) => f.name === "google/api/field_behavior");
  const ext = file?.extensions.find((e) => e.name === "field_behavior");
  if (!ext) throw new Error("google/api/field_behavior.proto is not a dependency of vcluster.proto");
  return ext;
}

/** Field paths (proto names, from the spec) of every IMMUTABLE field, e.g. `networking.service_cidr`. */
function immutablePaths(message: DescMessage, ext: DescExtension, prefix: DescField[] = [], depth = 0): DescField[][] {
  const out: DescField[][] = [];
  for (const field of message.fields) {
    const path = [...prefix, field];
    const behaviors = hasOption(field, ext) ? (getOption(field, ext) as number[]) : [];
    if (behaviors.includes(IMMUTABLE)) out.push(path);
    else if (field.fieldKind === "message" && depth < 4) out.push(...immutablePaths(field.message, ext, path, depth + 1));
  }
  return out;
}

const PATHS = immutablePaths(VClusterSpecSchema, fieldBehaviorExtension());

/** `spec.networking.service_cidr`-style names of the immutable fields. */
export const IMMUTABLE_SPEC_FIELDS: readonly string[] = PATHS.map((p) => `spec.${p.map((f) => f.name).join(".")}`);

/** The value at `path`, or undefined when it (or a parent) is unset; an unset message equals an empty one. */
function valueAt(spec: VClusterSpec | undefined, path: DescField[]): unknown {
  let msg: ReflectMessage = reflect(VClusterSpecSchema, spec ?? create(VClusterSpecSchema));
  for (const [i, field] of path.entries()) {
    const last = i === path.length - 1;
    if (last) {
      if (field.fieldKind === "message") {
        return msg.isSet(field) ? (msg.get(field) as ReflectMessage).message : create(field.message);
      }
      return msg.isSet(field) ? msg.get(field) : undefined;
    }
    if (field.fieldKind !== "message") return undefined;
    if (!msg.isSet(field)) {
      msg = reflect(field.message, create(field.message));
      continue;
    }
    msg = msg.get(field) as ReflectMessage;
  }
  return undefined;
}

/** INVALID_ARGUMENT naming the first immutable field that differs between the stored and the updated spec. */
export function checkImmutable(current: VClusterSpec | undefined, next: VClusterSpec | undefined): void {
  for (const [i, path] of PATHS.entries()) {
    const field = path[path.length - 1] as DescField;
    const a = valueAt(current, path);
    const b = valueAt(next, path);
    const same = field.fieldKind === "message" ? equals(field.message, a as never, b as never) : a === b;
    if (!same) {
      throw invalidArgument(`${IMMUTABLE_SPEC_FIELDS[i]}: is immutable and cannot change after create (it is ${describe(a)}, the update asks for ${describe(b)})`);
    }
  }
}

function describe(v: unknown): string {
  if (v === undefined) return "unset";
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "object") return "a different value";
  return String(v);
}
