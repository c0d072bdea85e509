/**
 * protobuf-es's fileDesc for src/gen-lite, with the descriptor as JSON
 * instead of base64 (scripts/generate-lite.mjs rewrites the calls). Gzip
 * finds the names repeated across a descriptor (`.openvcluster.v1.…`) in
 * JSON but hardly in base64, and the descriptors are most of a browser
 * bundle. It re-encodes the bytes and hands them to fileDesc itself, so the
 * hydration stays protobuf-es's; fromJson and toBinary are in every bundle
 * anyway (the Connect protocol's JSON and binary codecs).
 */
import { fromJson, toBinary, type JsonValue } from "@bufbuild/protobuf";
import { fileDesc, type GenFile } from "@bufbuild/protobuf/codegenv2";
import { base64Encode } from "@bufbuild/protobuf/wire";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";

export function fileDescJson(json: JsonValue, imports?: GenFile[]): GenFile {
  return fileDesc(base64Encode(toBinary(FileDescriptorProtoSchema, fromJson(FileDescriptorProtoSchema, json))), imports);
}
