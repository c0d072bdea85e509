/**
 * `for await (const vc of client.listVClusters(req))`: every item of every
 * page, following `next_page_token`; `.pages()` gives the responses one page
 * at a time (for `version`, `unreachable`, or to stop between pages).
 */
import type { DescMessage, DescMethodUnary, MessageInitShape, MessageShape } from "@bufbuild/protobuf";
import type { CallOptions } from "@connectrpc/connect";

/** The element type of a list response's one repeated message field. */
export type ItemOf<R> = {
  [K in keyof R]-?: R[K] extends readonly (infer E)[] ? (E extends { $typeName: string } ? E : never) : never;
}[keyof R];

export interface Pager<Item, Page> extends AsyncIterable<Item> {
  /** The pages, each one response. */
  pages(): AsyncIterable<Page>;
  /** Every item of every page, in an array. */
  all(): Promise<Item[]>;
}

type PageFn<I extends DescMessage, O extends DescMessage> = (req: MessageInitShape<I>, options?: CallOptions) => Promise<MessageShape<O>>;

/** Whether a method pages (AIP-158): `page_token` in, `next_page_token` out. */
export function isPaged(method: DescMethodUnary): boolean {
  return method.input.field["pageToken"] !== undefined && method.output.field["nextPageToken"] !== undefined;
}

export function createPager<I extends DescMessage, O extends DescMessage>(
  method: DescMethodUnary<I, O>,
  call: PageFn<I, O>,
  request: MessageInitShape<I>,
  options?: CallOptions,
): Pager<ItemOf<MessageShape<O>>, MessageShape<O>> {
  const itemsField = method.output.fields.find((f) => f.fieldKind === "list" && f.listKind === "message");
  if (itemsField === undefined) throw new Error(`${method.output.typeName} has no repeated message field to page over`);
  async function* pages(): AsyncGenerator<MessageShape<O>> {
    let pageToken = (request as { pageToken?: string }).pageToken ?? "";
    do {
      const page = await call({ ...request, pageToken } as MessageInitShape<I>, options);
      yield page;
      pageToken = (page as unknown as { nextPageToken: string }).nextPageToken;
    } while (pageToken !== "");
  }
  const itemsName = itemsField.localName;
  async function* items(): AsyncGenerator<ItemOf<MessageShape<O>>> {
    for await (const page of pages()) {
      yield* (page as Record<string, unknown>)[itemsName] as ItemOf<MessageShape<O>>[];
    }
  }
  return {
    [Symbol.asyncIterator]: () => items(),
    pages,
    async all() {
      const out: ItemOf<MessageShape<O>>[] = [];
      for await (const item of items()) out.push(item);
      return out;
    },
  };
}
