#!/usr/bin/env node
// Generates src/gen-lite: the openvcluster.v1 messages and services with
// every custom option removed, for the client entry points (browsers).
// Each generated file embeds its descriptor, and the option extensions
// (buf.validate rules, google.api annotations, operation_info) make every
// descriptor import buf/validate's and google/api's: most of a browser
// bundle. Wire format, JSON names and TypeScript types are unchanged, so the
// messages are interchangeable with src/gen's.
//
// Usage: generate-lite.mjs <buf image> <out dir>. It runs protoc-gen-es as a
// protoc plugin on the stripped descriptors (no buf config of its own).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { create, fromBinary, toBinary, toJson } from "@bufbuild/protobuf";
import { base64Decode } from "@bufbuild/protobuf/wire";
import {
  CodeGeneratorRequestSchema,
  CodeGeneratorResponseSchema,
  FileDescriptorProtoSchema,
  FileDescriptorSetSchema,
} from "@bufbuild/protobuf/wkt";

const [imagePath, outDir, plugin] = process.argv.slice(2);
// buf images are wire-compatible with FileDescriptorSet; with no registry,
// every option extension is decoded into $unknown.
const files = fromBinary(FileDescriptorSetSchema, readFileSync(imagePath)).file;

/**
 * Drops the extensions of every *Options message below `node`, keeping the
 * built-in options the runtime reads (map_entry, packed...), and options
 * left empty: every byte of a descriptor is in the bundle.
 */
function stripOptions(node) {
  if (Array.isArray(node)) return node.forEach(stripOptions);
  if (node === null || typeof node !== "object" || node instanceof Uint8Array) return;
  for (const [key, value] of Object.entries(node)) {
    if (key !== "options" || !value) stripOptions(value);
    else if (isEmptyOnceStripped(value)) delete node[key];
  }
}

function isEmptyOnceStripped(options) {
  delete options.$unknown;
  return Object.entries(options).every(([k, v]) => k === "$typeName" || (Array.isArray(v) && v.length === 0));
}

// The only buf.validate type a client needs: the Violations detail of an
// INVALID_ARGUMENT error (errors.ts). validate.proto is cut down to it.
const VALIDATE_FILE = "buf/validate/validate.proto";
const VALIDATE_KEEP = new Set(["Violations", "Violation", "FieldPath", "FieldPathElement"]);

/**
 * Drops what only the compiler reads: reserved ranges and names, and
 * `label: LABEL_OPTIONAL`, the field's default (so decoded unchanged).
 */
function stripCompilerOnly(message) {
  message.reservedRange = [];
  message.reservedName = [];
  for (const f of message.field) if (f.label === 1) delete f.label;
  message.nestedType.forEach(stripCompilerOnly);
}

for (const file of files) {
  // go_package and the like: nothing a TypeScript runtime reads.
  delete file.options;
  stripOptions(file);
  file.messageType.forEach(stripCompilerOnly);
  if (file.name === VALIDATE_FILE) {
    file.messageType = file.messageType.filter((m) => VALIDATE_KEEP.has(m.name));
    file.enumType = [];
    file.extension = [];
  }
}

/** The files whose types `file` refers to (fields, methods): its imports once the option imports are gone. */
function usedFiles(file) {
  const typeNames = [];
  const walk = (m) => {
    for (const f of m.field) if (f.typeName) typeNames.push(f.typeName);
    m.nestedType.forEach(walk);
  };
  file.messageType.forEach(walk);
  for (const s of file.service) for (const m of s.method) typeNames.push(m.inputType, m.outputType);
  for (const e of file.extension) typeNames.push(e.typeName, e.extendee);
  const owners = new Set();
  for (const t of typeNames.filter(Boolean)) {
    const owner = files.find((f) => f !== file && definesType(f, t.slice(1)));
    if (owner) owners.add(owner.name);
  }
  return owners;
}

function definesType(file, fullName) {
  const prefix = file.package ? `${file.package}.` : "";
  if (!fullName.startsWith(prefix)) return false;
  const names = (list, p) => list.flatMap((m) => [`${p}${m.name}`, ...names(m.nestedType ?? [], `${p}${m.name}.`), ...(m.enumType ?? []).map((e) => `${p}${m.name}.${e.name}`)]);
  return [...names(file.messageType, prefix), ...file.enumType.map((e) => `${prefix}${e.name}`)].includes(fullName);
}

for (const file of files) {
  const used = usedFiles(file);
  file.dependency = file.dependency.filter((d) => used.has(d));
  file.publicDependency = [];
  file.weakDependency = [];
}

const generate = files.filter((f) => f.name.startsWith("openvcluster/v1/") || f.name === VALIDATE_FILE).map((f) => f.name);
const request = create(CodeGeneratorRequestSchema, {
  fileToGenerate: generate,
  parameter: "target=ts,import_extension=js",
  protoFile: files,
  sourceFileDescriptors: files.filter((f) => generate.includes(f.name)),
});
const response = fromBinary(
  CodeGeneratorResponseSchema,
  execFileSync(plugin, { input: toBinary(CodeGeneratorRequestSchema, request), maxBuffer: 64 << 20 }),
);
if (response.error) throw new Error(`protoc-gen-es: ${response.error}`);
// The hydration helper, src/lite-file-desc.ts: one level above the output.
const HELPER = join(outDir, "..", "lite-file-desc.js");

/** `fileDesc("<base64>", ...)` -> `fileDescJson(<the same descriptor as JSON>, ...)`. */
function descriptorsAsJson(path, content) {
  const helper = relative(dirname(path), HELPER);
  const out = content
    .replace(/\bfileDesc\("([A-Za-z0-9+/=]*)"/g, (_, b64) => {
      const json = toJson(FileDescriptorProtoSchema, fromBinary(FileDescriptorProtoSchema, base64Decode(b64)));
      return `fileDescJson(${JSON.stringify(json)}`;
    })
    .replace(/^import \{ (.*)\bfileDesc, (.*)\} from "@bufbuild\/protobuf\/codegenv2";$/m, `import { $1$2} from "@bufbuild/protobuf/codegenv2";\nimport { fileDescJson } from "${helper}";`);
  if (out.includes("fileDesc(")) throw new Error(`${path}: a fileDesc call was not rewritten`);
  return out;
}

for (const out of response.file) {
  const path = join(outDir, out.name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, descriptorsAsJson(path, out.content));
}
