// The test-only EchoService. Slow and Count deliberately ignore their abort
// signal, like a careless implementation would, so the tests show that the
// server copes anyway.
import { Code, ConnectError, type ConnectRouter } from "@connectrpc/connect";
import { EchoService, type EchoRequest } from "./gen/ovchttp/test/v1/echo_pb.js";

export { EchoService };

export interface EchoStats {
  /** Count streams whose generator has not finished yet. */
  openStreams: number;
  /** Slow calls that have started / finished. */
  slowStarted: number;
  slowFinished: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function echoRoutes(stats: EchoStats = { openStreams: 0, slowStarted: 0, slowFinished: 0 }) {
  return (router: ConnectRouter) => {
    router.service(EchoService, {
      echo(req: EchoRequest) {
        if (req.text === "throw") throw new Error("boom: a bug in the handler");
        if (req.text === "internal") throw new ConnectError("deliberate", Code.Internal);
        return { text: req.text };
      },
      async slow(req: EchoRequest) {
        stats.slowStarted++;
        await sleep(req.delayMs);
        stats.slowFinished++;
        return { text: req.text };
      },
      async *count(req: EchoRequest) {
        stats.openStreams++;
        try {
          for (let i = 0; req.count === 0 || i < req.count; i++) {
            if (i > 0) await sleep(req.delayMs);
            yield { text: req.text, index: i };
          }
        } finally {
          stats.openStreams--;
        }
      },
      async collect(reqs: AsyncIterable<EchoRequest>) {
        let text = "";
        for await (const r of reqs) text += r.text;
        return { text };
      },
    });
  };
}

export function newStats(): EchoStats {
  return { openStreams: 0, slowStarted: 0, slowFinished: 0 };
}
