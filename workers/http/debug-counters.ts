import { ISOLATE_D1_TOTALS, type StatementCounter } from "../db/client";

/** Calls a request makes to Durable Objects (any stub method, fetch included) and queue sends. */
export interface BindingCounter {
  durableObjectCalls: number;
  queueSends: number;
}

/** The isolate's running totals of binding calls counted by `countBindingCalls` (DEBUG_D1_STATEMENTS only). */
const ISOLATE_BINDING_TOTALS: BindingCounter = { durableObjectCalls: 0, queueSends: 0 };

/**
 * Named, not detected: a service or workflow binding answers every property with a callable, so
 * it would pass any duck test. A new namespace or queue belongs here to be counted.
 */
const DURABLE_OBJECT_BINDINGS = new Set<keyof Env>(["NODE", "HUB", "RATE_LIMITER", "CHECKOUT", "USAGE"]);
const QUEUE_BINDINGS = new Set<keyof Env>(["EVENTS", "DELIVERIES"]);

/** A stub whose every method call is counted; the call itself goes to the real stub unchanged. */
function countedStub<T extends object>(stub: T, counters: BindingCounter[]): T {
  return new Proxy(stub, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        for (const counter of counters) counter.durableObjectCalls += 1;
        // Reflect.apply, not value.apply: on an RPC stub `.apply` would be a remote method.
        return Reflect.apply(value, target, args);
      };
    },
  });
}

/**
 * The Worker's env with its Durable Object namespaces and queues counting calls into `counter`
 * and the isolate's totals. Only for DEBUG_D1_STATEMENTS (benchmarks, the scale simulator): the
 * calls are counted when made, so those a response leaves to waitUntil count as the request's.
 */
export function countBindingCalls(env: Env, counter: BindingCounter): Env {
  const counters = [counter, ISOLATE_BINDING_TOTALS];
  return new Proxy(env, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (DURABLE_OBJECT_BINDINGS.has(property as keyof Env))
        return new Proxy(value, {
          get(namespace, method) {
            const member = Reflect.get(namespace, method);
            if (method !== "get" && method !== "getByName")
              return typeof member === "function" ? member.bind(namespace) : member;
            return (...args: unknown[]) =>
              countedStub(Reflect.apply(member as (...a: unknown[]) => object, namespace, args), counters);
          },
        });
      if (QUEUE_BINDINGS.has(property as keyof Env))
        return new Proxy(value, {
          get(queue, method) {
            const member = Reflect.get(queue, method);
            if (typeof member !== "function") return member;
            return (...args: unknown[]) => {
              if (method === "send" || method === "sendBatch") for (const c of counters) c.queueSends += 1;
              return Reflect.apply(member, queue, args);
            };
          },
        });
      return value;
    },
  });
}

/** Response headers of a counted request: its own figures, and the isolate's totals so far (JSON). */
export function debugCounterHeaders(d1: StatementCounter, bindings: BindingCounter): Record<string, string> {
  return {
    "x-d1-statements": String(d1.statements),
    "x-d1-rows-written": String(d1.rowsWritten ?? 0),
    "x-d1-rows-read": String(d1.rowsRead ?? 0),
    "x-d1-sql-ms": (d1.sqlMs ?? 0).toFixed(3),
    "x-do-calls": String(bindings.durableObjectCalls),
    "x-queue-sends": String(bindings.queueSends),
    "x-isolate-totals": JSON.stringify({ ...ISOLATE_D1_TOTALS, ...ISOLATE_BINDING_TOTALS }),
  };
}
