/**
 * gen-lite (the client's and `@open-vcluster/sdk/web`'s messages) must be
 * interchangeable with gen (`@open-vcluster/sdk`'s): the same exports, the
 * same fields, enums and methods, the same wire and JSON encoding, and
 * TypeScript types each side accepts from the other.
 */
import { describe, expect, it } from "vitest";
import {
  create,
  createRegistry,
  fromBinary,
  fromJson,
  toBinary,
  toJson,
  type DescEnum,
  type DescField,
  type DescMessage,
  type DescService,
  type Registry,
} from "@bufbuild/protobuf";
import * as full from "../src/messages.js";
import * as lite from "../src/messages-lite.js";
import { createOpenVClusterClient } from "../src/web.js";

const isDesc = (v: unknown): v is DescMessage | DescEnum | DescService =>
  typeof v === "object" && v !== null && "kind" in v && ["message", "enum", "service"].includes((v as { kind: string }).kind);

function registryOf(mod: Record<string, unknown>): Registry {
  return createRegistry(...Object.values(mod).filter(isDesc));
}

const fieldShape = (f: DescField) => ({
  name: f.name,
  number: f.number,
  jsonName: f.jsonName,
  kind: f.fieldKind,
  scalar: "scalar" in f ? f.scalar : undefined,
  message: "message" in f ? f.message?.typeName : undefined,
  enum: "enum" in f ? f.enum?.typeName : undefined,
  oneof: f.oneof?.name,
  packed: f.fieldKind === "list" ? f.packed : undefined,
  presence: f.presence,
});

describe("gen-lite", () => {
  const fullTypes = registryOf(full);
  const liteTypes = registryOf(lite);

  it("exports the same names as gen", () => {
    expect(Object.keys(lite).sort()).toEqual(Object.keys(full).sort());
  });

  it("describes every message, enum and service as gen does", () => {
    let messages = 0;
    for (const type of fullTypes) {
      const other = type.kind === "message" ? liteTypes.getMessage(type.typeName) : type.kind === "enum" ? liteTypes.getEnum(type.typeName) : type.kind === "service" ? liteTypes.getService(type.typeName) : undefined;
      expect(other, type.typeName).toBeDefined();
      if (type.kind === "message" && other?.kind === "message") {
        messages++;
        expect(other.fields.map(fieldShape), type.typeName).toEqual(type.fields.map(fieldShape));
      } else if (type.kind === "enum" && other?.kind === "enum") {
        expect(other.values.map((v) => [v.name, v.number])).toEqual(type.values.map((v) => [v.name, v.number]));
      } else if (type.kind === "service" && other?.kind === "service") {
        const shape = (s: DescService) => s.methods.map((m) => [m.name, m.methodKind, m.input.typeName, m.output.typeName, m.idempotency]);
        expect(shape(other)).toEqual(shape(type));
      }
    }
    expect(messages).toBeGreaterThan(40);
  });

  it("carries none of the option extensions (what keeps the browser bundle small)", () => {
    const request = lite.VClusterService.method.createVCluster.input;
    expect(request.field["vclusterId"]?.proto.options).toBeUndefined();
    expect(full.VClusterService.method.createVCluster.input.field["vclusterId"]?.proto.options).toBeDefined();
    expect(lite.file_openvcluster_v1_vcluster_service.proto.dependency).not.toContain("buf/validate/validate.proto");
  });

  it("encodes and decodes gen's messages byte for byte", () => {
    const vc = create(full.VClusterSchema, {
      name: "projects/p/vclusters/v",
      labels: { env: "dev" },
      spec: { controlPlane: { replicas: 3 } },
    });
    const bytes = toBinary(full.VClusterSchema, vc);
    expect(toBinary(lite.VClusterSchema, vc)).toEqual(bytes);
    const back = fromBinary(lite.VClusterSchema, bytes);
    expect(toBinary(full.VClusterSchema, back)).toEqual(bytes);
    expect(toJson(lite.VClusterSchema, vc)).toEqual(toJson(full.VClusterSchema, vc));
    expect(fromJson(lite.VClusterSchema, toJson(full.VClusterSchema, vc))).toEqual(back);
  });

  it("has types each side accepts from the other (checked by tsc)", () => {
    const fromFull: lite.VCluster = create(full.VClusterSchema, { name: "a" });
    const fromLite: full.VCluster = create(lite.VClusterSchema, { name: "b" });
    const client = createOpenVClusterClient({ endpoint: "http://127.0.0.1:1" });
    // The web client takes gen's messages and its results are gen's types.
    const call: Promise<full.VCluster> = client.getVCluster(create(full.GetVClusterRequestSchema, { name: "a" }));
    call.catch(() => undefined);
    const update = (vc: full.VCluster) => client.updateVCluster({ vcluster: vc });
    expect([fromFull.name, fromLite.name, typeof update]).toEqual(["a", "b", "function"]);
  });
});
