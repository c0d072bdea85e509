/**
 * Recorded requests (MockControlService.ListRecordedRequests): every API call
 * with its request as protobuf JSON, the mock clock's time, the headers and
 * the status code it was answered with, so a test can verify what its code
 * sent.
 *
 * A call costs little: the interceptor keeps references to the request
 * message and headers, and `list()` builds the RecordedRequests and their
 * JSON when a test asks. That is safe because nothing downstream mutates a
 * request: core's handlers only read it, and everything they store is a
 * fresh message or a `clone()` (stored resources are copy-on-write), so
 * an update mask that copies a sub-message of the request into a new
 * revision never writes to it afterwards.
 */
import { create, toJsonString, type DescMessage, type DescMethod } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";
import type { Clock } from "@open-vcluster/core";
import { RecordedRequestSchema, type RecordedRequest } from "@open-vcluster/sdk/mock";
import { isApiCall, procedureOf } from "./procedures.js";

/** Headers worth keeping: the rest are transport noise. */
const KEPT_HEADERS = /^(authorization|user-agent|x-|connect-timeout-ms|grpc-timeout|content-type)/;

/** One call as the interceptor saw it; turned into a RecordedRequest by `list()`. */
interface Entry {
  method: DescMethod;
  /** The request; for a streaming call its first message, undefined until it arrives. */
  message: unknown;
  time: Date;
  header: Headers;
  /** 0 until the call fails (or a stream ends with an error). */
  code: Code | 0;
  /** The request's JSON, built once by the first `list()` that needs it. */
  json?: string;
}

export class RequestRecorder {
  private entries: Entry[] = [];

  constructor(
    private readonly clock: Clock,
    /** Oldest requests are dropped past this, so a long run can't grow without bound. */
    private readonly limit = 10_000,
  ) {}

  list(method?: string): RecordedRequest[] {
    const out: RecordedRequest[] = [];
    for (const e of this.entries) {
      const procedure = procedureOf(e.method);
      if (method && procedure !== method) continue;
      out.push(toRecord(e, procedure));
    }
    return out;
  }

  clear(): void {
    this.entries = [];
  }

  readonly interceptor: Interceptor = (next) => async (req) => {
    if (!isApiCall(req.method)) return next(req);
    const entry: Entry = {
      method: req.method,
      message: req.stream ? undefined : req.message,
      time: this.clock.now(),
      header: req.header,
      code: 0,
    };
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
    try {
      const res = await next(req.stream ? { ...req, message: capture(req.message, entry) } : req);
      if (!res.stream) return res;
      // A stream's outcome is known only when it ends.
      return { ...res, message: settleStream(res.message, entry) };
    } catch (err) {
      entry.code = ConnectError.from(err).code ?? Code.Unknown;
      throw err;
    }
  };
}

function toRecord(e: Entry, procedure: string): RecordedRequest {
  if (e.json === undefined && e.message !== undefined) e.json = safeJson(e.method.input, e.message);
  const headers: Record<string, string> = {};
  e.header.forEach((value, key) => {
    if (KEPT_HEADERS.test(key)) headers[key] = value;
  });
  return create(RecordedRequestSchema, {
    method: procedure,
    requestJson: e.json ?? "",
    time: timestampFromDate(e.time),
    headers,
    code: e.code,
  });
}

function safeJson(schema: DescMessage, message: unknown): string {
  try {
    return toJsonString(schema, message as never);
  } catch {
    return "";
  }
}

/** Passes a request stream through, keeping its first message (server-streaming calls have one). */
async function* capture<M>(messages: AsyncIterable<M>, entry: Entry): AsyncGenerator<M> {
  for await (const message of messages) {
    if (entry.message === undefined) entry.message = message;
    yield message;
  }
}

/** Passes a response stream through, recording the code it ends with. */
async function* settleStream<M>(messages: AsyncIterable<M>, entry: Entry): AsyncGenerator<M> {
  try {
    for await (const message of messages) yield message;
    entry.code = 0;
  } catch (err) {
    entry.code = ConnectError.from(err).code;
    throw err;
  }
}
