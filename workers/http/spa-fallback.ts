/**
 * The SPA's fallback, decided here rather than by the assets layer. With `run_worker_first` as a
 * list of paths, Cloudflare's `single-page-application` mode answers every missing asset with
 * index.html and 200 — scripts, downloads, curl — because the `Sec-Fetch-Mode: navigate`
 * preference only applies without such a list. A missing /downloads/vortex-agent.mjs then
 * "downloads" fine as HTML. So wrangler.toml says `not_found_handling = "none"`, every miss
 * reaches the Worker, and only a page navigation gets the app's shell.
 */

/**
 * True for a browser loading a page: Fetch Metadata says so, or the request asks for HTML. The
 * second matters beyond old browsers: the app's service worker re-fetches a navigation
 * (web/public/sw.js), and a navigation passed to fetch() goes out with `Sec-Fetch-Mode:
 * same-origin`, keeping only its destination (document) and its Accept. curl, fetch() and
 * script/style loads accept any type or their own, not HTML, so they are not navigations.
 */
export function isPageNavigation(request: Request): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const headers = request.headers;
  return (
    headers.get("sec-fetch-mode") === "navigate" ||
    headers.get("sec-fetch-dest") === "document" ||
    (headers.get("accept") ?? "").includes("text/html")
  );
}

/** The SPA's index.html (the assets layer serves it at "/"), for a client-side route like /users/12. */
export async function spaShell(assets: Fetcher, request: Request): Promise<Response> {
  const shell = await assets.fetch(
    new Request(new URL("/", request.url), { method: request.method, headers: request.headers }),
  );
  // A fetched response's headers are immutable; middleware after this one may add its own.
  return new Response(shell.body, shell);
}
