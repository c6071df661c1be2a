/**
 * Which format a request gets: ordered, admin-editable rules over request headers. The first rule
 * whose conditions hold decides — serve a format (or the browser page), block (403) or answer 404.
 * With no match the client gets base64 links, which every client on the list can import.
 */
import { z } from "zod";
import { FORMATS, type Format } from "./formats";

export const RULE_TARGETS = [...FORMATS, "page"] as const;
export type RuleTarget = (typeof RULE_TARGETS)[number];
export const RULE_ACTIONS = ["serve", "block", "not_found"] as const;
export const MATCH_OPERATORS = ["contains", "equals", "regex"] as const;

/** Header values are cut to this before matching, bounding what an admin's regex can cost per request. */
export const MAX_MATCHED_HEADER_LENGTH = 512;

const conditionSchema = z.object({
  header: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]{1,64}$/, "must be an HTTP header name"),
  operator: z.enum(MATCH_OPERATORS),
  value: z.string().min(1, "must not be empty").max(200),
  caseSensitive: z.boolean().default(false),
});

export const ruleSchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(64),
    match: z.enum(["all", "any"]).default("all"),
    conditions: z.array(conditionSchema).min(1, "needs at least one condition").max(10),
    action: z.enum(RULE_ACTIONS),
    format: z.enum(RULE_TARGETS).nullish(),
  })
  .superRefine((rule, ctx) => {
    if (rule.action === "serve" && !rule.format)
      ctx.addIssue({ code: "custom", path: ["format"], message: "a SERVE rule needs a format" });
    if (rule.action !== "serve" && rule.format)
      ctx.addIssue({ code: "custom", path: ["format"], message: "only SERVE rules take a format" });
    for (const [i, c] of rule.conditions.entries()) {
      if (c.operator !== "regex") continue;
      try {
        new RegExp(c.value);
      } catch (error) {
        ctx.addIssue({
          code: "custom",
          path: ["conditions", i, "value"],
          message: `not a valid regular expression: ${(error as Error).message}`,
        });
      }
    }
  });

export const rulesSchema = z.array(ruleSchema).max(50, "at most 50 rules");
export type FormatRule = z.output<typeof ruleSchema>;
export type RuleCondition = FormatRule["conditions"][number];

const ua = (name: string, pattern: string, format: RuleTarget): FormatRule => ({
  name,
  match: "all",
  conditions: [{ header: "user-agent", operator: "regex", value: pattern, caseSensitive: false }],
  action: "serve",
  format,
});

/**
 * The defaults, from what the clients send and what each imports best (see the subscription
 * conventions reference). Clients that import share links are listed by name, so an admin can
 * move one to Xray JSON without writing a pattern.
 */
export const DEFAULT_RULES: FormatRule[] = [
  {
    name: "Browsers",
    match: "all",
    conditions: [{ header: "accept", operator: "contains", value: "text/html", caseSensitive: false }],
    action: "serve",
    format: "page",
  },
  ua(
    "mihomo: Clash Verge, FlClash, Clash Meta and kin",
    "^(clash-verge|clash[-.]?meta|clashx meta|clash-nyanpasu|flclash|mihomo|koala-clash|prizrak-box|flowvy|murge)",
    "clash-meta",
  ),
  ua("Stash", "^stash", "clash"),
  ua("Clash", "^clash", "clash"),
  ua("sing-box apps (SFA, SFI, SFM, SFT) and Karing", "^(sfa|sfi|sfm|sft)\\b|^sing-?box|^karing", "sing-box"),
  ua("Outline", "^(outline|shadowsocks|ssconf|ss|ssr|ssd|sss)\\b", "outline"),
  ua("v2rayN", "^v2rayn/", "base64"),
  ua("v2rayNG", "^v2rayng/", "base64"),
  ua("Streisand", "^streisand", "base64"),
  ua("Shadowrocket", "^shadowrocket", "base64"),
  ua("Hiddify", "^hiddify", "base64"),
  ua("NekoBox", "^neko(box|ray)", "base64"),
  ua("Happ", "^happ/", "base64"),
  ua("v2RayTun", "^v2raytun", "base64"),
];

export type RuleDecision =
  | { action: "serve"; format: Format | "page"; rule: string | null }
  | { action: "block" | "not_found"; rule: string };

type Compiled = { rule: FormatRule; tests: ((headers: Headers) => boolean)[] };

function compileCondition(c: RuleCondition): (headers: Headers) => boolean {
  const read = (headers: Headers) => {
    const raw = headers.get(c.header);
    if (raw === null) return null;
    const value = raw.slice(0, MAX_MATCHED_HEADER_LENGTH);
    return c.caseSensitive || c.operator === "regex" ? value : value.toLowerCase();
  };
  if (c.operator === "regex") {
    const pattern = new RegExp(c.value, c.caseSensitive ? "" : "i");
    return (headers) => {
      const value = read(headers);
      return value !== null && pattern.test(value);
    };
  }
  const expected = c.caseSensitive ? c.value : c.value.toLowerCase();
  return c.operator === "equals"
    ? (headers) => read(headers) === expected
    : (headers) => read(headers)?.includes(expected) ?? false;
}

/**
 * Rules compiled once per isolate for each rule list: the defaults are one constant array and
 * stored rules are parsed once per settings text (plan.ts), so the same array comes back.
 */
const compiledCache = new WeakMap<readonly FormatRule[], Compiled[]>();

function compile(rules: readonly FormatRule[]): Compiled[] {
  let compiled = compiledCache.get(rules);
  if (!compiled) {
    compiled = rules.map((rule) => ({ rule, tests: rule.conditions.map(compileCondition) }));
    compiledCache.set(rules, compiled);
  }
  return compiled;
}

/**
 * The first matching rule's decision for these request headers.
 *
 * @example chooseFormat(DEFAULT_RULES, new Headers({ "user-agent": "mihomo/1.18" })) // { action: "serve", format: "clash-meta", … }
 */
export function chooseFormat(rules: readonly FormatRule[], headers: Headers): RuleDecision {
  for (const { rule, tests } of compile(rules)) {
    const hit = rule.match === "any" ? tests.some((t) => t(headers)) : tests.every((t) => t(headers));
    if (!hit) continue;
    if (rule.action === "serve") return { action: "serve", format: rule.format!, rule: rule.name };
    return { action: rule.action, rule: rule.name };
  }
  return { action: "serve", format: "base64", rule: null };
}

/** Stored rules, or the defaults when none are stored or the stored value no longer validates. */
export function rulesFromStored(value: unknown): FormatRule[] {
  if (value === undefined || value === null) return DEFAULT_RULES;
  const parsed = rulesSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_RULES;
}
