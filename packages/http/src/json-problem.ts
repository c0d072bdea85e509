/**
 * Where a JSON request is wrong, as a field path. protobuf-es reports an
 * unknown enum name by its enum type only ("cannot decode enum
 * openvcluster.v1.Exposure.Type from JSON"), which does not tell a user which
 * of their fields is misspelt; this walks the same JSON against the request's
 * schema and names the first unknown field or enum value by its path
 * (`vcluster.spec.exposure.type`), the way validation errors do.
 */
import type { DescEnum, DescField, DescMessage } from "@bufbuild/protobuf";
import type { UniversalServerResponse } from "@connectrpc/connect/protocol";

/** The first problem in `json` as a request of `schema`, or undefined when none is found. */
export function findJsonProblem(schema: DescMessage, json: unknown): string | undefined {
  return inMessage(schema, json, "");
}

function inMessage(schema: DescMessage, json: unknown, path: string): string | undefined {
  // Well-known types have JSON forms of their own (strings, numbers, any value).
  if (schema.typeName.startsWith("google.protobuf.")) return undefined;
  if (json === null || typeof json !== "object" || Array.isArray(json)) return undefined;
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const field = schema.fields.find((f) => f.jsonName === key || f.name === key);
    const here = path ? `${path}.${key}` : key;
    if (!field) return `${here}: unknown field (${schema.typeName} has no field "${key}")`;
    if (value === null) continue;
    const problem = inField(field, value, here);
    if (problem) return problem;
  }
  return undefined;
}

function inField(field: DescField, value: unknown, path: string): string | undefined {
  switch (field.fieldKind) {
    case "enum":
      return inEnum(field.enum, value, path);
    case "message":
      return inMessage(field.message, value, path);
    case "list":
      if (!Array.isArray(value)) return undefined;
      for (const [i, item] of value.entries()) {
        const problem =
          field.listKind === "enum" ? inEnum(field.enum, item, `${path}[${i}]`)
          : field.listKind === "message" ? inMessage(field.message, item, `${path}[${i}]`)
          : undefined;
        if (problem) return problem;
      }
      return undefined;
    case "map":
      if (value === null || typeof value !== "object") return undefined;
      for (const [k, item] of Object.entries(value as Record<string, unknown>)) {
        const at = `${path}[${JSON.stringify(k)}]`;
        const problem =
          field.mapKind === "enum" ? inEnum(field.enum, item, at)
          : field.mapKind === "message" ? inMessage(field.message, item, at)
          : undefined;
        if (problem) return problem;
      }
      return undefined;
    default:
      return undefined;
  }
}

function inEnum(desc: DescEnum, value: unknown, path: string): string | undefined {
  if (typeof value !== "string" || desc.values.some((v) => v.name === value)) return undefined;
  const names = desc.values.map((v) => v.name).join(", ");
  const shown = value.length > 64 ? `${JSON.stringify(value.slice(0, 64))}… (${value.length} characters)` : JSON.stringify(value);
  return `${path}: unknown value ${shown} of enum ${desc.typeName} (one of ${names})`;
}

const enc = new TextEncoder();
const dec = new TextDecoder();
/** Requests larger than this are not kept for explaining (they are rare and the size limit answers them). */
const KEEP_LIMIT = 1 << 20;

/**
 * Keeps a copy of a Connect unary JSON request body as it is read, so that a
 * decode error in the response can name the field (see `explainJsonProblem`).
 */
export function keepBody(body: AsyncIterable<Uint8Array>): { body: AsyncIterable<Uint8Array>; text(): string | undefined } {
  const chunks: Uint8Array[] = [];
  let size = 0;
  return {
    body: (async function* () {
      for await (const chunk of body) {
        size += chunk.byteLength;
        if (size <= KEEP_LIMIT) chunks.push(chunk);
        yield chunk;
      }
    })(),
    text: () => (size > 0 && size <= KEEP_LIMIT ? dec.decode(Buffer.concat(chunks)) : undefined),
  };
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
}

/**
 * Rewrites the message of a Connect unary `invalid_argument` that protobuf-es
 * gave for undecodable JSON ("cannot decode ...") to name the field path, when
 * the kept request shows it. Every other response passes through untouched.
 */
export function explainJsonProblem(
  uRes: UniversalServerResponse,
  schema: DescMessage,
  requestText: () => string | undefined,
): UniversalServerResponse {
  const body = uRes.body;
  if (uRes.status !== 400 || body === undefined) return uRes;
  const res: UniversalServerResponse = { ...uRes };
  res.body = (async function* () {
    const chunks: Uint8Array[] = [];
    for await (const c of body) chunks.push(c);
    const bytes = Buffer.concat(chunks);
    try {
      const err = JSON.parse(dec.decode(bytes)) as ErrorBody;
      const text = requestText();
      if (err.code === "invalid_argument" && typeof err.message === "string" && err.message.startsWith("cannot decode") && text) {
        const problem = findJsonProblem(schema, JSON.parse(text));
        if (problem) {
          err.message = problem;
          const fixed = enc.encode(JSON.stringify(err));
          res.header?.set("content-length", String(fixed.byteLength));
          yield fixed;
          return;
        }
      }
    } catch {
      // not JSON on either side: pass it through
    }
    yield new Uint8Array(bytes);
  })();
  return res;
}
