import type { Endpoint } from "../endpoint";
import { clashYaml } from "./clash";
import { base64Links, plainLinks } from "./links";
import { outlineKey } from "./outline";
import { singBoxJson } from "./sing-box";
import { xrayJson } from "./xray-json";

export const FORMATS = ["links", "base64", "xray-json", "sing-box", "clash-meta", "clash", "outline"] as const;
export type Format = (typeof FORMATS)[number];

export const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

/** How each format travels: its media type and the extension of the downloaded file. */
export const FORMAT_MEDIA: Record<Format, { contentType: string; extension: string }> = {
  links: { contentType: "text/plain; charset=utf-8", extension: "txt" },
  base64: { contentType: "text/plain; charset=utf-8", extension: "txt" },
  "xray-json": { contentType: "application/json; charset=utf-8", extension: "json" },
  "sing-box": { contentType: "application/json; charset=utf-8", extension: "json" },
  "clash-meta": { contentType: "text/yaml; charset=utf-8", extension: "yaml" },
  clash: { contentType: "text/yaml; charset=utf-8", extension: "yaml" },
  outline: { contentType: "text/plain; charset=utf-8", extension: "txt" },
};

/**
 * The body of a subscription in `format`, or null when the format has nothing to offer these
 * endpoints (Outline without a classic shadowsocks server).
 */
export function renderFormat(format: Format, endpoints: readonly Endpoint[]): string | null {
  switch (format) {
    case "links":
      return plainLinks(endpoints);
    case "base64":
      return base64Links(endpoints);
    case "xray-json":
      return xrayJson(endpoints);
    case "sing-box":
      return singBoxJson(endpoints);
    case "clash-meta":
    case "clash":
      return clashYaml(format, endpoints);
    case "outline":
      return outlineKey(endpoints);
  }
}
