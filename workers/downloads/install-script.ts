/**
 * The node install line the panel prints, and the script it runs (served at /agent/install.sh).
 *
 * Trust: the line reaches the admin over the panel's authenticated API and carries two pins —
 * the SHA-256 of install.sh and the panel's config-signing public key. The script is checked
 * against the first before it runs; the agent it downloads is checked against a manifest signed
 * with the second (release.ts), and `vortex-agent enroll --panel-key` pins that same key. A
 * tampered script, agent or panel key is refused before anything is installed.
 */
import { z } from "zod";
import { parseInput } from "../errors/validate";
import { sha256Hex } from "../lib/sha256";
import { AGENT_DOWNLOAD_PATH, RELEASE_SIGNING_CONTEXT } from "./release";
import { CORE_DEFAULT_BINS, INSTALL_PATHS, systemdUnit } from "./systemd-unit";

export const INSTALL_SCRIPT_PATH = "/agent/install.sh";
export const RELEASE_MANIFEST_PATH = "/agent/release.json";
/** Node majors below this cannot run the agent bundle (esbuild target node22, WebCrypto Ed25519). */
export const MIN_NODE_MAJOR = 22;

const NODE_HOWTO = "curl -fsSL https://deb.nodesource.com/setup_22.x | bash - && apt-get install -y nodejs";
const CORE_HOWTO = {
  xray: 'bash -c "$(curl -fsSL https://github.com/XTLS/Xray-install/raw/main/install-release.sh)" @ install',
  v2ray: "apt-get install -y v2ray",
};

/**
 * Everything interpolated into the line, held to shapes that need no escaping inside single
 * quotes: an origin of scheme, host and port only; base64url tokens and keys; a hex digest.
 */
const ORIGIN_PATTERN = /^https?:\/\/(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;
const installLineSchema = z.object({
  origin: z.string().regex(ORIGIN_PATTERN, "must be scheme://host[:port]"),
  token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, "must be base64url"),
  panelPublicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be a raw Ed25519 key, base64url"),
});
export type InstallLineInput = z.input<typeof installLineSchema>;

/** Node code for install.sh's signature check; no single quotes (it sits inside '…'). */
const VERIFY_JS = [
  `const fs = require("node:fs"), crypto = require("node:crypto");`,
  `const [file, manifestFile, key] = process.argv.slice(1);`,
  `const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));`,
  `const sha256 = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");`,
  `if (manifest.panelPublicKey !== key) { console.error("the panel signs with key " + manifest.panelPublicKey + ", not with the key in this command (" + key + ")"); process.exit(1); }`,
  `const publicKey = crypto.createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: key }, format: "jwk" });`,
  `const signed = crypto.verify(null, Buffer.from(${JSON.stringify(RELEASE_SIGNING_CONTEXT)} + "\\n" + sha256), publicKey, Buffer.from(String(manifest.signature), "base64url"));`,
  `if (!signed || manifest.sha256 !== sha256) { console.error("the downloaded agent (sha256 " + sha256 + ") is not the release the panel signed"); process.exit(1); }`,
  `console.log(sha256);`,
].join(" ");

/** Run as root: `bash install.sh <panel-origin> <enrollment-token> <panel-public-key>`. */
export const INSTALL_SCRIPT = `#!/usr/bin/env bash
# VortexPanel node install. Run by the one line the panel prints (Nodes page); safe to re-run.
# Checks Node.js >= ${MIN_NODE_MAJOR} and the proxy core, installs the agent after checking it against
# the panel's signing key, creates the service user, state dir and systemd unit, enrolls, starts.
# Environment:
#   VORTEX_CORE=xray|v2ray   the core the agent runs (default xray)
#   VORTEX_CORE_BIN=PATH     its binary (default ${CORE_DEFAULT_BINS.xray}, or ${CORE_DEFAULT_BINS.v2ray} for v2ray)
#   VORTEX_PREFIX=DIR        install under DIR instead of / (tests)
#   VORTEX_NO_SYSTEMD=1      no service user, no systemctl: files only (tests, containers)
#   VORTEX_FORCE_ENROLL=1    enroll again although this host already is
set -euo pipefail
umask 022

say() { printf 'vortex-install: %s\\n' "$*"; }
fail() { printf 'vortex-install: %s\\n' "$*" >&2; exit 1; }

[ "$#" -eq 3 ] || fail "usage: install.sh <panel-url> <enrollment-token> <panel-public-key>"
PANEL="$1" TOKEN="$2" PANEL_KEY="$3"
ORIGIN_RE='^https?://[][A-Za-z0-9.:-]+$'
[[ "$PANEL" =~ $ORIGIN_RE ]] || fail "not a panel origin: $PANEL"
[[ "$TOKEN" =~ ^[A-Za-z0-9_-]+$ ]] || fail "malformed enrollment token"
[[ "$PANEL_KEY" =~ ^[A-Za-z0-9_-]{43}$ ]] || fail "malformed panel key"
[ "$(id -u)" -eq 0 ] || fail "run it as root (sudo -i, then paste the line again)"

PREFIX="\${VORTEX_PREFIX:-}"
CORE="\${VORTEX_CORE:-xray}"
case "$CORE" in
  xray) CORE_BIN="\${VORTEX_CORE_BIN:-${CORE_DEFAULT_BINS.xray}}" CORE_HOWTO='${CORE_HOWTO.xray}' ;;
  v2ray) CORE_BIN="\${VORTEX_CORE_BIN:-${CORE_DEFAULT_BINS.v2ray}}" CORE_HOWTO='${CORE_HOWTO.v2ray}' ;;
  *) fail "VORTEX_CORE must be xray or v2ray, not $CORE" ;;
esac
AGENT="$PREFIX${INSTALL_PATHS.agent}"
COMMAND="$PREFIX${INSTALL_PATHS.command}"
STATE_DIR="$PREFIX${INSTALL_PATHS.stateDir}"
UNIT="$PREFIX${INSTALL_PATHS.unit}"

# 1. What the agent needs and cannot install for you. Nothing is changed before these pass.
NODE_BIN="$(command -v node || true)"
[ -n "$NODE_BIN" ] || fail "Node.js >= ${MIN_NODE_MAJOR} is required and none is on PATH. Install it (Debian/Ubuntu, as root): ${NODE_HOWTO}"
NODE_MAJOR="$("$NODE_BIN" -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" -ge ${MIN_NODE_MAJOR} ] || fail "Node.js >= ${MIN_NODE_MAJOR} is required; $NODE_BIN is $("$NODE_BIN" --version). Install a newer one (Debian/Ubuntu, as root): ${NODE_HOWTO}"
NODE_BIN="$(readlink -f "$NODE_BIN")"
# The unit has ProtectHome=true: a Node under a home directory (nvm) is invisible to the service.
if [ -z "\${VORTEX_NO_SYSTEMD:-}" ]; then
  case "$NODE_BIN" in /root/* | /home/*) fail "$NODE_BIN is under a home directory, which the service cannot read. Install Node.js system-wide (Debian/Ubuntu, as root): ${NODE_HOWTO}" ;; esac
fi
[ -x "$CORE_BIN" ] || fail "the $CORE core is not at $CORE_BIN. Install it (as root): $CORE_HOWTO  (or set VORTEX_CORE_BIN)"
command -v ss >/dev/null || fail "ss is missing (it closes cut users' connections). Install it: apt-get install -y iproute2"

# 2. The agent, checked against the key in the command before it is installed.
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
curl -fsSL "$PANEL${AGENT_DOWNLOAD_PATH}" -o "$WORK/vortex-agent.mjs" || fail "could not download $PANEL${AGENT_DOWNLOAD_PATH}"
curl -fsSL "$PANEL${RELEASE_MANIFEST_PATH}" -o "$WORK/release.json" || fail "could not download $PANEL${RELEASE_MANIFEST_PATH}"
SHA256="$("$NODE_BIN" -e '${VERIFY_JS}' "$WORK/vortex-agent.mjs" "$WORK/release.json" "$PANEL_KEY")" || fail "refused the download: nothing was installed"
install -D -m 0755 "$WORK/vortex-agent.mjs" "$AGENT"
install -d -m 0755 "$(dirname "$COMMAND")"
printf '#!/bin/sh\\nexec "%s" "%s" "$@"\\n' "$NODE_BIN" "$AGENT" > "$COMMAND"
chmod 0755 "$COMMAND"
say "agent sha256 $SHA256 verified against the panel key; installed at $AGENT"

# 3. Who runs it and where its state lives.
if [ -z "\${VORTEX_NO_SYSTEMD:-}" ] && ! id -u vortex-agent >/dev/null 2>&1; then
  useradd --system --home-dir ${INSTALL_PATHS.stateDir} --no-create-home --shell /usr/sbin/nologin vortex-agent
  say "created the system user vortex-agent"
fi
install -d -m 0700 "$STATE_DIR"
# The agent just installed is the one to run: a release an earlier updateAgent committed in the
# state dir would otherwise take over from it at start (node-agent/README.md "Remote operations").
rm -f "$STATE_DIR/agent/current.json" "$STATE_DIR/agent/trial.json"

# 4. Enroll: a new node key pair, registered with the one-time token; the panel key pinned.
if [ -s "$STATE_DIR/identity.json" ] && [ -z "\${VORTEX_FORCE_ENROLL:-}" ]; then
  say "already enrolled ($STATE_DIR/identity.json); VORTEX_FORCE_ENROLL=1 enrolls again with a new token"
else
  # base64url keys and tokens may start with "-": "--opt=value" and "--" keep them from reading as options.
  "$NODE_BIN" "$AGENT" enroll --state-dir "$STATE_DIR" --panel-key="$PANEL_KEY" \${VORTEX_FORCE_ENROLL:+--force} -- "$PANEL" "$TOKEN"
fi
[ -n "\${VORTEX_NO_SYSTEMD:-}" ] || chown -R vortex-agent:vortex-agent "$STATE_DIR"

# 5. The service, run by the node binary found above.
# A re-run on an installed host reloads the agent (it swaps itself and keeps the core, so users
# stay connected) when the installed unit already has ExecReload, meaning the running agent
# handles SIGHUP, and its command line is unchanged; otherwise it restarts it.
RELOAD=""
if grep -qs '^ExecReload=' "$UNIT"; then RELOAD="$(sed -n 's/^ExecStart=//p' "$UNIT")"; fi
install -d -m 0755 "$(dirname "$UNIT")"
cat > "$UNIT.tmp" <<UNIT
${systemdUnit({ nodeBin: "$NODE_BIN", agent: "$AGENT", stateDir: "$STATE_DIR", core: "$CORE", coreBin: "$CORE_BIN" })
  .replace(/`/g, "\\`")
  .replace(/\$MAINPID/g, "\\$MAINPID")}UNIT
[ "$RELOAD" = "$(sed -n 's/^ExecStart=//p' "$UNIT.tmp")" ] || RELOAD=""
mv "$UNIT.tmp" "$UNIT"
say "wrote $UNIT"
if [ -n "\${VORTEX_NO_SYSTEMD:-}" ]; then
  say "VORTEX_NO_SYSTEMD is set: not starting it. Run: $(sed -n 's/^ExecStart=//p' "$UNIT")"
  exit 0
fi
# A distribution's own core service would hold the ports: the agent runs the core itself.
systemctl disable --now xray v2ray >/dev/null 2>&1 || true
systemctl daemon-reload
if ! systemctl is-active --quiet vortex-agent; then
  systemctl enable --now vortex-agent
elif [ -n "$RELOAD" ] && systemctl reload vortex-agent; then
  say "reloaded the running agent: the core kept running, users stayed connected"
else
  systemctl restart vortex-agent
fi
say "vortex-agent is running: systemctl status vortex-agent; journalctl -u vortex-agent -f"
`;

let scriptSha256: Promise<string> | undefined;

/**
 * The line for a node's root shell. The script lands in a private temp file, must match the
 * pinned hash, and gets the origin, token and key as separate single-quoted arguments.
 *
 * @example installLine({ origin: "https://panel.example.com", token, panelPublicKey })
 */
export async function installLine(input: InstallLineInput): Promise<string> {
  const { origin, token, panelPublicKey } = parseInput(installLineSchema, input);
  scriptSha256 ??= sha256Hex(INSTALL_SCRIPT);
  const sha = await scriptSha256;
  return (
    `(f="$(mktemp)" && trap 'rm -f "$f"' EXIT && curl -fsSL '${origin}${INSTALL_SCRIPT_PATH}' -o "$f" && ` +
    `echo "${sha}  $f" | sha256sum -c --quiet - && bash "$f" '${origin}' '${token}' '${panelPublicKey}')`
  );
}
