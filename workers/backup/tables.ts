/**
 * What a snapshot covers and how the panel's own D1 tables look, read from SQLite itself so a
 * table added by a later migration is backed up without anyone remembering to list it.
 */

/**
 * Tables that describe the bucket or D1 itself, not the panel; and user_counts, which triggers
 * derive from users (a restore recounts it). Full-text tables and their shadow tables are left out
 * below for the same reason: triggers rebuild them as the restore writes users.
 */
const NOT_PANEL_DATA = ["d1_migrations", "backups", "restores", "user_counts"];
/** Prefixes of the job tables a backup (`_bk_`) and a restore (`_rs_`) create and drop. */
export const SNAPSHOT_PREFIX = "_bk_";
export const STAGING_PREFIX = "_rs_";

export interface TableShape {
  name: string;
  columns: string[];
  /** Columns of the primary key in key order; empty: the table is ordered by rowid. */
  primaryKey: string[];
}

/** A SQL identifier; every name here comes from sqlite_master, quoting keeps odd ones safe. */
export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

const likePrefix = (prefix: string) => `${prefix.replaceAll("_", "\\_")}%`;

/** The panel's tables with their columns, in name order. */
export async function panelTables(db: D1Database): Promise<TableShape[]> {
  const { results } = await db
    .prepare(
      `SELECT m.name AS tableName, p.name AS column, p.pk AS pk
       FROM sqlite_master m JOIN pragma_table_info(m.name) p
       WHERE m.type = 'table'
         AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.name NOT LIKE '\\_cf\\_%' ESCAPE '\\'
         AND m.name NOT LIKE ?1 ESCAPE '\\' AND m.name NOT LIKE ?2 ESCAPE '\\'
         AND m.name NOT IN (${NOT_PANEL_DATA.map((n) => `'${n}'`).join(", ")})
         AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'
           AND (m.name = v.name OR substr(m.name, 1, length(v.name) + 1) = v.name || '_'))
       ORDER BY m.name, p.cid`,
    )
    .bind(likePrefix(SNAPSHOT_PREFIX), likePrefix(STAGING_PREFIX))
    .all<{ tableName: string; column: string; pk: number }>();
  const tables = new Map<string, TableShape & { keyRank: Map<string, number> }>();
  for (const row of results) {
    let table = tables.get(row.tableName);
    if (!table) {
      table = { name: row.tableName, columns: [], primaryKey: [], keyRank: new Map() };
      tables.set(row.tableName, table);
    }
    table.columns.push(row.column);
    if (row.pk > 0) table.keyRank.set(row.column, row.pk);
  }
  return [...tables.values()].map(({ keyRank, ...table }) => ({
    ...table,
    primaryKey: [...keyRank.entries()].sort((a, b) => a[1] - b[1]).map(([column]) => column),
  }));
}

/** `ORDER BY` that lists a table's rows in primary-key order (rowid order without one). */
export function keyOrder(table: TableShape): string {
  return table.primaryKey.length ? table.primaryKey.map(quote).join(", ") : "rowid";
}

/** Job tables a backup or restore with this short id created (to drop them, whatever step it stopped at). */
export async function jobTables(db: D1Database, prefix: string): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ?1 ESCAPE '\\'")
    .bind(likePrefix(prefix))
    .all<{ name: string }>();
  return results.map((r) => r.name);
}

export async function dropTables(db: D1Database, names: string[]): Promise<void> {
  if (names.length) await db.batch(names.map((name) => db.prepare(`DROP TABLE IF EXISTS ${quote(name)}`)));
}

/** Migration names as D1 records them, without `.sql`: "0014_safety_net". */
export async function appliedMigrations(db: D1Database): Promise<string[]> {
  const { results } = await db.prepare("SELECT name FROM d1_migrations ORDER BY id").all<{ name: string }>();
  return results.map((r) => r.name.replace(/\.sql$/, ""));
}

/** The schema version a snapshot taken now carries: the last migration applied. */
export async function currentSchemaVersion(db: D1Database): Promise<string> {
  const applied = await appliedMigrations(db);
  const last = applied.at(-1);
  if (!last) throw new Error("no D1 migration has been applied");
  return last;
}
