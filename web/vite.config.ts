import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";
import { idsByOperationName, keepOnlyIds } from "./src/graphql/build/ids-only";

const MANIFEST = fileURLToPath(new URL("src/graphql/generated/persisted-documents.json", import.meta.url));
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

/** See src/graphql/build/ids-only.ts. */
function persistedDocumentsOnly(): Plugin {
  return {
    name: "vortex-persisted-documents-only",
    transform(code, id) {
      if (!/\/src\/graphql\/[^/]+\.ts$/.test(id)) return null;
      try {
        return { code: keepOnlyIds(code, idsByOperationName(JSON.parse(readFileSync(MANIFEST, "utf8")))), map: null };
      } catch (error) {
        this.error(`${id}: ${(error as Error).message}`);
      }
    },
  };
}

export default defineConfig({
  plugins: [persistedDocumentsOnly(), solid(), agentBundle()],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
});
