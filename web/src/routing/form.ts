/**
 * The routing policy as the form edits it: lists as one entry per line, an allowed destination
 * as `CIDR` or `CIDR ports` ("10.0.0.53/32 53,853"). The server validates every entry; its
 * messages name the entry and are shown beside the field they belong to.
 */
import type { FieldProblem } from "../api/client";
import type { RoutingOutbound, RoutingPolicyFieldsFragment, RoutingPolicyInput } from "../graphql/generated/graphql";

export const OUTBOUNDS = ["DIRECT", "DIRECT_IPV4"] as const satisfies RoutingOutbound[];

export interface RoutingFormValues {
  blockPrivate: boolean;
  blockBittorrent: boolean;
  allowedPrivate: string;
  blockedCidrs: string;
  blockedDomains: string;
  blockedPorts: string;
  defaultOutbound: RoutingOutbound;
}

export const LIST_FIELDS = ["allowedPrivate", "blockedCidrs", "blockedDomains", "blockedPorts"] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** Entries separated by newlines or commas. */
const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);
/** Entries one per line, for those that may hold a comma themselves. */
const perLine = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export function policyToForm(policy: RoutingPolicyFieldsFragment): RoutingFormValues {
  return {
    blockPrivate: policy.blockPrivate,
    blockBittorrent: policy.blockBittorrent,
    allowedPrivate: policy.allowedPrivate.map((a) => [a.cidr, a.ports.join(",")].filter(Boolean).join(" ")).join("\n"),
    blockedCidrs: policy.blockedCidrs.join("\n"),
    blockedDomains: policy.blockedDomains.join("\n"),
    blockedPorts: policy.blockedPorts.join("\n"),
    defaultOutbound: policy.defaultOutbound,
  };
}

/** The mutation's input; entries are sent as typed so the server's messages quote them back. */
export function formToInput(values: RoutingFormValues): RoutingPolicyInput {
  return {
    blockPrivate: values.blockPrivate,
    blockBittorrent: values.blockBittorrent,
    allowedPrivate: perLine(values.allowedPrivate).map((line) => {
      const [cidr = "", ...rest] = line.split(/\s+/);
      return { cidr, ports: lines(rest.join(",")) };
    }),
    blockedCidrs: lines(values.blockedCidrs),
    // Domain matchers may hold commas inside a regexp: one per line only.
    blockedDomains: perLine(values.blockedDomains),
    blockedPorts: lines(values.blockedPorts),
    defaultOutbound: values.defaultOutbound,
  };
}

/** The server's field problems grouped by the list they belong to ("blockedCidrs.1" → blockedCidrs). */
export function problemsByField(fields: readonly FieldProblem[]): Partial<Record<ListField | "form", string[]>> {
  const grouped: Partial<Record<ListField | "form", string[]>> = {};
  for (const problem of fields) {
    const head = problem.path.split(".")[0] as ListField;
    const key = (LIST_FIELDS as readonly string[]).includes(head) ? head : "form";
    grouped[key] = [...(grouped[key] ?? []), problem.message];
  }
  return grouped;
}
