import { sql, type SQL } from "drizzle-orm";
import { derivedStatusSql } from "../users/status-sql";
import { nodeBumpStatement, type Db } from "../db/client";

/*
 * Every admin write that changes what a node must serve bumps that node's config version in the
 * same batch as the write, so a node can never miss a change. Ids travel as one JSON parameter:
 * D1 allows only 100 bound parameters per statement. Each bump returns the nodes it moved, which
 * runBatch hands to the handle's notifier to wake those nodes' long-polling agents.
 */
const bumpSet = sql.raw(`config_version = config_version + 1, updated_at = unixepoch()`);
const returning = sql.raw(`RETURNING id AS "nodeId", config_version AS "version"`);

/** For panel-wide changes every node serves (the routing policy). */
export function bumpAllNodes(db: Db) {
  return nodeBumpStatement(db, sql`UPDATE nodes SET ${bumpSet} ${returning}`);
}

/** Bumps the nodes whose ids `nodeIds` (a subquery) selects. */
function bumpNodesIn(db: Db, nodeIds: SQL) {
  return nodeBumpStatement(db, sql`UPDATE nodes SET ${bumpSet} WHERE id IN (${nodeIds}) ${returning}`);
}

/** Ids bound as one JSON parameter and read back as rows. */
const jsonIds = (ids: number[]) => sql`SELECT value FROM json_each(${JSON.stringify(ids)})`;

/** Nodes with the groups that reach them through their inbounds, joined as ni and gi. */
const nodesByGroup = sql.raw(
  `SELECT ni.node_id FROM node_inbounds ni JOIN group_inbounds gi ON gi.inbound_id = ni.inbound_id`,
);

export function bumpNodes(db: Db, nodeIds: number[]) {
  return bumpNodesIn(db, jsonIds(nodeIds));
}

export function bumpNodesServingInbounds(db: Db, inboundIds: number[]) {
  return bumpNodesIn(db, sql`SELECT node_id FROM node_inbounds WHERE inbound_id IN (${jsonIds(inboundIds)})`);
}

export function bumpNodesServingGroups(db: Db, groupIds: number[]) {
  return bumpNodesIn(db, sql`${nodesByGroup} WHERE gi.group_id IN (${jsonIds(groupIds)})`);
}

export function bumpNodesServingUsers(db: Db, userIds: number[]) {
  return bumpNodesIn(
    db,
    sql`${nodesByGroup} JOIN user_groups ug ON ug.group_id = gi.group_id WHERE ug.user_id IN (${jsonIds(userIds)})`,
  );
}

/**
 * Bumps nodes serving any of `userIds` (an SQL list) whose stored status is about to change:
 * run it after usage is added and before the status is rewritten.
 */
export function bumpNodesServingUsersWhoseStatusChanges(db: Db, userIds: SQL, nowSec: number) {
  return bumpNodesIn(
    db,
    sql`${nodesByGroup} JOIN user_groups ug ON ug.group_id = gi.group_id JOIN users ON users.id = ug.user_id
      WHERE users.id IN ${userIds} AND users.status != ${derivedStatusSql(nowSec)}`,
  );
}
