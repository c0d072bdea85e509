// connect-es reports a request that is not valid protobuf binary as
// `internal` ("parse binary: ..."), the code it also uses for real server bugs,
// while malformed JSON already gets `invalid_argument`. The API's convention
// (AIP-193) keeps `internal` for bugs, so this rewrites that one error to
// `invalid_argument` (HTTP 400 for Connect unary) in whichever protocol the
// response is in. Every other response passes through untouched.
import type { UniversalServerResponse } from "@connectrpc/connect/protocol";

const PREFIX = "parse binary:";
const GRPC_INTERNAL = "13";
const GRPC_INVALID_ARGUMENT = "3";
const TRAILER_FLAG = 0x80; // gRPC-Web trailer frame
const END_STREAM_FLAG = 0x02; // Connect streaming end-of-stream frame
const enc = new TextEncoder();
const dec = new TextDecoder();

export function rewriteParseErrors(uRes: UniversalServerResponse): UniversalServerResponse {
  const contentType = (uRes.header?.get("content-type") ?? "").toLowerCase();
  const body = uRes.body;
  if (contentType.startsWith("application/grpc-web")) {
    if (uRes.header) fixGrpcHeaders(uRes.header);
    return body ? { ...uRes, body: mapLastFrame(body, TRAILER_FLAG, fixGrpcWebTrailer) } : uRes;
  }
  if (contentType.startsWith("application/grpc")) {
    if (uRes.header) fixGrpcHeaders(uRes.header);
    const trailer = uRes.trailer;
    if (!trailer) return uRes;
    if (!body) {
      fixGrpcHeaders(trailer);
      return uRes;
    }
    return { ...uRes, body: onDone(body, () => fixGrpcHeaders(trailer)) };
  }
  if (contentType.startsWith("application/connect+")) {
    return body ? { ...uRes, body: mapLastFrame(body, END_STREAM_FLAG, fixConnectEndStream) } : uRes;
  }
  if (uRes.status === 500 && contentType.startsWith("application/json") && body) {
    return fixConnectUnary(uRes, body);
  }
  return uRes;
}

function isParseError(code: unknown, message: unknown): boolean {
  return typeof message === "string" && message.startsWith(PREFIX) && (code === "internal" || code === GRPC_INTERNAL);
}

function fixGrpcHeaders(h: Headers): void {
  const message = decodeURIComponentSafe(h.get("grpc-message") ?? "");
  if (isParseError(h.get("grpc-status"), message)) h.set("grpc-status", GRPC_INVALID_ARGUMENT);
}

async function* onDone(body: AsyncIterable<Uint8Array>, done: () => void): AsyncIterable<Uint8Array> {
  yield* body;
  done();
}

/** Passes chunks through; a chunk that is one whole frame with `flag` set is given to `fix`. */
async function* mapLastFrame(
  body: AsyncIterable<Uint8Array>,
  flag: number,
  fix: (payload: Uint8Array) => Uint8Array | undefined,
): AsyncIterable<Uint8Array> {
  for await (const chunk of body) {
    if (chunk.byteLength >= 5 && chunk[0] === flag) {
      const length = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength).getUint32(1);
      if (length === chunk.byteLength - 5) {
        const fixed = fix(chunk.subarray(5));
        if (fixed) {
          yield frame(flag, fixed);
          continue;
        }
      }
    }
    yield chunk;
  }
}

function frame(flag: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + payload.byteLength);
  out[0] = flag;
  new DataView(out.buffer).setUint32(1, payload.byteLength);
  out.set(payload, 5);
  return out;
}

function fixGrpcWebTrailer(payload: Uint8Array): Uint8Array | undefined {
  const lines = dec.decode(payload).split("\r\n");
  let status: string | undefined;
  let message = "";
  for (const line of lines) {
    const i = line.indexOf(":");
    if (i < 0) continue;
    const key = line.slice(0, i).trim().toLowerCase();
    const value = line.slice(i + 1).trim();
    if (key === "grpc-status") status = value;
    if (key === "grpc-message") message = decodeURIComponentSafe(value);
  }
  if (!isParseError(status, message)) return undefined;
  return enc.encode(
    lines.map((line) => (/^grpc-status\s*:/i.test(line) ? `grpc-status: ${GRPC_INVALID_ARGUMENT}` : line)).join("\r\n"),
  );
}

function fixConnectEndStream(payload: Uint8Array): Uint8Array | undefined {
  try {
    const end = JSON.parse(dec.decode(payload)) as { error?: { code?: unknown; message?: unknown } };
    if (!end.error || !isParseError(end.error.code, end.error.message)) return undefined;
    end.error.code = "invalid_argument";
    return enc.encode(JSON.stringify(end));
  } catch {
    return undefined;
  }
}

function fixConnectUnary(uRes: UniversalServerResponse, body: AsyncIterable<Uint8Array>): UniversalServerResponse {
  const res: UniversalServerResponse = { ...uRes };
  // A unary error body is one small JSON document. universalResponseToNodeResponse
  // reads the first chunk before it writes the head, so the status can still
  // change here.
  res.body = (async function* () {
    const chunks: Uint8Array[] = [];
    for await (const c of body) chunks.push(c);
    const bytes = concat(chunks);
    try {
      const err = JSON.parse(dec.decode(bytes)) as { code?: unknown; message?: unknown };
      if (isParseError(err.code, err.message)) {
        err.code = "invalid_argument";
        const fixed = enc.encode(JSON.stringify(err));
        res.status = 400;
        res.header?.set("content-length", String(fixed.byteLength));
        yield fixed;
        return;
      }
    } catch {
      // not JSON: pass it through
    }
    yield bytes;
  })();
  return res;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
