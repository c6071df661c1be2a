/**
 * `vortex-agent enroll`: make this node's Ed25519 key pair, register the public key with the
 * panel using the one-time token, and pin the panel's config-signing key. The private key never
 * leaves the state dir (0600).
 */
import { generateSigningKeyPair, importPublicKey } from "../../../workers/agent/protocol/signing.ts";
import { requestEnrollment } from "../edge/client.ts";
import type { HttpRequest } from "../edge/http.ts";
import type { Logger } from "../log/logger.ts";
import type { Identity, StateDir } from "../state/state-dir.ts";

export interface EnrollOptions {
  panelUrl: string;
  token: string;
  state: StateDir;
  agentVersion: string;
  logger: Logger;
  /**
   * The panel's config-signing key as the install line carries it: enrollment refuses a panel
   * that answers with another, so the key pinned is the one the admin was shown.
   */
  expectedPanelPublicKey?: string;
  /** Replace an existing identity (re-enrolling a node). */
  force?: boolean;
  request?: HttpRequest;
}

export async function enroll(options: EnrollOptions): Promise<Identity> {
  const url = new URL(options.panelUrl);
  if (url.protocol !== "https:" && !["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) {
    throw new Error(`panel URL must be https (got ${url.protocol}); plain http is allowed for localhost only`);
  }
  const existing = options.state.readIdentity();
  if (existing && !options.force) {
    throw new Error(
      `already enrolled as node ${existing.nodeId} with ${existing.panelUrl}; pass --force to enroll again`,
    );
  }
  const pair = await generateSigningKeyPair();
  const reply = await requestEnrollment({
    panelUrl: url.origin,
    token: options.token,
    publicKey: pair.publicKey,
    agentVersion: options.agentVersion,
    ...(options.request ? { request: options.request } : {}),
  });
  if (options.expectedPanelPublicKey && reply.panelPublicKey !== options.expectedPanelPublicKey) {
    throw new Error(
      `the panel signs with key ${reply.panelPublicKey}, not with the expected ${options.expectedPanelPublicKey} (--panel-key): not enrolled`,
    );
  }
  // A key that does not import is not worth pinning.
  await importPublicKey(reply.panelPublicKey);
  const identity: Identity = {
    nodeId: reply.nodeId,
    panelUrl: url.origin,
    panelPublicKey: reply.panelPublicKey,
    nodePublicKey: pair.publicKey,
    nodePrivateKey: pair.privateKey,
    enrolledAtSec: Math.floor(Date.now() / 1000),
  };
  options.state.writeIdentity(identity);
  options.logger.info("enroll.done", {
    nodeId: identity.nodeId,
    panelUrl: identity.panelUrl,
    stateDir: options.state.root,
  });
  return identity;
}
