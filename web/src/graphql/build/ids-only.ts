/**
 * Build time (web/vite.config.ts), never in the bundle: each `graphql(\`...\`)` in
 * web/src/graphql/*.ts becomes the one thing a request needs, its persisted id. No query text ships
 * (the SPA never sends one), and each page's chunk carries only the ids of its own documents.
 */
import { Kind, parse } from "graphql";
import { parseAst } from "vite";

/** Every operation's id by its name, from codegen's manifest (id → printed document). */
export function idsByOperationName(manifest: Record<string, string>): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [id, text] of Object.entries(manifest)) {
    for (const definition of parse(text).definitions)
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) ids.set(definition.name.value, id);
  }
  return ids;
}

/** The parts of ESTree calls and imports this reads. */
interface Node {
  type: string;
  start: number;
  end: number;
  callee: { type: string; name?: string };
  arguments: { type: string; expressions: unknown[]; quasis: { value: { cooked?: string } }[] }[];
  source: { value: string };
}

/**
 * `code` with each operation's `graphql(...)` replaced by `{ __meta__: { hash } }` (the shape of
 * codegen's generated documents) and each fragment's by `{}`, since only its generated type is used;
 * the import of `graphql` goes too, or the generated module's top-level documents would ship. Throws on interpolation (a persisted text is fixed) and on an operation the manifest lacks.
 */
export function keepOnlyIds(code: string, ids: Map<string, string>): string {
  const calls: { start: number; end: number; text: string }[] = [];
  const imports: { start: number; end: number }[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    if (!value || typeof value !== "object" || Array.isArray(value)) return;
    const node = value as Node;
    if (node.type === "ImportDeclaration" && node.source.value === "./generated") {
      imports.push({ start: node.start, end: node.end });
      return;
    }
    if (node.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "graphql") {
      for (const child of Object.values(node)) visit(child);
      return;
    }
    const [literal] = node.arguments;
    const text =
      literal?.type === "TemplateLiteral" && literal.expressions.length === 0 && literal.quasis[0]?.value.cooked;
    if (!text) throw new Error("graphql() takes one template literal without interpolation");
    calls.push({ start: node.start, end: node.end, text });
  };
  visit(parseAst(code, { lang: "ts" }));
  const edits = [
    ...imports.map((i) => ({ ...i, replacement: "" })),
    ...calls.map((call) => ({ ...call, replacement: replacementOf(call.text, ids) })),
  ];
  let result = code;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    result = result.slice(0, edit.start) + edit.replacement + result.slice(edit.end);
  return result;
}

function replacementOf(text: string, ids: Map<string, string>): string {
  const [definition] = parse(text).definitions;
  if (definition?.kind !== Kind.OPERATION_DEFINITION) return "{}";
  const name = definition.name?.value ?? "an anonymous operation";
  const hash = ids.get(name);
  if (!hash) throw new Error(`${name} is not in the persisted-documents manifest: run npm run codegen`);
  return JSON.stringify({ __meta__: { hash } });
}
