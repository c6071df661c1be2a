/**
 * Builds the `User.account` TypedMessage for an inbound. The account type follows the inbound's
 * protocol and nothing else: sending, say, a VLESS account to a VMess inbound makes the core
 * panic and exit (an unchecked Go type assertion), taking every user down.
 */
import { shadowsocks2022UserKey } from "../../../../workers/agent/protocol/shadowsocks.ts";
import type protobuf from "protobufjs";
import type { AgentInbound, AgentUser } from "../../../../workers/agent/protocol/messages.ts";
import { userOnInbound } from "../../apply/credentials.ts";
import { CORE_PROFILES, SHADOWSOCKS_CIPHERS, isShadowsocks2022, type CoreKind } from "../profile.ts";

export interface TypedMessageValue {
  type: string;
  value: Uint8Array;
}

export function packTyped(root: protobuf.Root, typeName: string, fields: Record<string, unknown>): TypedMessageValue {
  const type = root.lookupType(typeName);
  // fromObject converts enum names to numbers; verify() on the raw object would reject them.
  return { type: typeName, value: type.encode(type.fromObject(fields)).finish() };
}

export class UnsupportedRuntimeUserError extends Error {
  readonly code = "UNSUPPORTED_RUNTIME_USER";
}

/** The account for `user` on `inbound`, or throws when this core cannot take it at runtime. */
export function accountFor(
  core: CoreKind,
  root: protobuf.Root,
  inbound: AgentInbound,
  user: AgentUser,
): TypedMessageValue {
  const profile = CORE_PROFILES[core];
  const p = profile.protoPrefix;
  if (!profile.runtimeUserProtocols.has(inbound.protocol)) {
    throw new UnsupportedRuntimeUserError(
      `${core} cannot change ${inbound.protocol} users at runtime (inbound ${inbound.tag})`,
    );
  }
  // The user as it meets this inbound: an imported user may hold its own secret, flow or method here.
  const seen = userOnInbound(inbound, user);
  const settings = seen.inbound.protocolSettings;
  switch (inbound.protocol) {
    case "vless": {
      const flow = typeof settings.flow === "string" && core === "xray" ? settings.flow : "";
      // encryption stays empty: it is a client-side setting and the server must not set it.
      return packTyped(root, `${p}.proxy.vless.Account`, { id: seen.user.vlessId, flow });
    }
    case "vmess":
      return packTyped(root, `${p}.proxy.vmess.Account`, { id: seen.user.vmessId });
    case "trojan":
      return packTyped(root, `${p}.proxy.trojan.Account`, { password: seen.user.trojanPassword });
    case "shadowsocks": {
      const method = String(settings.method ?? "");
      if (isShadowsocks2022(method))
        return packTyped(root, `${p}.proxy.shadowsocks_2022.Account`, {
          key: shadowsocks2022UserKey(method, seen.user.shadowsocksPassword),
        });
      const cipher = SHADOWSOCKS_CIPHERS[core][method];
      if (!cipher) throw new UnsupportedRuntimeUserError(`unknown shadowsocks method ${method}`);
      return packTyped(root, `${p}.proxy.shadowsocks.Account`, {
        password: seen.user.shadowsocksPassword,
        cipher_type: cipher,
      });
    }
    case "hysteria2":
      // Only Xray has it (runtimeUserProtocols); the server keys users by this auth string.
      return packTyped(root, `${p}.proxy.hysteria.account.Account`, { auth: seen.user.hysteria2Password });
  }
}
