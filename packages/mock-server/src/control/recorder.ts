/**
 * Recorded requests (MockControlService.ListRecordedRequests): every API call
 * with its request as protobuf JSON, the mock clock's time, the headers and
 * the status code it was answered with, so a test can verify what its code
 * sent.
 */
import { create, toJsonString, type DescMessage } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";
import type { Clock } from "@open-vcluster/core";
import { RecordedRequestSchema, type RecordedRequest } from "@open-vcluster/sdk/mock";
import { isApiCall, procedureOf } from "./procedures.js";

/** Headers worth keeping: the rest are transport noise. */
const KEPT_HEADERS = /^(authorization|user-agent|x-|connect-timeout-ms|grpc-timeout|content-type)/;

export class RequestRecorder {
  private requests: RecordedRequest[] = [];

  constructor(
    private readonly clock: Clock,
    /** Oldest requests are dropped past this, so a long run can't grow without bound. */
    private readonly limit = 10_000,
  ) {}

  list(method?: string): RecordedRequest[] {
    return method ? this.requests.filter((r) => r.method === method) : [...this.requests];
  }

  clear(): void {
    this.requests = [];
  }

  readonly interceptor: Interceptor = (next) => async (req) => {
    if (!isApiCall(req.method)) return next(req);
    const headers: Record<string, string> = {};
    req.header.forEach((value, key) => {
      if (KEPT_HEADERS.test(key)) headers[key] = value;
    });
    const record = create(RecordedRequestSchema, {
      method: procedureOf(req.method),
      requestJson: req.stream ? "" : safeJson(req.method.input, req.message),
      time: timestampFromDate(this.clock.now()),
      headers,
    });
    this.requests.push(record);
    if (this.requests.length > this.limit) this.requests.shift();
    try {
      const res = await next(req.stream ? { ...req, message: capture(req.message, req.method.input, record) } : req);
      if (!res.stream) {
        record.code = 0;
        return res;
      }
      // A stream's outcome is known only when it ends.
      return { ...res, message: settleStream(res.message, record) };
    } catch (err) {
      record.code = ConnectError.from(err).code ?? Code.Unknown;
      throw err;
    }
  };
}

function safeJson(schema: DescMessage, message: unknown): string {
  try {
    return toJsonString(schema, message as never);
  } catch {
    return "";
  }
}

/** Passes a request stream through, recording its first message (server-streaming calls have one). */
async function* capture<M>(messages: AsyncIterable<M>, schema: DescMessage, record: RecordedRequest): AsyncGenerator<M> {
  for await (const message of messages) {
    if (record.requestJson === "") record.requestJson = safeJson(schema, message);
    yield message;
  }
}

/** Passes a response stream through, recording the code it ends with. */
async function* settleStream<M>(messages: AsyncIterable<M>, record: RecordedRequest): AsyncGenerator<M> {
  try {
    for await (const message of messages) yield message;
    record.code = 0;
  } catch (err) {
    record.code = ConnectError.from(err).code;
    throw err;
  }
}
