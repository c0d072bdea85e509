import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Code } from "@connectrpc/connect";
import { TARGETS, type Target } from "./targets.js";
import { expectCode, prng, seedMany } from "../fixtures/util.js";

const STABLE = 300;

describe.each(TARGETS)("pagination — $name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.control.reset({});
  });

  /**
   * Pages through with page_size 7 while other vclusters are created (before
   * and after the cursor) and deleted between pages. Returns what was seen.
   */
  async function pageUnderWrites(orderBy: string, seed: number) {
    const stable = await seedMany(t, STABLE, "p", "vc");
    // Extras that sort between the stable ones ("vc-0042-x" > "vc-0042"); all of them get deleted along the way.
    const doomed = stable.filter((_, i) => i % 10 === 5).map((n) => `${n}-x`);
    await t.control.seed({ vclusters: doomed.map((name) => ({ name })) });
    const random = prng(seed);
    const seen: string[] = [];
    const pages: number[] = [];
    let pageToken = "";
    let created = 0;
    do {
      const res = await t.vclusters.listVClusters({ parent: "projects/p", pageSize: 7, pageToken, orderBy });
      expect(res.vclusters.length).toBeLessThanOrEqual(7);
      pages.push(res.vclusters.length);
      seen.push(...res.vclusters.map((v) => v.name));
      pageToken = res.nextPageToken;
      // Between pages: create two new vclusters at random places, delete two doomed ones.
      for (let k = 0; k < 2; k++) {
        const at = String(Math.floor(random() * STABLE)).padStart(4, "0");
        const id = `vc-${at}-new-${created++}`;
        const op = await t.vclusters.createVCluster({ parent: "projects/p", vclusterId: id, vcluster: {} });
        expect(op.name).not.toBe("");
        const victim = doomed.splice(Math.floor(random() * doomed.length), 1)[0];
        if (victim) await t.vclusters.deleteVCluster({ name: victim });
      }
    } while (pageToken !== "");
    return { stable, seen, pages, created };
  }

  it("keeps every vcluster that existed throughout exactly once, in name order, under concurrent writes", async () => {
    const { stable, seen, pages, created } = await pageUnderWrites("", 20260101);
    expect(created).toBeGreaterThan(80);
    expect(pages.slice(0, -1).every((n) => n === 7)).toBe(true);
    // Strictly increasing: nothing repeated, nothing out of order.
    for (let i = 1; i < seen.length; i++) expect(seen[i - 1]! < seen[i]!, `${seen[i - 1]} before ${seen[i]}`).toBe(true);
    const stableSet = new Set(stable);
    expect(seen.filter((n) => stableSet.has(n))).toEqual(stable);
  });

  it("keeps every stable vcluster exactly once when ordered by create_time desc", async () => {
    const { stable, seen } = await pageUnderWrites("create_time desc", 7);
    const stableSet = new Set(stable);
    const seenStable = seen.filter((n) => stableSet.has(n));
    expect(seenStable).toHaveLength(stable.length);
    expect(new Set(seenStable).size).toBe(stable.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("rejects a token reused with a different filter, order_by or parent", async () => {
    await seedMany(t, 20, "p", "vc", (i) => ({ env: i % 2 ? "prod" : "dev" }));
    const first = await t.vclusters.listVClusters({ parent: "projects/p", pageSize: 3, filter: 'labels.env = "prod"' });
    expect(first.nextPageToken).not.toBe("");
    const token = first.nextPageToken;
    // The same query continues.
    const next = await t.vclusters.listVClusters({ parent: "projects/p", pageSize: 3, filter: 'labels.env = "prod"', pageToken: token });
    expect(next.vclusters).toHaveLength(3);
    // page_size may change between pages (AIP-158).
    await t.vclusters.listVClusters({ parent: "projects/p", pageSize: 5, filter: 'labels.env = "prod"', pageToken: token });
    await expectCode(
      t.vclusters.listVClusters({ parent: "projects/p", pageSize: 3, filter: 'labels.env = "dev"', pageToken: token }),
      Code.InvalidArgument,
      /page_token/,
    );
    await expectCode(t.vclusters.listVClusters({ parent: "projects/p", pageSize: 3, pageToken: token }), Code.InvalidArgument, /page_token/);
    await expectCode(
      t.vclusters.listVClusters({ parent: "projects/p", pageSize: 3, filter: 'labels.env = "prod"', orderBy: "name desc", pageToken: token }),
      Code.InvalidArgument,
      /page_token/,
    );
    await expectCode(
      t.vclusters.listVClusters({ parent: "projects/other", pageSize: 3, filter: 'labels.env = "prod"', pageToken: token }),
      Code.InvalidArgument,
      /page_token/,
    );
    // A vcluster token is no snapshot token.
    await expectCode(t.snapshots.listSnapshots({ parent: "projects/p", pageToken: token }), Code.InvalidArgument, /page_token/);
  });

  it("rejects garbage, truncated and tampered tokens with INVALID_ARGUMENT", async () => {
    await seedMany(t, 10);
    const { nextPageToken: token } = await t.vclusters.listVClusters({ parent: "projects/p", pageSize: 2 });
    expect(token).not.toBe("");
    const mid = Math.floor(token.length / 2);
    const flipped = token.slice(0, mid) + (token[mid] === "A" ? "B" : "A") + token.slice(mid + 1);
    const bad = [
      "garbage",
      "!!!not-base64!!!",
      token.slice(0, -3),
      flipped,
      token + "AAAA",
      Buffer.from(JSON.stringify([1, "x", ["projects/p/vclusters/vc-0005"], 0])).toString("base64url"),
      "\u00e9\u0000\u{1F600}",
    ];
    for (const pageToken of bad) {
      await expectCode(t.vclusters.listVClusters({ parent: "projects/p", pageSize: 2, pageToken }), Code.InvalidArgument, /page_token/);
    }
    await expectCode(t.vclusters.listVClusters({ parent: "projects/p", pageToken: "x".repeat(3000) }), Code.InvalidArgument, /page_token/);
    // And the real token still works afterwards.
    const res = await t.vclusters.listVClusters({ parent: "projects/p", pageSize: 2, pageToken: token });
    expect(res.vclusters.map((v) => v.name)).toEqual(["projects/p/vclusters/vc-0002", "projects/p/vclusters/vc-0003"]);
  });
});
