/**
 * Resource names (AIP-122): `projects/{project}/vclusters/{vcluster}`,
 * `projects/{project}/snapshots/{snapshot}`, `projects/{project}/operations/{operation}`.
 * The request validation has already checked their syntax; these only split
 * and join them.
 */
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
