/**
 * workerd's own CPU time, read from /proc (Linux): what a request costs the runtime, apart from
 * the load generator and wrangler around it. A figure per request is the CPU a run of requests
 * used divided by the requests; less a hello-world Worker's, it is what the Worker's code costs.
 */
import autocannon from "autocannon";
import { cpuMsOfAll, workerdPids as workerdPidsBelow } from "./scale-proc.mjs";

/** The workerd processes wrangler dev (process `rootPid`) started, however deep below it; none is an error here. */
export function workerdPids(rootPid) {
  const pids = workerdPidsBelow(rootPid);
  if (pids.length === 0) throw new Error(`no workerd below process ${rootPid}`);
  return pids;
}

/**
 * workerd CPU milliseconds per request over `seconds` of load (after a warm-up), with the
 * requests per second. The responses must all be 2xx: an error page would be cheap and flatter.
 * `requests`: autocannon's request list, for a run whose requests differ (a new path each time).
 */
export async function cpuPerRequest({
  pids,
  url,
  method = "GET",
  headers = {},
  body,
  requests,
  seconds = 10,
  connections = 4,
}) {
  const options = { url, method, headers, body, connections, pipelining: 1, ...(requests ? { requests } : {}) };
  await autocannon({ ...options, duration: 2 });
  const before = cpuMsOfAll(pids);
  const result = await autocannon({ ...options, duration: seconds });
  const used = cpuMsOfAll(pids) - before;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx responses and ${result.errors} errors during the run`);
  return {
    cpuMsPerRequest: used / result.requests.total,
    requests: result.requests.total,
    requestsPerSec: result.requests.average,
  };
}
