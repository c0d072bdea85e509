/**
 * The interceptor that identifies the caller: `Authorization: Bearer <apiKey>`
 * and the SDK's user agent. Browsers refuse to let scripts set `User-Agent`,
 * so the SDK's name always goes in `x-user-agent` (which Connect CORS
 * configurations allow), and also in `user-agent` where the platform permits.
 */
import type { Interceptor } from "@connectrpc/connect";
import { VERSION } from "../version.js";

export const SDK_USER_AGENT = `open-vcluster-sdk-ts/${VERSION}`;

export interface HeaderOptions {
  apiKey: string | undefined;
  /** Whether to set `user-agent` itself (Node); `x-user-agent` is always set. */
  setUserAgent: boolean;
}

export function headersInterceptor({ apiKey, setUserAgent }: HeaderOptions): Interceptor {
  return (next) => (req) => {
    if (apiKey !== undefined && !req.header.has("authorization")) req.header.set("authorization", `Bearer ${apiKey}`);
    req.header.set("x-user-agent", SDK_USER_AGENT);
    if (setUserAgent) req.header.set("user-agent", SDK_USER_AGENT);
    return next(req);
  };
}
