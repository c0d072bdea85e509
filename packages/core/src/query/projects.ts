import type { Project } from "@open-vcluster/sdk";
import type { FilterSchema } from "./filter/schema.js";
import type { ListSpec } from "./list-query.js";
import type { OrderFields } from "./order-by.js";
import { timestampMillis } from "./timestamp.js";

// ListProjects, as documented in proto/openvcluster/v1/project_service.proto:
// filter over name, display_name, labels.<key> and create_time; ordered by name.

export const projectFilterSchema: FilterSchema<Project> = {
  name: { kind: "string", get: (project) => project.name },
  display_name: { kind: "string", get: (project) => project.displayName },
  labels: { kind: "map", get: (project) => project.labels },
  create_time: { kind: "timestamp", get: (project) => timestampMillis(project.createTime) },
};

export const projectOrderFields: OrderFields<Project> = {
  name: (project) => project.name,
};

export const projectListSpec: ListSpec<Project> = {
  collection: "projects",
  filterSchema: projectFilterSchema,
  orderFields: projectOrderFields,
  defaultOrderBy: "name",
};
