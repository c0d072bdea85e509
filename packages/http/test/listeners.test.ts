// Many concurrent calls must not pile listeners onto one server-wide
// AbortSignal (Node warns "Possible EventTarget memory leak detected. 11
// abort listeners added to [AbortSignal]" past 10): each call's shutdown
// hook is registered for that call only and removed when it ends.
import { EventEmitter } from "node:events";
import { createClient } from "@connectrpc/connect";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serve, type Server } from "../src/index.js";
import { EchoService, echoRoutes, newStats } from "./echo-service.js";
import { eventually, transports } from "./helpers.js";

const stats = newStats();
let server: Server;
const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);
beforeAll(async () => {
  process.on("warning", onWarning);
  server = await serve({ routes: echoRoutes(stats) });
});
afterAll(async () => {
  process.off("warning", onWarning);
  await server.close();
});

it("30 concurrent server streams and 30 concurrent unary calls cause no MaxListenersExceededWarning", async () => {
  for (const [, transport] of transports(server.url)) {
    const echo = createClient(EchoService, transport);
    const controllers = Array.from({ length: 30 }, () => new AbortController());
    const streams = controllers.map(async (controller) => {
      try {
        for await (const _ of echo.count({ text: "x", count: 0, delayMs: 20 }, { signal: controller.signal })) void _;
      } catch {
        // aborted below
      }
    });
    const unary = Array.from({ length: 30 }, () => echo.slow({ text: "y", delayMs: 200 }));
    await eventually(() => stats.openStreams >= 30, 20_000);
    await Promise.all(unary);
    for (const c of controllers) c.abort();
    await Promise.all(streams);
    await eventually(() => stats.openStreams === 0, 20_000);
  }
  await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
  expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning").map((w) => w.message)).toEqual([]);
}, 60_000);

it("Shutdown/linkCall: a released call leaves no hook and no listener behind", async () => {
  const { Shutdown, linkCall } = await import("../src/shutdown.js");
  const shutdown = new Shutdown();
  const request = new AbortController();
  const calls = Array.from({ length: 50 }, () => linkCall(request.signal, shutdown));
  expect(shutdown.size).toBe(50);
  for (const c of calls) c.release();
  expect(shutdown.size).toBe(0);
  expect(EventEmitter.getEventListeners(request.signal, "abort")).toHaveLength(0);
  const live = linkCall(new AbortController().signal, shutdown);
  shutdown.fire(new Error("bye"));
  expect(live.signal.aborted).toBe(true);
  expect(shutdown.size).toBe(0);
  expect(linkCall(new AbortController().signal, shutdown).signal.aborted).toBe(true);
});
