/**
 * OperationService (AIP-151): get, list, wait on and cancel operations.
 */
import { durationMs } from "@bufbuild/protobuf/wkt";
import type { HandlerContext, ServiceImpl } from "@connectrpc/connect";
import {
  CancelOperationRequestSchema,
  GetOperationRequestSchema,
  ListOperationsRequestSchema,
  type OperationService,
  WaitOperationRequestSchema,
  type Operation,
} from "@open-vcluster/sdk";
import { notFound } from "../errors.js";
import type { CoreContext } from "../engine/context.js";
import type { OperationRunner } from "../engine/runner.js";
import { validateRequest } from "../validation.js";
import { listOperations } from "./listing.js";
import { requireProject } from "../projects/require.js";

/** WaitOperation's timeout when the request sets none (AIP-151 leaves it to the server). */
const DEFAULT_WAIT_MS = 60_000;

/**
 * How long WaitOperation may wait: `timeout`, but never so long that the
 * answer misses the call's deadline. A safety margin (10% of what is left,
 * at least 20 ms, at most 1 s) leaves time for the response to reach the
 * client, so a wait cut short by the deadline still answers OK (done=false).
 */
export function waitBudgetMs(timeoutMs: number, deadlineLeftMs: number | undefined): number {
  if (deadlineLeftMs === undefined) return timeoutMs;
  const margin = Math.min(Math.max(deadlineLeftMs * 0.1, 20), 1_000);
  return Math.max(0, Math.min(timeoutMs, deadlineLeftMs - margin));
}

export function operationService(ctx: CoreContext, runner: OperationRunner): ServiceImpl<typeof OperationService> {
  const get = (name: string): Operation => {
    requireProject(ctx, name, "read");
    const stored = ctx.store.getOperation(name);
    if (!stored) throw notFound("operation", name);
    return stored.operation;
  };

  return {
    getOperation(req) {
      validateRequest(GetOperationRequestSchema, req);
      return get(req.name);
    },

    listOperations(req) {
      validateRequest(ListOperationsRequestSchema, req);
      requireProject(ctx, req.parent, "read");
      return listOperations(ctx, req);
    },

    async waitOperation(req, context: HandlerContext) {
      validateRequest(WaitOperationRequestSchema, req);
      get(req.name);
      const timeout = req.timeout ? durationMs(req.timeout) : DEFAULT_WAIT_MS;
      await runner.wait(req.name, waitBudgetMs(timeout, context.timeoutMs()), context.signal);
      return get(req.name);
    },

    async cancelOperation(req) {
      validateRequest(CancelOperationRequestSchema, req);
      get(req.name);
      await runner.cancel(req.name);
      return get(req.name);
    },
  };
}
