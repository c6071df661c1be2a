import type { Endpoint } from "../endpoint";

/** A VLESS endpoint's `flow`, only where XTLS Vision can run (TCP under TLS or REALITY), to spread into an entry. */
export const visionFlow = (e: Endpoint): { flow?: string } =>
  e.flow && e.transport === "tcp" && e.security !== "none" ? { flow: e.flow } : {};
