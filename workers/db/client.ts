import type { BatchItem } from "drizzle-orm/batch";
import type { SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";

export type Db = ReturnType<typeof createDb>;

/** A node whose config version a write moved, and the version it moved to. */
export interface NodeBump {
  nodeId: number;
  version: number;
}

/** Wakes the long-polling agents of nodes whose config a committed batch moved. */
export type NodeNotifier = (bumps: NodeBump[]) => Promise<void>;

/**
 * A drizzle client over a D1 binding that carries what to do when a batch moves node config
 * versions (see runBatch). The Worker and its Durable Objects get theirs from `dbFor(env)`, which
 * wakes the agents; a bare `createDb(d1)` ignores bumps and is for tests and tools.
 */
export function createDb(d1: D1Database, notifyNodes: NodeNotifier = async () => {}) {
  // No `schema`: given one, drizzle derives its relational config (db.query, unused here) from
  // every table on each call, ~40% of a GraphQL page's CPU, since every request makes a handle.
  return Object.assign(drizzle(d1), { notifyNodes });
}

/**
 * The database handle for everything that runs with the Worker's `Env`: a write that moves a
 * node's config wakes that node's agent at once instead of at its next poll. `counter` counts
 * the statements it runs (benchmarks and tests, via DEBUG_D1_STATEMENTS).
 */
export function dbFor(env: Env, options: { counter?: StatementCounter } = {}): Db {
  // Debug only: the isolate's running totals also catch what no request counts (Durable Objects, waitUntil).
  const tallied = env.DEBUG_D1_STATEMENTS === "1" ? countStatements(env.DB, ISOLATE_D1_TOTALS) : env.DB;
  const d1 = options.counter ? countStatements(tallied, options.counter) : tallied;
  return createDb(d1, async (bumps) => {
    await Promise.all(bumps.map(({ nodeId, version }) => env.NODE.getByName(String(nodeId)).configChanged(version)));
  });
}

export interface StatementCounter {
  statements: number;
  /** From D1's result meta, which `run`, `all` and `batch` return (`first` and `raw` do not: mostly reads). */
  rowsRead?: number;
  rowsWritten?: number;
  /** Time D1 spent executing the SQL: what the database's single writer was busy with. */
  sqlMs?: number;
  /** The database's size after the latest counted statement. */
  sizeBytes?: number;
}

/**
 * What every counted handle of this isolate ran since it started (DEBUG_D1_STATEMENTS only):
 * the scale simulator reads it before and after a step (debug-counters.ts).
 */
export const ISOLATE_D1_TOTALS: Required<StatementCounter> = {
  statements: 0,
  rowsRead: 0,
  rowsWritten: 0,
  sqlMs: 0,
  sizeBytes: 0,
};

function tallyMeta(counter: StatementCounter, result: unknown) {
  const meta = (result as Partial<D1Result> | null)?.meta;
  if (!meta) return;
  counter.rowsRead = (counter.rowsRead ?? 0) + (meta.rows_read ?? 0);
  counter.rowsWritten = (counter.rowsWritten ?? 0) + (meta.rows_written ?? 0);
  counter.sqlMs = (counter.sqlMs ?? 0) + (meta.duration ?? 0);
  if (meta.size_after) counter.sizeBytes = meta.size_after;
}

const EXECUTORS = new Set(["all", "run", "first", "raw"]);

/**
 * Wraps a D1 binding so every statement it executes is counted (a batch counts each of its
 * statements), with the rows and SQL time D1 reports for it. Benchmarks and tests use the count
 * to prove a query plan does not grow with page size; production never wraps.
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
            const result = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            return property === "run" || property === "all"
              ? result.then((r) => {
                  tallyMeta(counter, r);
                  return r;
                })
              : result;
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
          return target.batch(statements.map((s) => originals.get(s) ?? s)).then((results) => {
            for (const result of results) tallyMeta(counter, result);
            return results;
          });
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export type Statement = BatchItem<"sqlite">;

/** Marks a statement whose rows are node bumps, so runBatch knows which results to read. */
const NODE_BUMP = Symbol("node bump");

/**
 * Runs statements as one D1 batch (a transaction: all land or none). Takes a plain array so
 * callers can add statements conditionally; results come back in order, untyped. Once the batch
 * has committed, the nodes its bump statements moved are handed to the handle's notifier.
 */
export async function runBatch(db: Db, statements: Statement[]): Promise<unknown[]> {
  if (statements.length === 0) return [];
  const results: unknown[] = await db.batch(statements as [Statement, ...Statement[]]);
  const latest = new Map<number, number>();
  statements.forEach((statement, i) => {
    if (!(NODE_BUMP in statement)) return;
    for (const { nodeId, version } of (results[i] as D1Result<NodeBump>).results) latest.set(nodeId, version);
  });
  if (latest.size) await db.notifyNodes([...latest].map(([nodeId, version]) => ({ nodeId, version })));
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

/**
 * A raw statement that moves node config versions and returns one row per moved node with the
 * columns `nodeId` and `version` (a NodeBump): runBatch reads those rows to wake the nodes.
 */
export function nodeBumpStatement(db: Db, query: SQL): Statement {
  return Object.assign(rawStatement(db, query), { [NODE_BUMP]: true });
}
