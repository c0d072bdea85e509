/**
 * The README's TypeScript blocks are test/snippets/*.ts, character for
 * character (so tsc type-checks them with the tests), and each one runs
 * against a real ovc-mock reached through OVC_ENDPOINT.
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockProcess, type ServerProcess } from "./helpers/mock-process.js";

const dir = new URL("./snippets/", import.meta.url);
const SNIPPETS = readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

describe("README snippets", { timeout: 60_000 }, () => {
  let proc: ServerProcess;
  beforeAll(async () => {
    proc = await startMockProcess();
    process.env["OVC_ENDPOINT"] = proc.url;
  }, 60_000);
  afterAll(async () => {
    delete process.env["OVC_ENDPOINT"];
    await proc.stop();
  });

  it("the README's ts blocks are exactly the snippet files", () => {
    expect(blocks.sort()).toEqual(SNIPPETS.map((f) => readFileSync(new URL(f, dir), "utf8")).sort());
  });

  it.each(SNIPPETS)("%s runs", async (file) => {
    await expect(import(`./snippets/${file}`)).resolves.toBeDefined();
  });
});
