/**
 * The peer panels' REST APIs as the API readers see them: every answer is checked with zod, and
 * every failure names the endpoint, so "Remnawave said 401 on GET /api/nodes" is what the
 * operator reads, not a stack trace from deep inside a mapping.
 */
import { z } from "zod";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export class PeerApi {
  readonly #base: string;
  readonly #fetch: FetchLike;
  #bearer: string | undefined;

  constructor(options: { url: string; fetch?: FetchLike; bearer?: string }) {
    this.#base = options.url.replace(/\/+$/, "");
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#bearer = options.bearer;
  }

  set bearer(token: string) {
    this.#bearer = token;
  }

  /** GET `path` and validate the JSON body. */
  async get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const body = await this.#request("GET", path);
    return this.#parse(`GET ${path}`, body, schema);
  }

  /** Like get, but null when the peer refuses this admin (403) or lacks the route (404, older versions). */
  async getIfAllowed<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
    const body = await this.#request("GET", path, undefined, [403, 404]);
    return body === undefined ? null : this.#parse(`GET ${path}`, body, schema);
  }

  /** Like get, but null when the peer lacks the route (404): an older version. */
  async getIfPresent<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
    const body = await this.#request("GET", path, undefined, [404]);
    return body === undefined ? null : this.#parse(`GET ${path}`, body, schema);
  }

  /** POST an HTML form (OAuth2 password flow) and validate the JSON body. */
  async postForm<T>(path: string, form: Record<string, string>, schema: z.ZodType<T>): Promise<T> {
    const body = await this.#request("POST", path, new URLSearchParams(form));
    return this.#parse(`POST ${path}`, body, schema);
  }

  async #request(method: string, path: string, form?: URLSearchParams, tolerated: number[] = []): Promise<unknown> {
    const endpoint = `${method} ${path}`;
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.#bearer) headers.authorization = `Bearer ${this.#bearer}`;
    if (form) headers["content-type"] = "application/x-www-form-urlencoded";
    let response: Response;
    try {
      response = await this.#fetch(`${this.#base}${path}`, { method, headers, body: form?.toString() });
    } catch (error) {
      throw new Error(`${endpoint}: cannot reach ${this.#base}: ${(error as Error).message}`);
    }
    if (tolerated.includes(response.status)) return undefined;
    const text = await response.text();
    if (!response.ok) throw new Error(`${endpoint}: HTTP ${response.status} ${text.slice(0, 200)}`.trim());
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(`${endpoint}: the answer is not JSON: ${text.slice(0, 200)}`);
    }
  }

  #parse<T>(endpoint: string, body: unknown, schema: z.ZodType<T>): T {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new Error(`${endpoint}: unexpected answer: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }
}

/**
 * The path a subscription link sits under, from one the peer handed out: "https://sub.example.com/s/TOKEN"
 * gives "/s/". Operators move these paths (Marzban XRAY_SUBSCRIPTION_PATH, Remnawave behind a
 * reverse proxy); the links in clients' hands carry the real one.
 */
export function subscriptionPathOf(link: string): string | null {
  if (!link) return null;
  const { pathname } = new URL(link, "http://peer.invalid");
  return pathname.slice(0, pathname.lastIndexOf("/") + 1) || null;
}

/** `defaults` plus the paths of the links the peer handed out, each once. */
export const subscriptionPaths = (defaults: string[], links: string[]): string[] => [
  ...new Set([...defaults, ...links.flatMap((l) => subscriptionPathOf(l) ?? [])]),
];
