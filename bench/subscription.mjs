/**
 * The subscription endpoint over the seeded users: cached (one user's link fetched again and
 * again: the render comes from the isolate's cache, and the lookup from its window) and uncached
 * (a different user on every request, so every request renders). Runs against a panel that
 * bench/run.mjs started and seeded; figures are ratios against its hello-world Worker.
 */
import autocannon from "autocannon";
import { benchSubToken } from "./lib/seed.mjs";

const USER_AGENT = "v2rayN/7.10.5";

async function run(options) {
  await autocannon({ ...options, duration: 3 });
  const result = await autocannon(options);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`/sub: ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  return {
    requestsPerSec: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    total: result.requests.total,
  };
}

export async function benchSubscription({ url, users, seconds, connections, helloRequestsPerSec }) {
  const first = await fetch(`${url}/sub/${benchSubToken(1)}`, { headers: { "user-agent": USER_AGENT } });
  const body = await first.text();
  if (first.status !== 200 || !Buffer.from(body, "base64").toString("utf8").startsWith("vless://")) {
    throw new Error(`/sub/<token> answered ${first.status}: ${body.slice(0, 200)}`);
  }
  const base = { connections, pipelining: 1, duration: seconds, headers: { "user-agent": USER_AGENT } };
  const cached = await run({ ...base, url: `${url}/sub/${benchSubToken(1)}` });
  let next = 0;
  const uncached = await run({
    ...base,
    url,
    // A different user per request, across all seeded users: far more than the render cache holds.
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: `/sub/${benchSubToken((next++ % users) + 1)}` }),
      },
    ],
  });
  return {
    cached: { ...cached, ratioToHelloWorld: cached.requestsPerSec / helloRequestsPerSec },
    uncached: { ...uncached, ratioToHelloWorld: uncached.requestsPerSec / helloRequestsPerSec },
  };
}
