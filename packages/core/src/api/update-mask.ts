/**
 * UpdateVCluster's field mask (AIP-134): copies exactly the masked fields
 * from the request's vcluster onto the stored one. A masked field that the
 * request leaves unset is cleared (back to its default). Maps are replaced
 * whole. Output-only and unknown paths are INVALID_ARGUMENT.
 */
import { create, type DescField } from "@bufbuild/protobuf";
import { reflect, type ReflectMessage } from "@bufbuild/protobuf/reflect";
import { VClusterSchema, type VCluster } from "@open-vcluster/sdk";
import { fieldError } from "../validation.js";
import { capEcho } from "@open-vcluster/sdk/validate";

/** Top-level fields a client may change; everything else on VCluster is output only or identity. */
const UPDATABLE = ["display_name", "labels", "annotations", "deletion_protection", "spec"] as const;

export interface MaskResult {
  /** Whether any path touched the spec (so the driver must apply it). */
  touchesSpec: boolean;
}

export function applyUpdateMask(target: VCluster, source: VCluster, paths: readonly string[]): MaskResult {
  if (paths.length === 0) throw fieldError("update_mask", "must name at least one field (or `*`)");
  const expanded = paths.flatMap((p) => (p === "*" ? [...UPDATABLE] : [p]));
  const dst = reflect(VClusterSchema, target);
  const src = reflect(VClusterSchema, source);
  let touchesSpec = false;
  for (const path of expanded) {
    const segments = path.split(".");
    const root = segments[0] ?? "";
    if (!(UPDATABLE as readonly string[]).includes(root) && !UPDATABLE.some((u) => toCamel(u) === root)) {
      throw fieldError(
        "update_mask",
        `"${capEcho(path)}" cannot be updated; updatable fields are ${UPDATABLE.join(", ")} (and paths inside spec)`,
      );
    }
    if (root === "spec") touchesSpec = true;
    copyPath(dst, src, segments, path);
  }
  return { touchesSpec };
}

/**
 * The mask of an update that sends none (AIP-134): the fields set in the
 * request's vcluster, so an unset field never clears a value by accident.
 * Top level: each updatable field that is not its default (a non-empty
 * string or map, `deletion_protection` true). Inside `spec`, recursively:
 * every set scalar, enum, list or map is a path of its own (`spec.replicas`
 * style), and a set message is walked into, except one with nothing set
 * inside (e.g. a oneof case that is an empty message), which is a path as a
 * whole. Nothing set at all is INVALID_ARGUMENT.
 */
export function impliedUpdateMask(source: VCluster): string[] {
  const src = reflect(VClusterSchema, source);
  const paths: string[] = [];
  for (const name of UPDATABLE) {
    const field = findField(src, name);
    if (!field || !src.isSet(field)) continue;
    if (name === "spec") paths.push(...setPaths(src.get(field) as ReflectMessage, "spec"));
    else paths.push(name);
  }
  if (paths.length === 0) {
    throw fieldError("update_mask", `is unset and the vcluster sets none of ${UPDATABLE.join(", ")}: nothing to update`);
  }
  return paths;
}

function setPaths(message: ReflectMessage, prefix: string): string[] {
  const out: string[] = [];
  for (const field of message.fields) {
    if (!message.isSet(field)) continue;
    const path = `${prefix}.${field.name}`;
    if (field.fieldKind === "message") {
      const inner = setPaths(message.get(field) as ReflectMessage, path);
      out.push(...(inner.length > 0 ? inner : [path]));
    } else out.push(path);
  }
  return out;
}

function findField(message: ReflectMessage, name: string): DescField | undefined {
  return message.desc.fields.find((f) => f.name === name || f.jsonName === name);
}

export function copyPath(dst: ReflectMessage, src: ReflectMessage | undefined, segments: string[], path: string): void {
  const [head, ...rest] = segments;
  const field = findField(dst, head ?? "");
  if (!field) throw fieldError("update_mask", `unknown field "${capEcho(head ?? "")}" in path "${capEcho(path)}"`);
  if (rest.length === 0) {
    if (src?.isSet(field)) dst.set(field, src.get(field) as never);
    else dst.clear(field);
    return;
  }
  if (field.fieldKind !== "message") {
    throw fieldError("update_mask", `path "${capEcho(path)}" goes inside "${capEcho(head ?? "")}", which is not a message`);
  }
  if (!dst.isSet(field)) dst.set(field, reflect(field.message, create(field.message)) as never);
  const child = dst.get(field) as ReflectMessage;
  const srcChild = src?.isSet(field) ? (src.get(field) as ReflectMessage) : undefined;
  copyPath(child, srcChild, rest, path);
}

function toCamel(s: string): string {
  return s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
