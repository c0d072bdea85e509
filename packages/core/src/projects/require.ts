/**
 * Every resource lives in a project, and a project that does not exist is
 * NOT_FOUND (`project "projects/x" not found`), so a typo never creates a new
 * tenant. Every VClusterService, SnapshotService and OperationService entry
 * point calls `requireProject` with the name it was given.
 *
 * With the core option `autoCreateProjects` (ovc-mock's default) a project is
 * created on first use: a mutation (`"write"`) that names an unknown project
 * creates it in its own transaction (so a mutation that then fails creates
 * nothing); a read (`"read"`) of an unknown project sees an empty project
 * (Get is NOT_FOUND for the resource, List an empty page) and creates nothing.
 */
import { create } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { ProjectSchema, type Project } from "@open-vcluster/sdk";
import type { CoreContext } from "../engine/context.js";
import { notFound } from "../errors.js";
import { computeEtag } from "../etag.js";
import { fingerprint } from "../fingerprint.js";
import { projectOf } from "../names.js";

export type ProjectAccess = "read" | "write";

/** `projects/{project}` of any resource name (`projects/p/vclusters/v` → `projects/p`). */
export function projectNameOf(name: string): string {
  return `projects/${projectOf(name)}`;
}

/**
 * The project of `name` (a project or any resource in it). NOT_FOUND when it
 * does not exist, unless projects are auto-created: then a write creates it
 * and a read returns undefined (an empty project).
 */
export function requireProject(ctx: CoreContext, name: string, access: ProjectAccess): Project | undefined {
  const projectName = projectNameOf(name);
  const existing = ctx.store.getProject(projectName);
  if (existing) return existing;
  if (!ctx.options.autoCreateProjects) throw notFound("project", projectName);
  return access === "write" ? putNewProject(ctx, implicitProject(ctx, projectName)) : undefined;
}

/** A project as CreateProject builds it: display name defaults to the id. */
export function newProject(ctx: CoreContext, name: string, input?: Project, uid = ctx.ids.uuid()): Project {
  const now = timestampFromDate(ctx.clock.now());
  return create(ProjectSchema, {
    name,
    uid,
    displayName: input?.displayName || projectOf(name),
    labels: { ...input?.labels },
    ...(input?.quota ? { quota: { ...input.quota } } : {}),
    createTime: now,
    updateTime: now,
  });
}

/** Stores a project with its etag (the usage is computed on read, never stored). */
export function putNewProject(ctx: CoreContext, project: Project): Project {
  project.usage = undefined;
  project.etag = computeEtag(ProjectSchema, project);
  ctx.store.putProject(project);
  return project;
}

/** Creates `projects/{id}` unless it exists (ovc-server's `default` project, seeds). */
export function ensureProject(ctx: CoreContext, name: string): Project {
  const projectName = projectNameOf(name);
  return ctx.store.getProject(projectName) ?? putNewProject(ctx, implicitProject(ctx, projectName));
}

/**
 * A project created without CreateProject. Its uid is derived from its name
 * rather than drawn from the id generator, so that auto-creation does not
 * shift the deterministic ids (`sequentialIds`) of the vclusters and
 * operations a test creates.
 */
function implicitProject(ctx: CoreContext, name: string): Project {
  const bytes = new TextEncoder().encode(name);
  const hex = (fingerprint(bytes, 1) + fingerprint(bytes, 2) + fingerprint(bytes, 3)).slice(0, 32);
  const uid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return newProject(ctx, name, undefined, uid);
}
