/**
 * The agent release a node installs: the bundle among the panel's static assets, and a manifest
 * that signs its SHA-256 with the panel's config-signing key — the key the install line carries
 * and `vortex-agent enroll` pins — so a node checks the download against the panel, not against
 * the channel it came over.
 */
import { DomainError } from "../errors/domain-error";
import { toBase64Url } from "../lib/base64";
import { sha256Hex } from "../lib/sha256";
import type { PanelSigningKey } from "../agent/keys";

/** Where the SPA build puts the bundle (web/vite.config.ts) and where nodes download it from. */
export const AGENT_DOWNLOAD_PATH = "/downloads/vortex-agent.mjs";

/** Domain separation: a release signature can never pass for a config or request signature. */
export const RELEASE_SIGNING_CONTEXT = "VORTEX-AGENT-RELEASE-V1";

export interface ReleaseManifest {
  path: string;
  /** Lower-case hex SHA-256 of the bundle's bytes. */
  sha256: string;
  sizeBytes: number;
  /** Ed25519 over releaseSigningText(sha256), base64url. */
  signature: string;
  /** The raw public key that made the signature, base64url: lets the installer name a mismatch. */
  panelPublicKey: string;
}

/** The exact text the panel signs for a release; install.sh rebuilds it byte for byte. */
export function releaseSigningText(sha256: string): string {
  return `${RELEASE_SIGNING_CONTEXT}\n${sha256}`;
}

export async function signRelease(bytes: Uint8Array<ArrayBuffer>, key: PanelSigningKey): Promise<ReleaseManifest> {
  const sha256 = await sha256Hex(bytes);
  const signature = new Uint8Array(
    await crypto.subtle.sign({ name: "Ed25519" }, key.privateKey, new TextEncoder().encode(releaseSigningText(sha256))),
  );
  return {
    path: AGENT_DOWNLOAD_PATH,
    sha256,
    sizeBytes: bytes.byteLength,
    signature: toBase64Url(signature),
    panelPublicKey: key.publicKey,
  };
}

let memo: { etag: string; publicKey: string; manifest: ReleaseManifest } | undefined;

/**
 * The manifest of the bundle the assets serve right now. Hashing and signing a ~1 MB file runs
 * once per bundle version (its ETag) and key in an isolate, not on every install.
 */
export async function currentRelease(
  assets: { fetch(request: Request): Promise<Response> },
  requestUrl: string,
  key: PanelSigningKey,
): Promise<ReleaseManifest> {
  const response = await assets.fetch(new Request(new URL(AGENT_DOWNLOAD_PATH, requestUrl)));
  // An SPA fallback answering for a missing bundle would have the panel sign its index.html.
  if (!response.ok || (response.headers.get("content-type") ?? "").startsWith("text/html")) {
    await response.body?.cancel();
    throw new DomainError(
      "NOT_FOUND",
      `the agent bundle is not among the panel's assets (${AGENT_DOWNLOAD_PATH}); build it with npm run build:web`,
    );
  }
  const etag = response.headers.get("etag");
  const known = memo;
  if (etag && known?.etag === etag && known.publicKey === key.publicKey) {
    await response.body?.cancel();
    return known.manifest;
  }
  const manifest = await signRelease(new Uint8Array(await response.arrayBuffer()), key);
  if (etag) memo = { etag, publicKey: key.publicKey, manifest };
  return manifest;
}
