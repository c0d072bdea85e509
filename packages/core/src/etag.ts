/**
 * Etags (AIP-154): a hash of the resource's content, so any change to it
 * (spec, labels, status) yields a new etag, and an unchanged resource keeps
 * its etag across restarts.
 */
import { clone, toBinary, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import { staleEtag } from "./errors.js";
import { fingerprint } from "./fingerprint.js";

type WithEtag = { etag: string };

export function computeEtag<Desc extends DescMessage>(schema: Desc, message: MessageShape<Desc> & WithEtag): string {
  const copy = clone(schema, message) as MessageShape<Desc> & WithEtag;
  copy.etag = "";
  return fingerprint(toBinary(schema, copy));
}

/** No etag = unconditional; a different one = ABORTED. */
export function checkEtag(kind: string, name: string, sent: string, current: string): void {
  if (sent !== "" && sent !== current) throw staleEtag(kind, name, sent, current);
}
