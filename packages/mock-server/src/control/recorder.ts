/**
 * Recorded requests (MockControlService.ListRecordedRequests): every API call
 * with its request as protobuf JSON, the mock clock's time, the headers and
 * the status code it was answered with, so a test can verify what its code
 * sent.
 *
 * Bounded by count and by bytes, because a client the mock does not know may
 * send anything: each call's request is turned into its record (JSON, kept
 * headers) when it arrives, and no reference to the request message is kept.
 * String and bytes values over STRING_LIMIT characters are cut (the record
 * says `truncated`, with the size of its whole JSON), a record whose JSON is
 * still over RECORD_LIMIT is left without JSON, and the oldest records are
 * dropped once they hold more than `maxBytes` together (or `limit` records).
 * Reset (clear()) drops them all.
 */
import { create, toJson, type DescMessage, type DescMethod, type JsonValue } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";
import type { Clock } from "@open-vcluster/core";
import { RecordedRequestSchema, type RecordedRequest } from "@open-vcluster/sdk/mock";
import { isApiCall, procedureOf } from "./procedures.js";

/** Headers worth keeping: the rest are transport noise. */
const KEPT_HEADERS = /^(authorization|user-agent|x-|connect-timeout-ms|grpc-timeout|content-type)/;

/** String / bytes values longer than this (characters) are cut in the recorded JSON. */
export const STRING_LIMIT = 1024;
/** A record whose JSON is longer than this even after cutting keeps no JSON. */
export const RECORD_LIMIT = 64 * 1024;
/** What all records together may hold (approximately, in UTF-16 characters of JSON and headers). */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** One call as recorded. */
interface Entry {
  method: DescMethod;
  /** The request's JSON; for a streaming call its first message, undefined until it arrives. */
  json: string | undefined;
  truncated: boolean;
  originalSize: bigint;
  time: Date;
  headers: Record<string, string>;
  /** 0 until the call fails (or a stream ends with an error). */
  code: Code | 0;
  /** What this entry counts against maxBytes. */
  size: number;
  /** True while it is in the list (counted in `bytes`). */
  counted: boolean;
}

export class RequestRecorder {
  private entries: Entry[] = [];
  /** entries[0..head) are dropped; compacted now and then so dropping is O(1). */
  private head = 0;
  private bytes = 0;

  constructor(
    private readonly clock: Clock,
    /** Oldest requests are dropped past this many, so a long run can't grow without bound. */
    private readonly limit = 10_000,
    /** ... or past this many bytes of records. */
    private readonly maxBytes = DEFAULT_MAX_BYTES,
  ) {}

  list(method?: string): RecordedRequest[] {
    const out: RecordedRequest[] = [];
    for (let i = this.head; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      const procedure = procedureOf(e.method);
      if (method && procedure !== method) continue;
      out.push(toRecord(e, procedure));
    }
    return out;
  }

  /** Number of records and their bytes (for tests and the README's numbers). */
  get usage(): { count: number; bytes: number } {
    return { count: this.entries.length - this.head, bytes: this.bytes };
  }

  clear(): void {
    for (let i = this.head; i < this.entries.length; i++) this.entries[i]!.counted = false;
    this.entries = [];
    this.head = 0;
    this.bytes = 0;
  }

  readonly interceptor: Interceptor = (next) => async (req) => {
    if (!isApiCall(req.method)) return next(req);
    const headers = keptHeaders(req.header);
    const entry: Entry = {
      method: req.method,
      json: undefined,
      truncated: false,
      originalSize: 0n,
      time: this.clock.now(),
      headers,
      code: 0,
      size: 64 + Object.entries(headers).reduce((n, [k, v]) => n + k.length + v.length, 0),
      counted: true,
    };
    this.push(entry);
    if (!req.stream) this.setMessage(entry, req.message);
    try {
      const res = await next(req.stream ? { ...req, message: this.capture(req.message, entry) } : req);
      if (!res.stream) return res;
      // A stream's outcome is known only when it ends.
      return { ...res, message: settleStream(res.message, entry) };
    } catch (err) {
      entry.code = ConnectError.from(err).code ?? Code.Unknown;
      throw err;
    }
  };

  private push(entry: Entry): void {
    this.entries.push(entry);
    this.bytes += entry.size;
    this.trim();
  }

  /** Drops the oldest records while over either bound (the newest always stays). */
  private trim(): void {
    while (this.entries.length - this.head > this.limit || (this.bytes > this.maxBytes && this.entries.length - this.head > 1)) {
      const dropped = this.entries[this.head]!;
      dropped.counted = false;
      this.bytes -= dropped.size;
      this.entries[this.head++] = undefined as never;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  private setMessage(entry: Entry, message: unknown): void {
    const recorded = recordJson(entry.method.input, message);
    entry.json = recorded.json;
    entry.truncated = recorded.truncated;
    entry.originalSize = recorded.originalSize;
    entry.size += recorded.json.length;
    if (!entry.counted) return; // dropped or Reset while its stream was starting
    this.bytes += recorded.json.length;
    this.trim();
  }

  /** Passes a request stream through, recording its first message (server-streaming calls have one). */
  private async *capture<M>(messages: AsyncIterable<M>, entry: Entry): AsyncGenerator<M> {
    for await (const message of messages) {
      if (entry.json === undefined) this.setMessage(entry, message);
      yield message;
    }
  }
}

function keptHeaders(header: Headers): Record<string, string> {
  const headers: Record<string, string> = {};
  header.forEach((value, key) => {
    if (KEPT_HEADERS.test(key)) headers[key] = value.length > STRING_LIMIT ? cut(value) : value;
  });
  return headers;
}

/**
 * The request as recorded JSON: long values cut, and the whole dropped if
 * still too long. `originalSize` (when truncated) is the UTF-8 size of the
 * uncut JSON, computed from the cut values' sizes (escapes inside them not
 * counted), without serializing the big values.
 */
export function recordJson(schema: DescMessage, message: unknown): { json: string; truncated: boolean; originalSize: bigint } {
  let value: JsonValue;
  try {
    value = toJson(schema, message as never);
  } catch {
    return { json: "", truncated: false, originalSize: 0n };
  }
  const state = { truncated: false, removedBytes: 0 };
  let json = JSON.stringify(capStrings(value, state));
  if (!state.truncated && json.length <= RECORD_LIMIT) return { json, truncated: false, originalSize: 0n };
  const originalSize = BigInt(Buffer.byteLength(json) + state.removedBytes);
  if (json.length > RECORD_LIMIT) json = "";
  return { json, truncated: true, originalSize };
}

function capStrings(value: JsonValue, state: { truncated: boolean; removedBytes: number }): JsonValue {
  if (typeof value === "string") {
    if (value.length <= STRING_LIMIT) return value;
    state.truncated = true;
    const short = cut(value);
    state.removedBytes += Buffer.byteLength(value) - Buffer.byteLength(short);
    return short;
  }
  if (Array.isArray(value)) return value.map((v) => capStrings(v, state));
  if (value !== null && typeof value === "object") {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) out[capStrings(k, state) as string] = capStrings(v, state);
    return out;
  }
  return value;
}

/** A prefix of `s` and its length, as a fresh string (a slice would keep all of `s` alive). */
function cut(s: string): string {
  return Buffer.from(`${s.slice(0, STRING_LIMIT)}…(truncated, ${s.length} characters)`).toString();
}

function toRecord(e: Entry, procedure: string): RecordedRequest {
  return create(RecordedRequestSchema, {
    method: procedure,
    requestJson: e.json ?? "",
    time: timestampFromDate(e.time),
    headers: { ...e.headers },
    code: e.code,
    truncated: e.truncated,
    originalSizeBytes: e.originalSize,
  });
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
