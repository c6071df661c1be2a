/**
 * The agent's systemd unit, defined once: install.sh writes it with the node binary it found and
 * the paths it installed to, and node-agent/systemd/vortex-agent.service is this unit with the
 * defaults (a test keeps the two equal).
 */

/** Where a node keeps things when nothing is overridden; install.sh prefixes them with VORTEX_PREFIX. */
export const INSTALL_PATHS = {
  agent: "/usr/local/lib/vortex-agent/vortex-agent.mjs",
  /** A wrapper so `vortex-agent status` works from a root shell. */
  command: "/usr/local/bin/vortex-agent",
  stateDir: "/var/lib/vortex-agent",
  unit: "/etc/systemd/system/vortex-agent.service",
} as const;

/** The proxy cores the agent drives, with their usual binary (node-agent/src/core/profile.ts agrees). */
export const CORE_DEFAULT_BINS = { xray: "/usr/local/bin/xray", v2ray: "/usr/bin/v2ray" } as const;

export interface UnitValues {
  nodeBin: string;
  agent: string;
  stateDir: string;
  core: string;
  coreBin: string;
}

/** The unit's text. Values may be shell expansions ("$NODE_BIN") when install.sh renders it. */
export function systemdUnit(v: UnitValues): string {
  return `# VortexPanel node agent. Installed by the line the panel prints (createServerEnrollment); see node-agent/README.md.
[Unit]
Description=VortexPanel node agent (pulls signed configs, runs the proxy core, pushes usage)
Documentation=https://github.com/vortexpanel/vortexpanel/tree/main/node-agent
Wants=network-online.target
After=network-online.target

[Service]
Type=simple
User=vortex-agent
Group=vortex-agent
ExecStart=${v.nodeBin} --max-semi-space-size=1 ${v.agent} run --state-dir ${v.stateDir} --core ${v.core} --core-bin ${v.coreBin}
# reload (SIGHUP) swaps only the agent, e.g. after an upgrade: it journals and pushes, then
# re-executes itself (same pid) and adopts the running core, so users stay connected.
ExecReload=/bin/kill -HUP $MAINPID
Restart=always
RestartSec=2
# Only the agent gets SIGTERM on stop; it reads the core's counters, pushes them and stops the
# core itself. If the agent dies hard (kill -9, OOM), the core keeps running and the restarted
# agent adopts it (or reads its counters before replacing it): systemd must not kill the whole
# cgroup for that.
KillMode=process
TimeoutStopSec=20
StateDirectory=vortex-agent
StateDirectoryMode=0700
UMask=0077
# CAP_NET_ADMIN: \`ss -K\` (SOCK_DESTROY) to close a cut user's live connections.
# CAP_NET_BIND_SERVICE: the core listens on 443 and friends. Both pass to the core and to ss.
AmbientCapabilities=CAP_NET_ADMIN CAP_NET_BIND_SERVICE
CapabilityBoundingSet=CAP_NET_ADMIN CAP_NET_BIND_SERVICE
NoNewPrivileges=true
ProtectSystem=strict
ProtectHome=true
PrivateTmp=true
ProtectKernelTunables=true
ProtectControlGroups=true
RestrictAddressFamilies=AF_INET AF_INET6 AF_NETLINK AF_UNIX
LimitNOFILE=1048576

[Install]
WantedBy=multi-user.target
`;
}
