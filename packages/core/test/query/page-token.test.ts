import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { decodePageToken, encodePageToken, queryFingerprint } from "./query.js";
import { invalidArgument, random } from "./helpers.js";

const identity = { collection: "vclusters", parent: "projects/p", filter: 'labels.env = "prod"', orderBy: "create_time desc, name" };
const fingerprint = queryFingerprint(identity);
const key = [1767366245000.5, "projects/p/vclusters/dev-1"];
const token = encodePageToken(fingerprint, key);

function garbage(text: string): void {
  const message = invalidArgument(() => decodePageToken(text, fingerprint, 2));
  expect(message).toMatch(/^invalid page_token: not a page token returned by this API/);
}

describe("page tokens", () => {
  it("are opaque base64url that round-trip the sort key", () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).not.toContain("projects/p");
    expect(decodePageToken(token, fingerprint, 2)).toEqual(key);
  });

  it("carry bigints, negative and fractional numbers, and any unicode exactly", () => {
    const values = [-(2n ** 70n), 0, -0.25, "ünïcödé ✓ \u{1F600}", "", 'quote " and \\ backslash'];
    const encoded = encodePageToken(fingerprint, values);
    expect(decodePageToken(encoded, fingerprint, values.length)).toEqual(values);
  });

  it("are refused for a different query", () => {
    for (const change of [
      { parent: "projects/q" },
      { filter: 'labels.env = "dev"' },
      { orderBy: "name" },
      { collection: "snapshots" },
    ]) {
      let thrown: unknown;
      try {
        decodePageToken(token, queryFingerprint({ ...identity, ...change }), 2);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(change)).toBeInstanceOf(ConnectError);
      expect((thrown as ConnectError).code).toBe(Code.InvalidArgument);
      expect((thrown as ConnectError).rawMessage).toMatch(/^page_token does not match the request; parent, filter and order_by must be the same/);
    }
  });

  it("fingerprints ignore blanks around the filter only", () => {
    expect(queryFingerprint({ ...identity, filter: `  ${identity.filter}\n` })).toBe(fingerprint);
    expect(queryFingerprint({ ...identity, filter: 'labels.env  = "prod"' })).not.toBe(fingerprint);
  });

  it("are refused when the key has the wrong number of parts", () => {
    garbage(encodePageToken(fingerprint, ["only-one"]));
  });

  it.each([
    "x",
    "!!!!",
    "====",
    "a b",
    "not+base64/",
    "%7B%7D",
    btoa("{}"),
    btoa("[]"),
    btoa("null"),
    btoa('[1,"f",["a"]]'),
    btoa("\u00ff\u00fe"),
  ])("garbage %j is INVALID_ARGUMENT", (text) => {
    garbage(text);
  });

  it("a truncated token is refused", () => {
    for (let length = 0; length < token.length; length += 3) {
      if (length === 0) continue;
      garbage(token.slice(0, length));
    }
  });

  it("every single-character change is refused or decodes to the same key", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let i = 0; i < token.length; i++) {
      for (const replacement of alphabet) {
        const tampered = token.slice(0, i) + replacement + token.slice(i + 1);
        if (tampered === token) continue;
        try {
          // Base64 has slack bits in its last character: such edits decode to the same bytes.
          expect(decodePageToken(tampered, fingerprint, 2)).toEqual(key);
        } catch (error) {
          expect(error).toBeInstanceOf(ConnectError);
          expect((error as ConnectError).code).toBe(Code.InvalidArgument);
        }
      }
    }
  });

  it("a token with an edited key but the old checksum is refused", () => {
    const [version, print, , checksum] = JSON.parse(atob(token.replace(/-/g, "+").replace(/_/g, "/"))) as unknown[];
    const forged = btoa(JSON.stringify([version, print, [0, "projects/p/vclusters/zzz"], checksum])).replace(/=+$/, "");
    garbage(forged.replace(/\+/g, "-").replace(/\//g, "_"));
  });

  it("random bytes never crash the decoder", () => {
    const next = random(99);
    for (let round = 0; round < 2000; round++) {
      const bytes = Array.from({ length: Math.floor(next() * 200) }, () => String.fromCharCode(Math.floor(next() * 256)));
      const text = btoa(bytes.join("")).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
      if (text === "") continue;
      garbage(text);
    }
  });

  it("a very long token is refused without decoding", () => {
    garbage("A".repeat(100_000));
  });
});
