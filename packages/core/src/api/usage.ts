/**
 * GetVClusterUsage: the read-only usage singleton
 * `projects/{project}/vclusters/{vcluster}/usage` (AIP-156). Read from the driver on every
 * call and stamped with core's clock; never stored, so it changes no etag
 * and fires no watch event.
 */
import { create } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { GetVClusterUsageRequestSchema, VClusterUsageSchema, type GetVClusterUsageRequest, type VClusterUsage } from "@open-vcluster/sdk";
import type { CoreContext } from "../engine/context.js";
import { notFound } from "../errors.js";
import { requireProject } from "../projects/require.js";
import { validateRequest } from "../validation.js";

const SUFFIX = "/usage";

export async function getVClusterUsage(ctx: CoreContext, req: GetVClusterUsageRequest, signal: AbortSignal): Promise<VClusterUsage> {
  validateRequest(GetVClusterUsageRequestSchema, req);
  requireProject(ctx, req.name, "read");
  const name = req.name.slice(0, -SUFFIX.length);
  const vcluster = ctx.store.getVCluster(name);
  if (!vcluster) throw notFound("vcluster", name);
  const usage = await ctx.driver.usage(vcluster, signal);
  return create(VClusterUsageSchema, { name: req.name, ...usage, sampleTime: timestampFromDate(ctx.clock.now()) });
}
