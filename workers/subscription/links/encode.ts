/** Small URL pieces every share link shares. */

/** Brackets an IPv6 address for the authority part of a URL. */
export const urlHost = (address: string) => (address.includes(":") ? `[${address}]` : address);

/** `k=v&…` with each key and value percent-encoded (encodeURIComponent); empty values are left out. */
export function queryString(pairs: [string, string | undefined][]): string {
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== "")
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
}

/** The `#remark` fragment, percent-encoded as clients decode it. */
export const fragment = (remark: string) => `#${encodeURIComponent(remark)}`;
