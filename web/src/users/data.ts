/** Users' reads and changes; each change names the reads it makes stale. */
import { request } from "../api/client";
import { TrafficSeries } from "../graphql/dashboard";
import type {
  CreateUserInput,
  TrafficRange,
  UpdateUserInput,
  UserRowFragment,
  UsersPageQueryVariables,
} from "../graphql/generated/graphql";
import { Groups } from "../graphql/groups";
import {
  AdminChoices,
  CreateUser,
  DeleteUser,
  RemoveUserDevice,
  ResetUserUsage,
  RotateSubscriptionToken,
  RotateUserCredentials,
  UpdateUser,
  UserDetail,
  UserFilterChoices,
  UsersPage,
} from "../graphql/users";
import { runBulk } from "../lib/bulk";
import { mutation, signedInQuery } from "../lib/query";

export const usersQuery = signedInQuery(
  async (variables: UsersPageQueryVariables) => (await request(UsersPage, variables)).users,
  "usersPage",
);
export const userQuery = signedInQuery((id: string) => request(UserDetail, { id }), "userDetail");
export const userSeriesQuery = signedInQuery(
  async (userId: string, range: TrafficRange) => (await request(TrafficSeries, { range, userId })).trafficSeries,
  "userTrafficSeries",
);
export const filterChoicesQuery = signedInQuery(() => request(UserFilterChoices), "userFilterChoices");
export const adminChoicesQuery = signedInQuery(() => request(AdminChoices), "adminChoices");
export const groupChoicesQuery = signedInQuery(async () => (await request(Groups)).groups, "userFormGroups");

const users = [usersQuery, userQuery];

export const createUser = mutation(
  async (input: CreateUserInput) => (await request(CreateUser, { input })).createUser,
  "createUser",
  users,
);
export const updateUser = mutation(
  (id: string, input: UpdateUserInput) => request(UpdateUser, { id, input }),
  "updateUser",
  users,
);
export const resetUsage = mutation((id: string) => request(ResetUserUsage, { id }), "resetUsage", users);
export const deleteUser = mutation((id: string) => request(DeleteUser, { id }), "deleteUser", [usersQuery]);
export const rotateLink = mutation((userId: string) => request(RotateSubscriptionToken, { userId }), "rotateLink", [
  userQuery,
]);
export const revokeCredentials = mutation(
  (userId: string) => request(RotateUserCredentials, { userId }),
  "revokeCredentials",
  [userQuery],
);
export const removeDevice = mutation(
  (userId: string, hwid: string) => request(RemoveUserDevice, { userId, hwid }),
  "removeDevice",
  [userQuery],
);
/** One operation on many users, reporting progress; the list reloads once, after the last. */
export const applyToUsers = mutation(
  (
    chosen: UserRowFragment[],
    operation: (user: UserRowFragment) => Promise<unknown>,
    onProgress: (finished: number, total: number) => void,
  ) => runBulk(chosen, operation, onProgress),
  "applyToUsers",
  users,
);
