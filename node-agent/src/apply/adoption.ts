/**
 * Whether a restarted agent may adopt the core its predecessor left running (a crash, kill -9,
 * upgrade, reload or self-update) instead of replacing it, which would cut every user's live
 * connection on the node. The applier records what it believes the core runs after every
 * successful apply (`served.json` beside instance.json); the next process adopts the core only
 * when that record is of this very core instance and the config to run now has the same shape
 * (everything but runtime users) as the one it was started with, rendered by THIS agent version.
 * Users are then brought to the config at runtime, idempotently, so a crash in the middle of
 * runtime user changes converges too.
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { agentInboundSchema, agentUserSchema, routingPolicySchema } from "../../../workers/agent/protocol/messages.ts";
import type { RenderOptions, ServedUsers } from "../core/render.ts";
import type { CoreInstance } from "../core/supervisor.ts";
import { writeFileAtomic } from "../state/atomic-file.ts";
import { planApply, shapeDigest } from "./diff.ts";

/** Beside instance.json in the core's directory. */
export const SERVED_RECORD_FILE = "served.json";

const servedUsersSchema = z.object({
  inbounds: z.array(agentInboundSchema),
  users: z.array(agentUserSchema),
  routing: routingPolicySchema.optional(),
});

const servedRecordSchema = z.object({
  /** The core instance this describes: a record of another instance says nothing about this one. */
  instanceId: z.string(),
  /** shapeDigest() of the config the instance was started with (diff.ts). */
  shapeDigest: z.string(),
  /** The users the core serves, as of the last apply that succeeded. */
  served: servedUsersSchema,
  /** Set while runtime user changes toward this are under way: the core is somewhere between. */
  applying: servedUsersSchema.nullable(),
});
export type ServedRecord = z.infer<typeof servedRecordSchema>;

/** Written atomically: a crash leaves the old record or the new one. */
export function writeServedRecord(path: string, record: ServedRecord): void {
  writeFileAtomic(path, JSON.stringify(record));
}

/** The orphan as the supervisor found it (supervisor.findOrphan). */
export interface Orphan {
  instance: CoreInstance;
  /** Its gRPC API answered: its counters were read and its users can be changed. */
  apiAnswers: boolean;
}

export type AdoptionVerdict =
  | {
      adopt: true;
      reason: string;
      shapeDigest: string;
      /** What the core serves: the record's users, and the ones of an apply cut short, if any. */
      running: ServedUsers;
      interrupted: ServedUsers | null;
    }
  | { adopt: false; reason: string };

/**
 * Decides between adopting `orphan` and replacing it, given the record at `recordPath` and the
 * users the core must serve now (`next`: the last good config minus locally blocked users).
 *
 * @example
 * const verdict = adoptionVerdict(orphan, join(coreDir, SERVED_RECORD_FILE), next, renderOptions);
 * if (verdict.adopt) supervisor.adopt(orphan.instance); else await supervisor.killInstance(orphan.instance);
 */
export function adoptionVerdict(
  orphan: Orphan,
  recordPath: string,
  next: ServedUsers,
  options: RenderOptions,
): AdoptionVerdict {
  if (!orphan.apiAnswers)
    return {
      adopt: false,
      reason: "its API does not answer, so its users cannot be changed nor its counters read",
    };
  if (!existsSync(recordPath))
    return { adopt: false, reason: `no record of the users applied to it (${recordPath} is missing)` };
  let record: ServedRecord;
  try {
    record = servedRecordSchema.parse(JSON.parse(readFileSync(recordPath, "utf8")));
  } catch (err) {
    return {
      adopt: false,
      reason: `its record of applied users is unreadable: ${(err as Error).message.slice(0, 200)}`,
    };
  }
  if (record.instanceId !== orphan.instance.instanceId)
    return {
      adopt: false,
      reason: `the record of applied users is of core instance ${record.instanceId}, not of this one (a restart was cut short)`,
    };
  const digest = shapeDigest(next, options);
  if (digest !== record.shapeDigest) {
    const plan = planApply(record.served, next, options);
    return {
      adopt: false,
      reason: plan.restart
        ? `the config to run needs a restart: ${plan.restartReasons.join("; ")}`
        : "this agent renders the config differently from the one the core was started with (another agent version or other render options)",
    };
  }
  return {
    adopt: true,
    reason: record.applying
      ? "it runs the last good config's inbounds and routing; a runtime user change was cut short and is redone"
      : "it runs the last good config's inbounds and routing; users are brought to that config at runtime",
    shapeDigest: digest,
    running: record.served,
    interrupted: record.applying,
  };
}
