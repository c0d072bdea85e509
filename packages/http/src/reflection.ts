// gRPC server reflection (grpc.reflection.v1 and v1alpha ServerReflection) as
// an ordinary Connect service, built from the descriptors the generated code
// embeds: the files of the registered services and their dependencies.
import {
  create,
  fromBinary,
  toBinary,
  type DescEnum,
  type DescFile,
  type DescMessage,
  type DescService,
  type MessageInitShape,
} from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import { Code, type ConnectRouter } from "@connectrpc/connect";
import {
  ServerReflection,
  ServerReflectionRequestSchema,
  ServerReflectionResponseSchema,
  type ServerReflectionRequest,
  type ServerReflectionResponse,
} from "./gen/grpc/reflection/v1/reflection_pb.js";
import {
  ServerReflection as ServerReflectionAlpha,
  ServerReflectionRequestSchema as AlphaRequestSchema,
  ServerReflectionResponseSchema as AlphaResponseSchema,
} from "./gen/grpc/reflection/v1alpha/reflection_pb.js";

/** What reflection answers from: every file reachable from the services, by name and by symbol. */
class DescriptorIndex {
  readonly serviceNames: string[];
  private readonly files = new Map<string, DescFile>();
  private readonly symbols = new Map<string, DescFile>();
  /** extendee full name → extension number → file */
  private readonly extensions = new Map<string, Map<number, DescFile>>();

  constructor(services: readonly DescService[]) {
    this.serviceNames = [...new Set(services.map((s) => s.typeName))].sort();
    for (const s of services) this.addFile(s.file);
  }

  private addFile(file: DescFile): void {
    if (this.files.has(file.proto.name)) return;
    this.files.set(file.proto.name, file); // file.name has no ".proto"
    for (const dep of file.dependencies) this.addFile(dep);
    for (const s of file.services) {
      this.symbols.set(s.typeName, file);
      for (const m of s.methods) this.symbols.set(`${s.typeName}.${m.name}`, file);
    }
    const addMessage = (m: DescMessage) => {
      this.symbols.set(m.typeName, file);
      for (const f of m.fields) this.symbols.set(`${m.typeName}.${f.name}`, file);
      m.nestedMessages.forEach(addMessage);
      m.nestedEnums.forEach(addEnum);
      for (const e of m.nestedExtensions) this.addExtension(e.extendee.typeName, e.number, e.typeName, file);
    };
    const addEnum = (e: DescEnum) => {
      this.symbols.set(e.typeName, file);
    };
    file.messages.forEach(addMessage);
    file.enums.forEach(addEnum);
    for (const e of file.extensions) this.addExtension(e.extendee.typeName, e.number, e.typeName, file);
  }

  private addExtension(extendee: string, number: number, name: string, file: DescFile): void {
    this.symbols.set(name, file);
    let byNumber = this.extensions.get(extendee);
    if (!byNumber) this.extensions.set(extendee, (byNumber = new Map()));
    byNumber.set(number, file);
  }

  fileByName(name: string): DescFile | undefined {
    return this.files.get(name);
  }

  fileContainingSymbol(symbol: string): DescFile | undefined {
    return this.symbols.get(symbol.replace(/^\./, ""));
  }

  fileContainingExtension(extendee: string, number: number): DescFile | undefined {
    return this.extensions.get(extendee.replace(/^\./, ""))?.get(number);
  }

  /** Extension numbers of a message type; undefined when the type is unknown. */
  extensionNumbers(typeName: string): number[] | undefined {
    const name = typeName.replace(/^\./, "");
    if (!this.symbols.has(name)) return undefined;
    return [...(this.extensions.get(name)?.keys() ?? [])].sort((a, b) => a - b);
  }
}

/** The file and its transitive dependencies, serialized; the file first, each once. */
function fileWithDependencies(file: DescFile): Uint8Array[] {
  const seen = new Set<string>();
  const out: Uint8Array[] = [];
  const visit = (f: DescFile) => {
    if (seen.has(f.name)) return;
    seen.add(f.name);
    out.push(toBinary(FileDescriptorProtoSchema, f.proto));
    f.dependencies.forEach(visit);
  };
  visit(file);
  return out;
}

type Answer = MessageInitShape<typeof ServerReflectionResponseSchema>["messageResponse"];

function answer(index: DescriptorIndex, req: ServerReflectionRequest): ServerReflectionResponse {
  return create(ServerReflectionResponseSchema, { validHost: req.host, originalRequest: req, messageResponse: answerOf(index, req) });
}

function answerOf(index: DescriptorIndex, req: ServerReflectionRequest): Answer {
  const error = (errorCode: Code, errorMessage: string): Answer => ({ case: "errorResponse", value: { errorCode, errorMessage } });
  const quoted = (s: string) => JSON.stringify(s.slice(0, 256));
  const files = (file: DescFile | undefined, what: string): Answer =>
    file
      ? { case: "fileDescriptorResponse", value: { fileDescriptorProto: fileWithDependencies(file) } }
      : error(Code.NotFound, `${what} not found`);
  const r = req.messageRequest;
  switch (r.case) {
    case "listServices":
      return { case: "listServicesResponse", value: { service: index.serviceNames.map((name) => ({ name })) } };
    case "fileByFilename":
      return files(index.fileByName(r.value), `file ${quoted(r.value)}`);
    case "fileContainingSymbol":
      return files(index.fileContainingSymbol(r.value), `symbol ${quoted(r.value)}`);
    case "fileContainingExtension":
      return files(
        index.fileContainingExtension(r.value.containingType, r.value.extensionNumber),
        `extension ${r.value.extensionNumber} of ${quoted(r.value.containingType)}`,
      );
    case "allExtensionNumbersOfType": {
      const numbers = index.extensionNumbers(r.value);
      if (!numbers) return error(Code.NotFound, `type ${quoted(r.value)} not found`);
      return { case: "allExtensionNumbersResponse", value: { baseTypeName: r.value, extensionNumber: numbers } };
    }
    default:
      return error(Code.InvalidArgument, "empty reflection request");
  }
}

/**
 * Registers grpc.reflection.v1.ServerReflection and its v1alpha twin (the
 * same messages on the wire). `services` is read on the first request, so it
 * may list services registered after this call (reflection itself included).
 */
export function registerReflectionService(router: ConnectRouter, services: () => readonly DescService[]): void {
  let index: DescriptorIndex | undefined;
  const current = () => (index ??= new DescriptorIndex(services()));
  router.service(ServerReflection, {
    async *serverReflectionInfo(requests) {
      for await (const req of requests) yield answer(current(), req);
    },
  });
  router.service(ServerReflectionAlpha, {
    async *serverReflectionInfo(requests) {
      for await (const req of requests) {
        const v1 = fromBinary(ServerReflectionRequestSchema, toBinary(AlphaRequestSchema, req));
        yield fromBinary(AlphaResponseSchema, toBinary(ServerReflectionResponseSchema, answer(current(), v1)));
      }
    },
  });
}
