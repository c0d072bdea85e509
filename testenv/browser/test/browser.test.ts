/**
 * The TypeScript SDK in a real browser: Debian's Chromium, driven by
 * playwright-core, loads src/app.ts (bundled by esbuild) from one origin and
 * calls ovc-mock on another, over @connectrpc/connect-web: Connect (POST,
 * GET, server streaming over fetch) and gRPC-Web. CORS is really exercised:
 * the page and the mock are on different ports.
 *
 * Chromium comes from `make browser-deps` (mk/browser.mk); no browser is
 * ever downloaded by a test tool.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { startMockServer, type MockServer } from "@open-vcluster/mock-server";
import type { BrowserResults } from "../src/results.js";
import { startPageServer, type PageServer } from "./page-server.js";

const CHROMIUM = process.env["OVC_CHROMIUM"] ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const PARENT = "projects/browser";

interface SeenRequest { method: string; path: string; query: string; contentType: string }
interface SeenResponse { method: string; path: string; status: number; allowOrigin: string }

let mock: MockServer | undefined;
let pages: PageServer | undefined;
let profile: string | undefined;
let context: BrowserContext | undefined;
let page: Page | undefined;
const browserLog: string[] = [];
const requests: SeenRequest[] = [];
const responses: SeenResponse[] = [];
let results: BrowserResults;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`make browser-deps\` (mk/browser.mk) first`);
  }
  // A little latency, so that CreateVCluster returns an operation that is not done yet.
  mock = await startMockServer({ port: 0, latencyMs: 150 });
  pages = await startPageServer();
  profile = await mkdtemp(join(tmpdir(), "ovc-chromium-profile-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => browserLog.push(`${m.type()}: ${m.text()} (${m.location().url})`));
  page.on("pageerror", (e) => browserLog.push(`pageerror: ${e.message}`));
  const mockOrigin = new URL(mock.url).origin;
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.origin !== mockOrigin) return;
    requests.push({ method: r.method(), path: u.pathname, query: u.search, contentType: r.headers()["content-type"] ?? "" });
  });
  page.on("response", (r) => {
    const u = new URL(r.url());
    if (u.origin !== mockOrigin) return;
    responses.push({ method: r.request().method(), path: u.pathname, status: r.status(), allowOrigin: r.headers()["access-control-allow-origin"] ?? "" });
  });

  try {
    await page.goto(`${pages.url}/?mock=${encodeURIComponent(mock.url)}`, { timeout: 15_000 });
    await page.waitForFunction(() => window.__results !== undefined, undefined, { timeout: 45_000, polling: 50 });
  } catch (err) {
    await reportFailure("setup");
    throw err;
  }
  results = (await page.evaluate(() => window.__results)) as BrowserResults;
}, 90_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await pages?.close();
  await mock?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
}, 30_000);

/** A screenshot of the page and its console, only when something failed. */
async function reportFailure(name: string): Promise<void> {
  const path = join(tmpdir(), `ovc-browser-${name}-${Date.now()}.png`);
  const shot = await page?.screenshot({ path, fullPage: true }).then(() => path, () => "(none)");
  process.stderr.write(`browser test failed; screenshot: ${shot}\nbrowser console:\n${browserLog.join("\n")}\n`);
}

function saveScreenshotOnFailure(name: string): void {
  onTestFailed(() => reportFailure(name));
}

describe("the SDK in Chromium against ovc-mock (another origin)", () => {
  it("ran in Chromium, from an origin other than the mock's", () => {
    saveScreenshotOnFailure("run");
    expect(results.failure, `the page failed; console:\n${browserLog.join("\n")}`).toBeUndefined();
    expect(results.ok).toBe(true);
    expect(results.userAgent).toMatch(/Chrome\/\d+/);
    expect(results.origin).toBe(pages!.url);
    expect(new URL(results.mockUrl).origin).not.toBe(results.origin);
    // Chromium logs every HTTP error status; the only one is the Connect INVALID_ARGUMENT (400).
    const errors = browserLog.filter((l) => l.startsWith("pageerror") || l.startsWith("error"));
    expect(errors).toEqual([expect.stringMatching(/status of 400 .*\/openvcluster\.v1\.VClusterService\/CreateVCluster\)$/)]);
  }, 60_000);

  for (const [key, id, contentType] of [
    ["connect", "connect", "application/json"],
    ["grpcWeb", "grpc-web", "application/grpc-web+proto"],
  ] as const) {
    it(`${key}: create → WaitOperation → Get (RUNNING) → List with a filter → INVALID_ARGUMENT`, async () => {
      saveScreenshotOnFailure(key);
      const r = results[key];
      expect(r, results.failure).toBeDefined();
      const name = `${PARENT}/vclusters/${id}`;

      expect(r!.created.name).toMatch(/^projects\/browser\/operations\/[a-z0-9][-a-z0-9]*$/);
      expect(r!.created.done).toBe(false);
      expect(r!.created.target).toBe(name);

      expect(r!.waited).toMatchObject({ done: true, state: "SUCCEEDED", resultCase: "response" });
      expect(r!.waited.vcluster).toMatchObject({ name, phase: "RUNNING" });

      expect(r!.got).toMatchObject({ name, phase: "RUNNING", displayName: `Browser ${id}`, labels: { env: id, transport: id } });
      expect(r!.got.etag).not.toBe("");

      // Only this transport's vcluster carries its env label.
      expect(r!.list).toEqual({ filter: `labels.env = "${id}"`, names: [name], totalSize: 1 });

      expect(r!.error).not.toBeNull();
      expect(r!.error!.code).toBe("InvalidArgument");
      expect(r!.error!.codeNumber).toBe(3);
      expect(r!.error!.rawMessage).toMatch(/^invalid CreateVClusterRequest: vcluster_id: does not match regex pattern/);
      expect(r!.error!.message).toBe(`[invalid_argument] ${r!.error!.rawMessage}`);
      // The field violations reach the browser too (Connect: in the JSON body; gRPC-Web: in the trailers).
      expect(r!.error!.detailTypes).toEqual(["buf.validate.Violations"]);

      // What went over the wire, as Chromium saw it: POSTs of this protocol's content type, CORS allowed.
      const create = requests.filter((q) => q.path === "/openvcluster.v1.VClusterService/CreateVCluster" && q.contentType === contentType);
      expect(create.map((q) => q.method)).toEqual(["POST", "POST"]);
      // And as the mock saw it: the bad request answered with INVALID_ARGUMENT, sent by Chromium.
      const recorded = (await mock!.control.listRecordedRequests({ method: "openvcluster.v1.VClusterService/CreateVCluster" })).requests
        .filter((q) => q.headers["content-type"] === contentType);
      expect(recorded.map((q) => q.code)).toEqual([0, 3]);
      expect(recorded.every((q) => /Chrome\/\d+/.test(q.headers["user-agent"] ?? ""))).toBe(true);
      expect(JSON.parse(recorded[1]!.requestJson)).toMatchObject({ vclusterId: "Not_A_DNS_Label" });
    }, 60_000);
  }

  it("GetVCluster as a Connect GET (NO_SIDE_EFFECTS)", () => {
    saveScreenshotOnFailure("get");
    expect(results.connectGet).toMatchObject({ name: `${PARENT}/vclusters/connect`, phase: "RUNNING" });
    expect(results.connectGet!.etag).toBe(results.connect!.got.etag);
    const gets = requests.filter((q) => q.method === "GET" && q.path === "/openvcluster.v1.VClusterService/GetVCluster");
    expect(gets).toHaveLength(1);
    const query = new URLSearchParams(gets[0]!.query);
    expect(query.get("connect")).toBe("v1");
    expect(query.get("encoding")).toBe("json");
    expect(JSON.parse(query.get("message") ?? "{}")).toEqual({ name: `${PARENT}/vclusters/connect` });
    expect(responses.find((s) => s.method === "GET" && s.path === gets[0]!.path)).toMatchObject({ status: 200, allowOrigin: pages!.url });
  }, 60_000);

  it("WatchVClusters streams ADDED, SYNCED, then MODIFIED after a label update", () => {
    saveScreenshotOnFailure("watch");
    const w = results.watch;
    expect(w, results.failure).toBeDefined();
    const name = `${PARENT}/vclusters/connect`;
    expect(w!.filter).toBe(`labels.env = "connect"`);
    // Initial state: the one matching vcluster, then SYNCED.
    expect(w!.events.slice(0, 2).map((e) => [e.type, e.name])).toEqual([["ADDED", name], ["SYNCED", ""]]);
    expect(w!.events[0]).toMatchObject({ phase: "RUNNING", labels: { env: "connect" } });
    // Then the update, seen while the stream stays open.
    const after = w!.events.slice(2);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((e) => e.type === "MODIFIED" && e.name === name)).toBe(true);
    expect(after.at(-1)!.labels).toEqual({ env: "connect", transport: "connect", tier: "web" });
    expect(w!.update.name).toMatch(/^projects\/browser\/operations\//);
    // Every event carries a version to resume from: the initial state one
    // version (that of the snapshot it shows), each later change a new one.
    const versions = w!.events.map((e) => e.version);
    expect(versions.every((v) => v !== "")).toBe(true);
    expect(versions[0]).toBe(versions[1]);
    expect(new Set(versions.slice(1)).size).toBe(versions.length - 1);
    // The page cancelled the stream itself.
    expect(w!.endCode).toBe("Canceled");
    const watch = requests.filter((q) => q.path === "/openvcluster.v1.VClusterService/WatchVClusters");
    expect(watch).toEqual([expect.objectContaining({ method: "POST", contentType: "application/connect+json" })]);
    expect(responses.find((s) => s.path === watch[0]!.path)).toMatchObject({ status: 200, allowOrigin: pages!.url });
  }, 60_000);
});
