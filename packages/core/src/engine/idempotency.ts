/**
 * AIP-155 request ids. A mutation with a request_id is remembered for
 * `idempotencyTtlMs`: a retry with the same id and the same request gets the
 * original operation (in its current state) instead of acting twice; the
 * same id with a different request is refused. A request that failed before
 * it started an operation is not remembered, so its retry is evaluated anew.
 */
import { clone, toBinary, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import type { Operation } from "@open-vcluster/sdk";
import { fingerprint } from "../fingerprint.js";
import type { StoredOperation } from "../store/store.js";
import type { CoreContext } from "./context.js";

export interface IdempotentRequest<Desc extends DescMessage> {
  procedure: string;
  project: string;
  schema: Desc;
  request: MessageShape<Desc> & { requestId: string };
}

export function idempotent<Desc extends DescMessage>(
  ctx: CoreContext,
  req: IdempotentRequest<Desc>,
  start: () => StoredOperation,
): { operation: Operation; started: boolean } {
  const requestId = req.request.requestId;
  // validate_only records nothing, and is not answered with an earlier operation.
  if (!requestId || ctx.dryRun) return { operation: start().operation, started: true };
  const key = `${req.procedure}:${req.project}:${requestId}`;
  const copy = clone(req.schema, req.request) as MessageShape<Desc> & { requestId: string };
  copy.requestId = "";
  const print = fingerprint(toBinary(req.schema, copy));
  const now = ctx.clock.now().getTime();
  const seen = ctx.store.getIdempotency(key);
  if (seen && seen.expireTime >= now) {
    if (seen.fingerprint !== print) {
      throw new ConnectError(
        `request_id "${requestId}" was already used for a different ${req.procedure.split("/").pop()} request; use a new request_id for a new request`,
        Code.AlreadyExists,
      );
    }
    const original = ctx.store.getOperation(seen.operation);
    if (original) return { operation: original.operation, started: false };
  }
  const stored = start();
  ctx.store.putIdempotency({ key, fingerprint: print, operation: stored.operation.name, expireTime: now + ctx.options.idempotencyTtlMs });
  return { operation: stored.operation, started: true };
}
