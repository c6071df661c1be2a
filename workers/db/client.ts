import type { BatchItem } from "drizzle-orm/batch";
import type { SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";

export type Db = ReturnType<typeof createDb>;

export function createDb(d1: D1Database) {
  return drizzle(d1, { schema });
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
  return db.batch(statements as [Statement, ...Statement[]]);
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
