// btoa/atob and TextEncoder exist in Node 16+ and in browsers; Buffer only in Node.
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function encodeBase64url(text: string): string {
  let binary = "";
  for (const byte of encoder.encode(text)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The decoded text, or undefined if the input is not base64url of UTF-8. */
export function decodeBase64url(encoded: string): string | undefined {
  if (!BASE64URL.test(encoded) || encoded.length % 4 === 1) {
    return undefined;
  }
  try {
    const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
