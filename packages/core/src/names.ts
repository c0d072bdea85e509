/**
 * Resource names (AIP-122): `projects/{project}/vclusters/{vcluster}`,
 * `projects/{project}/snapshots/{snapshot}`, `projects/{project}/operations/{operation}`.
 * The request validation has already checked their syntax; these only split
 * and join them.
 */
import { fingerprint } from "./fingerprint.js";

export type Collection = "vclusters" | "snapshots" | "operations";

export interface ResourceName {
  project: string;
  collection: Collection;
  id: string;
}

export function parseName(name: string): ResourceName | undefined {
  const parts = name.split("/");
  if (parts.length !== 4 || parts[0] !== "projects") return undefined;
  const [, project, collection, id] = parts as [string, string, string, string];
  if (collection !== "vclusters" && collection !== "snapshots" && collection !== "operations") return undefined;
  return { project, collection, id };
}

export function projectOf(name: string): string {
  return name.split("/")[1] ?? "";
}

export function parentOf(name: string): string {
  return `projects/${projectOf(name)}`;
}

export function vclusterName(project: string, id: string): string {
  return `projects/${project}/vclusters/${id}`;
}

export function snapshotName(project: string, id: string): string {
  return `projects/${project}/snapshots/${id}`;
}

export function operationName(project: string, id: string): string {
  return `projects/${project}/operations/${id}`;
}

export function idOf(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}

/**
 * The default host namespace of a vcluster: `vc-<project>-<id>`, cut to fit,
 * plus 10 hex digits of a hash of `<project>/<id>`, so `a-b`+`c` and
 * `a`+`b-c` (the same `vc-a-b-c` before the hash) and two long names that
 * share a prefix get different namespaces, and the result is at most 63
 * characters. The hash (fingerprint.ts) is not cryptographic: it only has to
 * separate names, not resist an attacker choosing them.
 */
export function defaultHostNamespace(project: string, id: string): string {
  const hash = fingerprint(new TextEncoder().encode(`${project}/${id}`)).slice(-10);
  const readable = `vc-${project}-${id}`.slice(0, 63 - 1 - hash.length).replace(/-+$/, "");
  return `${readable}-${hash}`;
}
