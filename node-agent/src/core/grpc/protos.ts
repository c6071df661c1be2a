/**
 * The core's gRPC API schema, from the .proto files checked in under node-agent/proto/. They are
 * inlined as text (`?raw`) so the single-file bundle needs nothing on disk. One set per core
 * because the package prefix differs (`xray.` vs `v2ray.core.`) and so do Shadowsocks enums.
 */
import protobuf from "protobufjs";
import type { CoreKind } from "../profile.ts";

import v2rayTyped from "../../../proto/v2ray/typed_message.proto?raw";
import v2rayUser from "../../../proto/v2ray/user.proto?raw";
import v2rayStats from "../../../proto/v2ray/stats_command.proto?raw";
import v2rayHandler from "../../../proto/v2ray/proxyman_command.proto?raw";
import v2rayLogger from "../../../proto/v2ray/log_command.proto?raw";
import v2rayVless from "../../../proto/v2ray/vless_account.proto?raw";
import v2rayVmess from "../../../proto/v2ray/vmess_account.proto?raw";
import v2rayTrojan from "../../../proto/v2ray/trojan_account.proto?raw";
import v2raySs from "../../../proto/v2ray/shadowsocks_account.proto?raw";
import xrayTyped from "../../../proto/xray/typed_message.proto?raw";
import xrayUser from "../../../proto/xray/user.proto?raw";
import xrayStats from "../../../proto/xray/stats_command.proto?raw";
import xrayHandler from "../../../proto/xray/proxyman_command.proto?raw";
import xrayLogger from "../../../proto/xray/log_command.proto?raw";
import xrayVless from "../../../proto/xray/vless_account.proto?raw";
import xrayVmess from "../../../proto/xray/vmess_account.proto?raw";
import xrayTrojan from "../../../proto/xray/trojan_account.proto?raw";
import xraySs from "../../../proto/xray/shadowsocks_account.proto?raw";
import xraySs2022 from "../../../proto/xray/shadowsocks_2022_account.proto?raw";
import xrayHysteria from "../../../proto/xray/hysteria_account.proto?raw";

const SOURCES: Record<CoreKind, string[]> = {
  v2ray: [v2rayTyped, v2rayUser, v2rayStats, v2rayHandler, v2rayLogger, v2rayVless, v2rayVmess, v2rayTrojan, v2raySs],
  xray: [
    xrayTyped,
    xrayUser,
    xrayStats,
    xrayHandler,
    xrayLogger,
    xrayVless,
    xrayVmess,
    xrayTrojan,
    xraySs,
    xraySs2022,
    xrayHysteria,
  ],
};

const cache = new Map<CoreKind, protobuf.Root>();

/** Parse every file into one root (imports are by bare file name and all present here). */
export function loadCoreProtos(core: CoreKind): protobuf.Root {
  const hit = cache.get(core);
  if (hit) return hit;
  const root = new protobuf.Root();
  for (const source of SOURCES[core]) protobuf.parse(source, root, { keepCase: true });
  root.resolveAll();
  cache.set(core, root);
  return root;
}
