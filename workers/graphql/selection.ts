import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

/**
 * Whether the query asks, inside the field being resolved, for the field at `path` (e.g.
 * `["totalCount"]`, `["edges", "node", "owner"]`), through inline and named fragments too, so a
 * resolver can fetch it together with its own rows (one D1 batch instead of more round trips).
 * @skip/@include are not read: a skipped field is fetched for nothing, never missed.
 */
export function selectsField(info: GraphQLResolveInfo, ...path: string[]): boolean {
  const fieldsNamed = (set: SelectionSetNode | undefined, name: string, seen: Set<string>): FieldNode[] =>
    (set?.selections ?? []).flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name ? [selection] : [];
      if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsNamed(selection.selectionSet, name, seen);
      const fragment = selection.name.value;
      if (seen.has(fragment)) return [];
      seen.add(fragment);
      return fieldsNamed(info.fragments[fragment]?.selectionSet, name, seen);
    });
  let fields: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) fields = fields.flatMap((field) => fieldsNamed(field.selectionSet, name, new Set()));
  return fields.length > 0;
}
