/**
 * Checks the flags of the length-prefixed messages (envelopes) a client sends
 * in a gRPC, gRPC-Web or Connect streaming request body. A client may only
 * set 0x00 (uncompressed) or 0x01 (compressed, when the request declares an
 * encoding: `grpc-encoding` / `connect-content-encoding` other than
 * identity). Anything else is the client's protocol error, INVALID_ARGUMENT
 * (connect-es would answer INTERNAL, or take undefined bits for nothing).
 * An encoding the server does not support is left to connect-es
 * (UNIMPLEMENTED).
 */
import { Code, ConnectError } from "@connectrpc/connect";

const COMPRESSED = 0x01;

/** The request encoding header of an enveloped protocol, or undefined when the body is not enveloped. */
function encodingHeader(contentType: string): string | undefined {
  if (/^application\/grpc(-web(-text)?)?([+;]|$)/i.test(contentType)) return "grpc-encoding";
  if (/^application\/connect\+/i.test(contentType)) return "connect-content-encoding";
  return undefined;
}

/** True when requests with this content type carry envelopes (and are checked). */
export function isEnveloped(contentType: string): boolean {
  return encodingHeader(contentType) !== undefined && !/^application\/grpc-web-text/i.test(contentType);
}

/** Passes `body` through, failing with INVALID_ARGUMENT at the first envelope with flags a client may not send. */
export function checkEnvelopes(body: AsyncIterable<Uint8Array>, contentType: string, header: Headers): AsyncIterable<Uint8Array> {
  const name = encodingHeader(contentType) ?? "grpc-encoding";
  const encoding = (header.get(name) ?? "").trim().toLowerCase();
  const compressedOk = encoding !== "" && encoding !== "identity";
  return (async function* () {
    const head = new Uint8Array(5);
    let headLength = 0;
    let payloadLeft = 0;
    for await (const chunk of body) {
      for (let i = 0; i < chunk.byteLength; ) {
        if (payloadLeft > 0) {
          const n = Math.min(payloadLeft, chunk.byteLength - i);
          payloadLeft -= n;
          i += n;
          continue;
        }
        head[headLength++] = chunk[i++]!;
        if (headLength < 5) continue;
        headLength = 0;
        checkFlags(head[0]!, compressedOk, name);
        payloadLeft = new DataView(head.buffer).getUint32(1);
      }
      yield chunk;
    }
  })();
}

function checkFlags(flags: number, compressedOk: boolean, name: string): void {
  const hex = `0x${flags.toString(16).padStart(2, "0")}`;
  if ((flags & ~COMPRESSED) !== 0) {
    throw new ConnectError(
      `protocol error: request message flags ${hex}: a client may only send 0x00 (uncompressed) or 0x01 (compressed)`,
      Code.InvalidArgument,
    );
  }
  if (flags === COMPRESSED && !compressedOk) {
    throw new ConnectError(
      `protocol error: request message has the compressed flag (${hex}) but the request declares no ${name}`,
      Code.InvalidArgument,
    );
  }
}
