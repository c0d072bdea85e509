// RSS of an ovc-mock (or ovc-server) process before and after N invalid 3.9 MB
// CreateVCluster requests (Connect JSON, a 3.9 MB display_name; 4 at a time),
// then ListRecordedRequests and Reset (issue 14).
// usage: node bench/mock-big-requests.mjs packages/mock-server/dist/bin/ovc-mock.mjs [N=1500]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
const [bin, n = "1500"] = process.argv.slice(2);
const child = spawn(process.execPath, [bin, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve) => child.stdout.on("data", (d) => { const m = /(http:\/\/\S+)/.exec(String(d)); if (m) resolve(m[1]); }));
const rss = () => { try { return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))[1]) / 1024); } catch { return NaN; } };
const post = (path, body) => fetch(url + path, { method: "POST", headers: { "content-type": "application/json" }, body });
await new Promise((r) => setTimeout(r, 500));
console.log(`rss at start: ${rss()} MB`);
const body = JSON.stringify({ parent: "projects/demo", vclusterId: "dev", vcluster: { displayName: "x".repeat(3_900_000) } });
let done = 0, codes = {}, peak = 0, failed = 0;
const worker = async () => {
  while (done < Number(n)) {
    done++;
    try { const r = await post("/openvcluster.v1.VClusterService/CreateVCluster", body); codes[r.status] = (codes[r.status] ?? 0) + 1; await r.arrayBuffer(); }
    catch { failed++; if (child.exitCode !== null) return; }
  }
};
const sampler = setInterval(() => { const r = rss(); if (r > peak) peak = r; }, 250);
const t0 = Date.now();
await Promise.all([worker(), worker(), worker(), worker()]);
console.log(`${n} requests in ${((Date.now() - t0) / 1000).toFixed(1)} s, statuses ${JSON.stringify(codes)}, failed ${failed}, mock exit ${child.exitCode}`);
clearInterval(sampler);
console.log(`rss after requests: ${rss()} MB (peak sampled ${peak} MB)`);
if (child.exitCode === null) {
  const l = await post("/openvcluster.mock.v1.MockControlService/ListRecordedRequests", "{}").catch((e) => ({ status: String(e), text: async () => "" }));
  const text = await l.text();
  console.log(`ListRecordedRequests: HTTP ${l.status}, ${text.length} bytes${l.status !== 200 ? `: ${text.slice(0, 200)}` : ""}`);
  await (await post("/openvcluster.mock.v1.MockControlService/Reset", "{}")).text();
  await new Promise((r) => setTimeout(r, 3000));
  console.log(`rss 3 s after Reset: ${rss()} MB`);
  child.kill("SIGTERM");
}
