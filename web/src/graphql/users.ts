import { graphql } from "./generated";

export const UsersPage = graphql(`
  query UsersPage($filter: UserFilter, $page: Pagination, $order: UserOrder) {
    users(filter: $filter, page: $page, order: $order) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          ...UserRow
        }
      }
    }
  }
`);

export const UserFilterChoices = graphql(`
  query UserFilterChoices {
    groups {
      id
      name
    }
    me {
      id
      role
    }
  }
`);

export const AdminChoices = graphql(`
  query AdminChoices {
    admins {
      id
      username
    }
  }
`);

export const UserDetail = graphql(`
  query UserDetail($id: ID!) {
    user(id: $id) {
      ...UserRow
      resetStrategy
      deviceLimit
      note
      subscriptionUrl
      createdAt
    }
    userDevices(userId: $id) {
      hwid
      platform
      osVersion
      model
      userAgent
      firstSeenAt
      lastSeenAt
    }
  }
`);

export const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      subscriptionUrl
    }
  }
`);

export const UpdateUser = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      status
      expireAt
    }
  }
`);

export const DeleteUser = graphql(`
  mutation DeleteUser($id: ID!) {
    deleteUser(id: $id)
  }
`);

export const RotateSubscriptionToken = graphql(`
  mutation RotateSubscriptionToken($userId: ID!) {
    rotateSubscriptionToken(userId: $userId) {
      id
      subscriptionUrl
    }
  }
`);

export const RotateUserCredentials = graphql(`
  mutation RotateUserCredentials($userId: ID!) {
    rotateUserCredentials(userId: $userId) {
      id
    }
  }
`);

export const RemoveUserDevice = graphql(`
  mutation RemoveUserDevice($userId: ID!, $hwid: String!) {
    removeUserDevice(userId: $userId, hwid: $hwid)
  }
`);

export const ResetUserUsage = graphql(`
  mutation ResetUserUsage($id: ID!) {
    resetUserUsage(id: $id) {
      id
      status
      usedTraffic
    }
  }
`);
