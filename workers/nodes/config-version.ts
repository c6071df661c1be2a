import { sql } from "drizzle-orm";
import { rawStatement, type Db } from "../db/client";

/*
 * Every admin write that changes what a node must serve bumps that node's config version in the
 * same batch as the write, so a node can never miss a change. Ids travel as one JSON parameter:
 * D1 allows only 100 bound parameters per statement.
 */

export function bumpNodes(db: Db, nodeIds: number[]) {
  return rawStatement(db, sql`UPDATE nodes SET config_version = config_version + 1, updated_at = unixepoch()
    WHERE id IN (SELECT value FROM json_each(${JSON.stringify(nodeIds)}))`);
}

export function bumpNodesServingInbounds(db: Db, inboundIds: number[]) {
  return rawStatement(db, sql`UPDATE nodes SET config_version = config_version + 1, updated_at = unixepoch()
    WHERE id IN (SELECT node_id FROM node_inbounds
      WHERE inbound_id IN (SELECT value FROM json_each(${JSON.stringify(inboundIds)})))`);
}

export function bumpNodesServingGroups(db: Db, groupIds: number[]) {
  return rawStatement(db, sql`UPDATE nodes SET config_version = config_version + 1, updated_at = unixepoch()
    WHERE id IN (SELECT ni.node_id FROM node_inbounds ni
      JOIN group_inbounds gi ON gi.inbound_id = ni.inbound_id
      WHERE gi.group_id IN (SELECT value FROM json_each(${JSON.stringify(groupIds)})))`);
}

export function bumpNodesServingUsers(db: Db, userIds: number[]) {
  return rawStatement(db, sql`UPDATE nodes SET config_version = config_version + 1, updated_at = unixepoch()
    WHERE id IN (SELECT ni.node_id FROM node_inbounds ni
      JOIN group_inbounds gi ON gi.inbound_id = ni.inbound_id
      JOIN user_groups ug ON ug.group_id = gi.group_id
      WHERE ug.user_id IN (SELECT value FROM json_each(${JSON.stringify(userIds)})))`);
}
