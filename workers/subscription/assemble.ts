import { overrideFromColumns, withInboundOverride } from "../agent/protocol/inbound-override";
import type { Settings } from "../settings/settings";
import { toEndpoint, type Endpoint } from "./endpoint";
import type { ServedPair, SubscriptionUser } from "./load";
import { orderByHealthAndDistance, type Coordinates } from "./ordering";
import { fillTemplate, type TemplateValues } from "./remarks";

/**
 * Names must be unique: Clash and sing-box refer to servers by name and reject duplicates.
 * A repeated name gets " 2", " 3", … in order.
 */
export function uniqueRemarks(endpoints: Endpoint[]): Endpoint[] {
  const seen = new Map<string, number>();
  return endpoints.map((e) => {
    const count = (seen.get(e.remark) ?? 0) + 1;
    seen.set(e.remark, count);
    if (count === 1) return e;
    let name = `${e.remark} ${count}`;
    while (seen.has(name)) name = `${name}'`;
    seen.set(name, 1);
    return { ...e, remark: name };
  });
}

/**
 * A user's endpoints for one requester: (node × inbound) pairs ordered by node health and
 * distance, inbounds in id order within a node, each named by the remark template, each with the
 * secret, flow and method the user has on that inbound (its override where it has one).
 */
export function userEndpoints(
  user: SubscriptionUser,
  pairs: readonly ServedPair[],
  settings: Settings,
  values: TemplateValues,
  requester: Coordinates | null,
): Endpoint[] {
  const byInbound = [...pairs].sort((a, b) => a.nodeId - b.nodeId || a.inbound.id - b.inbound.id);
  const endpoints = orderByHealthAndDistance(byInbound, requester).map((pair) => {
    const seen = withInboundOverride(pair.inbound, user, overrideFromColumns(pair.override));
    return toEndpoint(
      seen.inbound,
      pair.address,
      seen.user,
      fillTemplate(settings.subscriptionRemarkTemplate, {
        ...values,
        node: pair.nodeName,
        protocol: pair.inbound.protocol,
        transport: pair.inbound.transport,
        security: pair.inbound.security,
        inbound: pair.inbound.remark || pair.inbound.tag,
      }),
    );
  });
  return uniqueRemarks(endpoints);
}
