import type { Endpoint } from "../endpoint";
import { hysteria2Link } from "./hysteria2";
import { shadowsocksLink } from "./shadowsocks";
import { trojanLink } from "./trojan";
import { vlessLink } from "./vless";
import { vmessLink } from "./vmess";

/** The share link for any endpoint, by protocol. */
export function shareLink(e: Endpoint): string {
  switch (e.protocol) {
    case "vless":
      return vlessLink(e);
    case "vmess":
      return vmessLink(e);
    case "trojan":
      return trojanLink(e);
    case "shadowsocks":
      return shadowsocksLink(e);
    case "hysteria2":
      return hysteria2Link(e);
  }
}
