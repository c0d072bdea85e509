/**
 * ProjectService: projects (tenants) and their quotas. Every method acts at
 * once and returns the Project (or Empty), not an Operation. `usage` is
 * computed on every read and never stored, so it changes no etag.
 */
import { clone, create } from "@bufbuild/protobuf";
import { EmptySchema, timestampFromDate } from "@bufbuild/protobuf/wkt";
import { reflect } from "@bufbuild/protobuf/reflect";
import type { ServiceImpl } from "@connectrpc/connect";
import {
  CreateProjectRequestSchema,
  DeleteProjectRequestSchema,
  GetProjectRequestSchema,
  ListProjectsRequestSchema,
  ListProjectsResponseSchema,
  ProjectSchema,
  type ProjectService,
  UpdateProjectRequestSchema,
  type Project,
} from "@open-vcluster/sdk";
import type { CoreContext } from "../engine/context.js";
import { atomically } from "../engine/atomic.js";
import { alreadyExists, failedPrecondition, notFound } from "../errors.js";
import { checkEtag, computeEtag } from "../etag.js";
import { newProject, putNewProject } from "../projects/require.js";
import { compileListQuery, paginate, projectListSpec } from "../query/index.js";
import { projectUsage, toQuotaUsage } from "../quota/quota.js";
import { fieldError, validateRequest } from "../validation.js";
import { copyPath } from "./update-mask.js";

/** The fields UpdateProject may change (and `quota.<field>` inside quota). */
const UPDATABLE = ["display_name", "labels", "quota"] as const;

export function projectService(ctx: CoreContext): ServiceImpl<typeof ProjectService> {
  const getOrThrow = (name: string): Project => {
    const project = ctx.store.getProject(name);
    if (!project) throw notFound("project", name);
    return project;
  };
  /** The project as the API shows it: with its current usage. */
  const withUsage = (project: Project): Project => {
    const out = clone(ProjectSchema, project);
    out.usage = toQuotaUsage(projectUsage(ctx, project.name));
    return out;
  };

  return {
    createProject(req) {
      validateRequest(CreateProjectRequestSchema, req);
      const name = `projects/${req.projectId}`;
      const build = () => {
        if (ctx.store.getProject(name)) throw alreadyExists("project", name);
        const project = newProject(ctx, name, req.project, req.validateOnly ? "" : undefined);
        validateRequest(ProjectSchema, project);
        return project;
      };
      if (req.validateOnly) {
        const project = build();
        project.etag = computeEtag(ProjectSchema, project);
        return withUsage(project);
      }
      return withUsage(atomically(ctx, () => putNewProject(ctx, build())));
    },

    getProject(req) {
      validateRequest(GetProjectRequestSchema, req);
      return withUsage(getOrThrow(req.name));
    },

    listProjects(req) {
      validateRequest(ListProjectsRequestSchema, req);
      const query = compileListQuery({ ...req, parent: "" }, projectListSpec);
      const page = paginate(ctx.store.listProjects(), query);
      return create(ListProjectsResponseSchema, { projects: page.items.map(withUsage), nextPageToken: page.nextPageToken });
    },

    updateProject(req) {
      validateRequest(UpdateProjectRequestSchema, req);
      const input = req.project as Project;
      const plan = () => {
        const current = getOrThrow(input.name);
        checkEtag("project", input.name, input.etag, current.etag);
        const next = clone(ProjectSchema, current);
        const dst = reflect(ProjectSchema, next);
        const src = reflect(ProjectSchema, input);
        for (const path of maskPaths(input, req.updateMask?.paths)) copyPath(dst, src, path.split("."), path);
        if (next.displayName === "") next.displayName = input.name.slice("projects/".length);
        validateRequest(ProjectSchema, next);
        next.updateTime = timestampFromDate(ctx.clock.now());
        return next;
      };
      if (req.validateOnly) {
        const next = plan();
        next.etag = computeEtag(ProjectSchema, next);
        return withUsage(next);
      }
      return withUsage(atomically(ctx, () => putNewProject(ctx, plan())));
    },

    deleteProject(req) {
      validateRequest(DeleteProjectRequestSchema, req);
      const check = () => {
        const current = getOrThrow(req.name);
        checkEtag("project", req.name, req.etag, current.etag);
        const id = req.name.slice("projects/".length);
        const vclusters = ctx.store.listVClusters(id).length;
        const snapshots = ctx.store.listSnapshots(id).length;
        if (vclusters > 0 || snapshots > 0) {
          throw failedPrecondition(
            `cannot delete project "${req.name}": it still has ${vclusters} vcluster(s) and ${snapshots} snapshot(s); delete them first`,
          );
        }
      };
      if (req.validateOnly) check();
      else atomically(ctx, () => {
        check();
        ctx.store.deleteProject(req.name);
      });
      return create(EmptySchema);
    },
  };
}

/**
 * The update mask (AIP-134): the paths given, `*` for every updatable field,
 * or, without a mask, the fields set in `input`. Only display_name, labels,
 * quota and quota.<field> can be named; anything else is INVALID_ARGUMENT.
 */
function maskPaths(input: Project, paths: readonly string[] | undefined): string[] {
  if (!paths || paths.length === 0) {
    const implied: string[] = [];
    if (input.displayName !== "") implied.push("display_name");
    if (Object.keys(input.labels).length > 0) implied.push("labels");
    if (input.quota) implied.push("quota");
    return implied;
  }
  const expanded = paths.flatMap((p) => (p === "*" ? [...UPDATABLE] : [p]));
  for (const path of expanded) {
    const root = path.split(".")[0] ?? "";
    const ok = (UPDATABLE as readonly string[]).includes(root) || root === "displayName";
    if (!ok || (root !== "quota" && path.includes("."))) {
      throw fieldError("update_mask", `"${path}" cannot be updated; updatable fields are ${UPDATABLE.join(", ")} (and quota.<field>)`);
    }
  }
  return expanded;
}
