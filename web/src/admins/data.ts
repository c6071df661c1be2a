/** The Admins page's reads and changes; each change names the reads it makes stale. */
import { request } from "../api/client";
import { SetIpAllowlist } from "../graphql/account";
import {
  Admins,
  CreateAdmin,
  DeleteAdmin,
  LinkOidcIdentity,
  OidcIdentities,
  TopUpResellerQuota,
  UnlinkOidcIdentity,
  UpdateAdmin,
} from "../graphql/admins";
import type { CreateAdminInput, LinkOidcIdentityInput, UpdateAdminInput } from "../graphql/generated/graphql";
import { mutation, signedInQuery } from "../lib/query";

export const adminsQuery = signedInQuery(async () => (await request(Admins)).admins, "admins");
export const identitiesQuery = signedInQuery(
  async () => (await request(OidcIdentities)).oidcIdentities,
  "oidcIdentities",
);

export const createAdmin = mutation((input: CreateAdminInput) => request(CreateAdmin, { input }), "createAdmin", [
  adminsQuery,
]);
export const updateAdmin = mutation(
  (id: string, input: UpdateAdminInput) => request(UpdateAdmin, { id, input }),
  "updateAdmin",
  [adminsQuery],
);
export const topUpQuota = mutation(
  (adminId: string, bytes: number) => request(TopUpResellerQuota, { adminId, bytes }),
  "topUpQuota",
  [adminsQuery],
);
export const deleteAdmin = mutation((id: string) => request(DeleteAdmin, { id }), "deleteAdmin", [adminsQuery]);
export const setAdminNetworks = mutation(
  (adminId: string, cidrs: string[]) => request(SetIpAllowlist, { adminId, cidrs }),
  "setAdminNetworks",
  [adminsQuery],
);
export const linkIdentity = mutation(
  (input: LinkOidcIdentityInput) => request(LinkOidcIdentity, { input }),
  "linkIdentity",
  [identitiesQuery],
);
export const unlinkIdentity = mutation((id: string) => request(UnlinkOidcIdentity, { id }), "unlinkIdentity", [
  identitiesQuery,
]);
