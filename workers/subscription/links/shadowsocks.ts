import type { Endpoint } from "../endpoint";
import { fragment, urlHost } from "./encode";
import { toBase64Url } from "../../lib/base64";

const base64UrlUtf8 = (text: string) => toBase64Url(new TextEncoder().encode(text));

/**
 * SIP002 for classic AEAD ciphers: userinfo is base64url of `method:password` without padding
 * (a `/` from standard base64 would end the authority in strict URL parsers). SIP022 for
 * shadowsocks-2022: userinfo is percent-encoded `method:serverKey:userKey`, not base64.
 *
 * @example shadowsocksLink(e) // "ss://MjAyMi1i…@1.2.3.4:8388#DE" or "ss://2022-blake3-aes-256-gcm:k1%3D:k2%3D@…"
 */
export function shadowsocksLink(e: Endpoint): string {
  const method = e.method ?? "";
  const userinfo = method.startsWith("2022-")
    ? `${encodeURIComponent(method)}:${e.secret.split(":").map(encodeURIComponent).join(":")}`
    : base64UrlUtf8(`${method}:${e.secret}`);
  return `ss://${userinfo}@${urlHost(e.address)}:${e.port}${fragment(e.remark)}`;
}
