import type { Endpoint } from "../endpoint";
import { shareLink } from "../links";
import { textToBase64 } from "../../lib/base64";

/** One share link per line: what `/sub/<token>/links` serves. */
export const plainLinks = (endpoints: readonly Endpoint[]) => endpoints.map(shareLink).join("\n");

/** Standard base64 of the UTF-8 link list: the default body v2rayN, v2rayNG, Shadowrocket and others decode. */
export function base64Links(endpoints: readonly Endpoint[]): string {
  return textToBase64(plainLinks(endpoints));
}
