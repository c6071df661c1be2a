/** Nodes' reads and changes; each change names the reads it makes stale. */
import { request } from "../api/client";
import type { CreateServerInput } from "../graphql/generated/graphql";
import { CreateServer, CreateServerEnrollment, DeleteServer, Servers } from "../graphql/nodes";
import { mutation, signedInQuery } from "../lib/query";

export const serversQuery = signedInQuery(() => request(Servers), "servers");

/** A new node and its first enrollment command, which the admin runs on that host. */
export const addNode = mutation(
  async (input: CreateServerInput) => {
    const { createServer } = await request(CreateServer, { input });
    return (await request(CreateServerEnrollment, { id: createServer.id })).createServerEnrollment;
  },
  "addNode",
  [serversQuery],
);
export const deleteNode = mutation((id: string) => request(DeleteServer, { id }), "deleteNode", [serversQuery]);
