import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";

const AGENT_BUNDLE = fileURLToPath(new URL("../node-agent/dist/vortex-agent.mjs", import.meta.url));

/**
 * Ships the agent bundle among the SPA's assets at /downloads/vortex-agent.mjs, where the install
 * line the panel prints fetches it. It is part of every build's output, watch rebuilds included:
 * `vite build --watch` (under `npm start`) empties dist/ first, so a file copied in beside the
 * build would vanish and the SPA's HTML would be served in its place.
 */
function agentBundle(): Plugin {
  return {
    name: "vortex-agent-bundle",
    buildStart() {
      // A rebuilt agent (npm run build --workspace node-agent) triggers a rebuild in watch mode.
      this.addWatchFile(AGENT_BUNDLE);
    },
    generateBundle() {
      let source: Buffer;
      try {
        source = readFileSync(AGENT_BUNDLE);
      } catch {
        this.error(
          `${AGENT_BUNDLE} is missing: build the agent first (npm run build --workspace node-agent, or npm run build:web)`,
        );
      }
      this.emitFile({ type: "asset", fileName: "downloads/vortex-agent.mjs", source });
    },
  };
}

export default defineConfig({
  plugins: [solid(), agentBundle()],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
});
