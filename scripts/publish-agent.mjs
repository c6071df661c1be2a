/**
 * Puts the bundled agent among the SPA's static assets, so a node installs it from its own panel
 * with the one-line command the panel prints (`createServerEnrollment`): no other download host.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
mkdirSync(`${root}web/dist/downloads`, { recursive: true });
copyFileSync(`${root}node-agent/dist/vortex-agent.mjs`, `${root}web/dist/downloads/vortex-agent.mjs`);
console.log("agent bundle published at /downloads/vortex-agent.mjs");
