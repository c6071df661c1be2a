/**
 * The agent's state directory: who this node is (key pair, node id, pinned panel key, panel URL)
 * and what it last ran successfully. Everything here is written atomically with 0600 perms
 * because the node private key and user credentials live in it.
 */
import { existsSync, mkdirSync, readFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { configEnvelopeSchema, type ConfigEnvelope } from "../../../workers/agent/protocol/messages.ts";
import { PRIVATE_DIR_MODE, writeFileAtomic } from "./atomic-file.ts";

export const DEFAULT_STATE_DIR = "/var/lib/vortex-agent";

const identitySchema = z.object({
  nodeId: z.number().int().positive(),
  panelUrl: z.string().url(),
  /** Raw Ed25519, base64url: the only key whose signatures on configs this node accepts. */
  panelPublicKey: z.string().min(1),
  nodePublicKey: z.string().min(1),
  /** PKCS#8, base64url. Never logged. */
  nodePrivateKey: z.string().min(1),
  enrolledAtSec: z.number().int(),
});
export type Identity = z.infer<typeof identitySchema>;

/** The last config that was verified and ran: the agent falls back to it on any failure. */
const lastGoodSchema = z.object({
  envelope: configEnvelopeSchema,
  version: z.number().int().min(1),
  appliedAtSec: z.number().int(),
});
export type LastGood = z.infer<typeof lastGoodSchema>;

export class StateDir {
  readonly root: string;

  constructor(root: string = DEFAULT_STATE_DIR) {
    this.root = root;
  }

  get identityPath(): string {
    return join(this.root, "identity.json");
  }
  get lastGoodPath(): string {
    return join(this.root, "last-good-config.json");
  }
  get journalPath(): string {
    return join(this.root, "usage.journal");
  }
  get statusPath(): string {
    return join(this.root, "status.json");
  }
  /** Config outcomes and operation results not yet aged out (agent/reports.ts). */
  get reportsPath(): string {
    return join(this.root, "reports.json");
  }
  get cutPath(): string {
    return join(this.root, "cut-users.json");
  }
  /** The core's own files (rendered config, access log, pid) live apart from the agent's. */
  get coreDir(): string {
    return join(this.root, "core");
  }

  /** Create the directory (0700) if needed; tightens perms of an existing one too. */
  ensure(): void {
    mkdirSync(this.root, { recursive: true, mode: PRIVATE_DIR_MODE });
    chmodSync(this.root, PRIVATE_DIR_MODE);
    mkdirSync(this.coreDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  }

  readIdentity(): Identity | null {
    return this.readJson(this.identityPath, identitySchema);
  }

  writeIdentity(identity: Identity): void {
    this.ensure();
    writeFileAtomic(this.identityPath, `${JSON.stringify(identity, null, 2)}\n`);
  }

  readLastGood(): LastGood | null {
    return this.readJson(this.lastGoodPath, lastGoodSchema);
  }

  writeLastGood(envelope: ConfigEnvelope, version: number, nowSec: number): void {
    this.ensure();
    const record: LastGood = { envelope, version, appliedAtSec: nowSec };
    writeFileAtomic(this.lastGoodPath, `${JSON.stringify(record)}\n`);
  }

  writeJson(path: string, value: unknown): void {
    this.ensure();
    writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
  }

  /** Missing file → null; a present but invalid file is a fault worth stopping for. */
  readJson<T>(path: string, schema: z.ZodType<T>): T | null {
    if (!existsSync(path)) return null;
    const text = readFileSync(path, "utf8");
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`state file ${path} is invalid: ${parsed.error.message}`);
    return parsed.data;
  }
}
