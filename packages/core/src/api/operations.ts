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
      await runner.wait(req.name, timeout, context.signal);
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
