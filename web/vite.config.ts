import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Kind, parse } from "graphql";
import { defineConfig, parseAst, type Plugin } from "vite";
import solid from "vite-plugin-solid";

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

/** Every persisted document's id by its operation name, from the manifest `npm run codegen` writes. */
function idsByOperationName(): Map<string, string> {
  const manifest: Record<string, string> = JSON.parse(readFileSync(MANIFEST, "utf8"));
  const ids = new Map<string, string>();
  for (const [id, text] of Object.entries(manifest)) {
    for (const definition of parse(text).definitions)
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) ids.set(definition.name.value, id);
  }
  return ids;
}

/** The parts of an ESTree call the transform below reads. */
interface GraphqlCall {
  type: string;
  start: number;
  end: number;
  callee: { type: string; name?: string };
  arguments: { type: string; expressions: unknown[]; quasis: { value: { cooked?: string } }[] }[];
}

/**
 * Replaces each `graphql(\`...\`)` in src/graphql/*.ts with the one thing a request needs, its
 * persisted id: no query text ships (the SPA never sends one), and each page's chunk carries only
 * the ids of its own documents. Fragments become empty objects; only their generated types are used.
 */
function persistedDocumentsOnly(): Plugin {
  return {
    name: "vortex-persisted-documents-only",
    transform(code, id) {
      if (!/\/src\/graphql\/[^/]+\.ts$/.test(id)) return null;
      const ids = idsByOperationName();
      const calls: { start: number; end: number; text: string }[] = [];
      const visit = (value: unknown) => {
        if (Array.isArray(value)) for (const item of value) visit(item);
        if (!value || typeof value !== "object" || Array.isArray(value)) return;
        const node = value as GraphqlCall;
        if (node.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "graphql") {
          for (const child of Object.values(node)) visit(child);
          return;
        }
        const [literal] = node.arguments;
        if (literal?.type !== "TemplateLiteral" || literal.expressions.length > 0 || !literal.quasis[0]?.value.cooked)
          this.error(`${id}: graphql() takes one template literal without interpolation`);
        calls.push({ start: node.start, end: node.end, text: literal.quasis[0].value.cooked });
      };
      visit(parseAst(code, { lang: "ts" }));
      let result = code;
      for (const call of calls.reverse()) {
        const [definition] = parse(call.text).definitions;
        let replacement = "{}";
        if (definition?.kind === Kind.OPERATION_DEFINITION) {
          const hash = definition.name && ids.get(definition.name.value);
          if (!hash)
            this.error(
              `${id}: ${definition.name?.value ?? "an anonymous operation"} is not in ${MANIFEST}: run npm run codegen`,
            );
          replacement = JSON.stringify({ __meta__: { hash } });
        }
        result = result.slice(0, call.start) + replacement + result.slice(call.end);
      }
      return { code: result, map: null };
    },
  };
}

export default defineConfig({
  plugins: [persistedDocumentsOnly(), solid(), agentBundle()],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
});
