import type { ClientIps } from "../agent/protocol/messages";
import type { Db, Statement } from "../db/client";
import type { PanelEvent } from "../events/catalogue";

/** Statements a usage push adds to record its users' client-address hashes (level 3). (Contract stub.) */
export function clientIpStatements(
  _db: Db,
  _nodeId: number,
  _clientIps: ClientIps[] | undefined,
  _nowSec: number,
): Statement[] {
  return [];
}

/** The cron's account-sharing detection: users over their device limit in distinct addresses. (Contract stub.) */
export async function detectSharing(_db: Db, _nowSec: number): Promise<PanelEvent[]> {
  return [];
}
