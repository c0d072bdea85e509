/**
 * `ovc-mock --seed <file>`: a SeedFile message (openvcluster.mock.v1) in
 * JSON or YAML with protobuf JSON field names, e.g.
 *
 * ```yaml
 * vclusters:
 *   - name: projects/demo/vclusters/dev
 *     labels: { env: dev }
 *     status: { phase: PHASE_SUSPENDED }
 * ```
 */
import { readFile } from "node:fs/promises";
import { fromJson, type JsonValue } from "@bufbuild/protobuf";
import { SeedFileSchema, type SeedFile } from "@open-vcluster/sdk/mock";
import { parse as parseYaml } from "yaml";

export async function readSeedFile(path: string): Promise<SeedFile> {
  const text = await readFile(path, "utf8");
  return parseSeed(text, path);
}

export function parseSeed(text: string, source = "seed"): SeedFile {
  let data: unknown;
  try {
    data = /\.json$/i.test(source) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new Error(`${source}: not valid ${/\.json$/i.test(source) ? "JSON" : "YAML"}: ${(err as Error).message}`);
  }
  try {
    return fromJson(SeedFileSchema, (data ?? {}) as JsonValue);
  } catch (err) {
    throw new Error(`${source}: not a SeedFile (openvcluster.mock.v1.SeedFile): ${(err as Error).message}`);
  }
}
