/**
 * Client apps the page suggests per platform, and the deep links that import a subscription URL
 * into each (the schemes the apps register).
 */
import { textToBase64 } from "../lib/base64";

export type Platform = "android" | "ios" | "windows" | "macos" | "linux";

export interface ClientApp {
  name: string;
  platforms: Platform[];
  /** Where to get it. */
  url: string;
  /** The import deep link for a subscription URL, if the app has one. */
  importLink?: (subscriptionUrl: string, name: string) => string;
}

const enc = encodeURIComponent;
const b64 = textToBase64;

export const CLIENT_APPS: ClientApp[] = [
  {
    name: "Happ",
    platforms: ["android", "ios", "windows", "macos"],
    url: "https://www.happ.su/",
    importLink: (u) => `happ://add/${u}`,
  },
  {
    name: "v2RayTun",
    platforms: ["android", "ios", "windows"],
    url: "https://v2raytun.com/",
    importLink: (u) => `v2raytun://import/${u}`,
  },
  {
    name: "Hiddify",
    platforms: ["android", "ios", "windows", "macos", "linux"],
    url: "https://github.com/hiddify/hiddify-app/releases",
    importLink: (u, n) => `hiddify://import/${u}#${enc(n)}`,
  },
  {
    name: "v2rayNG",
    platforms: ["android"],
    url: "https://github.com/2dust/v2rayNG/releases",
    importLink: (u) => `v2rayng://install-sub?url=${enc(u)}`,
  },
  {
    name: "Streisand",
    platforms: ["ios", "macos"],
    url: "https://apps.apple.com/app/id6450534064",
    importLink: (u) => `streisand://import/${u}`,
  },
  {
    name: "Shadowrocket",
    platforms: ["ios", "macos"],
    url: "https://apps.apple.com/app/id932747118",
    importLink: (u) => `sub://${b64(u)}`,
  },
  { name: "v2rayN", platforms: ["windows", "linux", "macos"], url: "https://github.com/2dust/v2rayN/releases" },
  {
    name: "Clash Verge",
    platforms: ["windows", "macos", "linux"],
    url: "https://github.com/clash-verge-rev/clash-verge-rev/releases",
    importLink: (u, n) => `clash://install-config?url=${enc(u)}&name=${enc(n)}`,
  },
  {
    name: "FlClash",
    platforms: ["android", "windows", "macos", "linux"],
    url: "https://github.com/chen08209/FlClash/releases",
    importLink: (u, n) => `clash://install-config?url=${enc(u)}&name=${enc(n)}`,
  },
  {
    name: "sing-box",
    platforms: ["android", "ios", "macos"],
    url: "https://sing-box.sagernet.org/clients/",
    importLink: (u, n) => `sing-box://import-remote-profile?url=${enc(u)}#${enc(n)}`,
  },
  {
    name: "Karing",
    platforms: ["android", "ios", "windows", "macos"],
    url: "https://karing.app/",
    importLink: (u, n) => `karing://install-config?url=${enc(u)}&name=${enc(n)}`,
  },
];

export const PLATFORMS: { id: Platform; label: string }[] = [
  { id: "android", label: "Android" },
  { id: "ios", label: "iOS" },
  { id: "windows", label: "Windows" },
  { id: "macos", label: "macOS" },
  { id: "linux", label: "Linux" },
];
