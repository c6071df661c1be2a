/** Browsers honour it only over HTTPS, where the panel is deployed; two years, as preload lists ask. */
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * The headers every page the Worker renders carries (the subscription page, the payer's pages),
 * with that page's own Content-Security-Policy. The SPA's shell gets the same from
 * web/public/_headers, which the assets layer applies and cannot import this: a test holds the two equal.
 *
 * @example
 * new Response(html, { headers: { "content-type": "text/html; charset=utf-8", ...pageSecurityHeaders(CSP) } });
 */
export function pageSecurityHeaders(contentSecurityPolicy: string): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy,
    "strict-transport-security": HSTS,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  };
}
