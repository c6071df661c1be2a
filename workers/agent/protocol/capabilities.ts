/**
 * Whether a core with these capabilities can serve an inbound: one rule, used by the agent when
 * it renders (an inbound it cannot serve is skipped) and by the panel when an admin assigns or
 * changes an inbound (refused) and when it lists what a node does not serve.
 */
import type { AgentInbound, CoreCapabilities } from "./messages";

/** The parts of an inbound the rule reads; both the agent's inbound and the panel's row fit it. */
export interface InboundShape {
  protocol: AgentInbound["protocol"];
  transport: AgentInbound["transport"];
  security: AgentInbound["security"];
  /** Read for `method` (shadowsocks). */
  protocolSettings: object;
  /** Read for `certificateFile`/`keyFile`, which an agent-side inbound may carry. */
  securitySettings: object;
}

/** An inbound may carry its own certificate files; otherwise TLS needs the node's. */
function ownCertificate(securitySettings: object): boolean {
  const settings = securitySettings as { certificateFile?: unknown; keyFile?: unknown };
  return (
    typeof settings.certificateFile === "string" &&
    settings.certificateFile !== "" &&
    typeof settings.keyFile === "string" &&
    settings.keyFile !== ""
  );
}

/**
 * Why a core with `capabilities` cannot serve `inbound`, or null when it can.
 *
 * @example capabilityMismatch({ protocol: "hysteria2", transport: "tcp", security: "tls", protocolSettings: {}, securitySettings: {} }, v2rayCaps)
 *   // "protocol hysteria2 is not supported on v2ray 4.34.0"
 */
export function capabilityMismatch(
  inbound: InboundShape,
  capabilities: Omit<CoreCapabilities, "skipped">,
): string | null {
  const core = capabilities.version ? `${capabilities.core} ${capabilities.version}` : capabilities.core;
  if (!capabilities.protocols.includes(inbound.protocol))
    return `protocol ${inbound.protocol} is not supported on ${core}`;
  if (!capabilities.transports.includes(inbound.transport))
    return `transport ${inbound.transport} is not supported on ${core}`;
  if (!capabilities.securities.includes(inbound.security))
    return `security ${inbound.security} is not supported on ${core}`;
  if (inbound.security === "tls" && !capabilities.tlsCertificate && !ownCertificate(inbound.securitySettings)) {
    return "TLS inbound but this node has no certificate (--tls-cert/--tls-key)";
  }
  if (inbound.protocol === "shadowsocks") {
    const { method } = inbound.protocolSettings as { method?: unknown };
    if (typeof method !== "string" || !capabilities.shadowsocksMethods.includes(method))
      return `shadowsocks method "${String(method ?? "")}" is not supported on ${core}`;
  }
  return null;
}
