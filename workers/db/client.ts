import type { BatchItem } from "drizzle-orm/batch";
import type { SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";

export type Db = ReturnType<typeof createDb>;

/** A node whose config version a write moved, and the version it moved to. */
export interface NodeBump {
  nodeId: number;
  version: number;
}

/** Column names bump statements return (nodes/config-version.ts), so runBatch can find them. */
export const BUMPED_NODE_COLUMN = "bumped_node_id";
export const BUMPED_VERSION_COLUMN = "bumped_config_version";

const bumpListeners = new WeakMap<object, (bumps: NodeBump[]) => Promise<void>>();

/**
 * A drizzle client over a D1 binding. `onNodesBumped` runs after a batch that moved node config
 * versions has committed: the Worker uses it to wake those nodes' long-polling agents at once.
 */
export function createDb(d1: D1Database, options: { onNodesBumped?: (bumps: NodeBump[]) => Promise<void> } = {}) {
  const db = drizzle(d1, { schema });
  if (options.onNodesBumped) bumpListeners.set(db, options.onNodesBumped);
  return db;
}

export interface StatementCounter {
  statements: number;
}

const EXECUTORS = new Set(["all", "run", "first", "raw"]);

/**
 * Wraps a D1 binding so every statement it executes is counted (a batch counts each of its
 * statements). Benchmarks and tests use the count to prove a query plan does not grow with
 * page size; production never wraps.
 */
export function countStatements(d1: D1Database, counter: StatementCounter): D1Database {
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (property === "bind") return (...args: unknown[]) => wrap(target.bind(...args));
        if (typeof property === "string" && EXECUTORS.has(property)) {
          return (...args: unknown[]) => {
            counter.statements += 1;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    originals.set(proxy, statement);
    return proxy;
  };
  return new Proxy(d1, {
    get(target, property) {
      if (property === "prepare") return (query: string) => wrap(target.prepare(query));
      if (property === "batch") {
        return (statements: D1PreparedStatement[]) => {
          counter.statements += statements.length;
          return target.batch(statements.map((s) => originals.get(s) ?? s));
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export type Statement = BatchItem<"sqlite">;

/**
 * Runs statements as one D1 batch (a transaction: all land or none). Takes a plain array so
 * callers can add statements conditionally; results come back in order, untyped.
 */
export async function runBatch(db: Db, statements: Statement[]): Promise<unknown[]> {
  if (statements.length === 0) return [];
  const results: unknown[] = await db.batch(statements as [Statement, ...Statement[]]);
  const listener = bumpListeners.get(db);
  if (listener) {
    const bumps = new Map<number, number>();
    for (const result of results) {
      for (const row of (result as D1Result<Record<string, number>> | undefined)?.results ?? []) {
        if (row && BUMPED_NODE_COLUMN in row) bumps.set(row[BUMPED_NODE_COLUMN]!, row[BUMPED_VERSION_COLUMN]!);
      }
    }
    if (bumps.size) await listener([...bumps].map(([nodeId, version]) => ({ nodeId, version })));
  }
  return results;
}

const dialect = new SQLiteAsyncDialect();

/**
 * A raw SQL statement that can stand in a batch. drizzle 0.45's `db.run(sql)` cannot: its batch
 * path reads a prepared D1 statement the raw query never made ("reading 'bind'" of undefined).
 * This gives the batch exactly what it reads: the query, a prepared statement, a result mapper.
 */
export function rawStatement(db: Db, query: SQL): Statement {
  const built = dialect.sqlToQuery(query);
  const prepared = {
    stmt: db.$client.prepare(built.sql),
    getQuery: () => ({ ...built, method: "run" as const }),
    mapResult: (result: unknown) => result,
  };
  return { _prepare: () => prepared } as unknown as Statement;
}
