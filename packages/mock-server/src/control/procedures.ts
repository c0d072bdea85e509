/** Which calls the test controls act on: the API's, never MockControlService's own. */
import type { DescMethod } from "@bufbuild/protobuf";

export function procedureOf(method: DescMethod): string {
  return `${method.parent.typeName}/${method.name}`;
}

export function isApiCall(method: DescMethod): boolean {
  return method.parent.typeName.startsWith("openvcluster.v1.");
}
