import * as net from "node:net";
import type { Transport } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport, createGrpcWebTransport } from "@connectrpc/connect-node";

/** One transport per protocol/HTTP version pair the server must speak. */
export function transports(baseUrl: string): Array<[string, Transport]> {
  return [
    ["Connect over HTTP/1.1", createConnectTransport({ baseUrl, httpVersion: "1.1" })],
    ["Connect over HTTP/2", createConnectTransport({ baseUrl, httpVersion: "2" })],
    ["gRPC over HTTP/2", createGrpcTransport({ baseUrl })],
    ["gRPC-Web over HTTP/1.1", createGrpcWebTransport({ baseUrl, httpVersion: "1.1" })],
  ];
}

/** Opens a raw TCP connection to the server. */
export function connectRaw(url: string): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Resolves with everything the peer sent once the socket closes. */
export function readUntilClose(socket: net.Socket): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", () => undefined);
    socket.once("close", () => resolve(Buffer.concat(chunks)));
  });
}

/** Resolves with the first bytes the peer sends. */
export function firstData(socket: net.Socket): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    socket.once("data", resolve);
    socket.once("error", reject);
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `cond` holds or `ms` pass. */
export async function eventually(cond: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(10);
  }
}
