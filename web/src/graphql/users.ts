export const UsersPage = /* GraphQL */ `
  query UsersPage($filter: UserFilter, $page: Pagination, $order: UserOrder) {
    users(filter: $filter, page: $page, order: $order) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          username
          status
          dataLimit
          usedTraffic
          expireAt
          onHoldExpireDays
          owner {
            id
            username
          }
          groups {
            id
            name
          }
        }
      }
    }
  }
`;

export const UserFilterChoices = /* GraphQL */ `
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
`;

export const AdminChoices = /* GraphQL */ `
  query AdminChoices {
    admins {
      id
      username
    }
  }
`;

export const UserDetail = /* GraphQL */ `
  query UserDetail($id: ID!) {
    user(id: $id) {
      id
      username
      status
      dataLimit
      usedTraffic
      expireAt
      onHoldExpireDays
      resetStrategy
      deviceLimit
      note
      subscriptionUrl
      createdAt
      owner {
        id
        username
      }
      groups {
        id
        name
      }
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
`;

export const CreateUser = /* GraphQL */ `
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      subscriptionUrl
    }
  }
`;

export const UpdateUser = /* GraphQL */ `
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      status
      expireAt
    }
  }
`;

export const DeleteUser = /* GraphQL */ `
  mutation DeleteUser($id: ID!) {
    deleteUser(id: $id)
  }
`;

export const RotateSubscriptionToken = /* GraphQL */ `
  mutation RotateSubscriptionToken($userId: ID!) {
    rotateSubscriptionToken(userId: $userId) {
      id
      subscriptionUrl
    }
  }
`;

export const RotateUserCredentials = /* GraphQL */ `
  mutation RotateUserCredentials($userId: ID!) {
    rotateUserCredentials(userId: $userId) {
      id
    }
  }
`;

export const RemoveUserDevice = /* GraphQL */ `
  mutation RemoveUserDevice($userId: ID!, $hwid: String!) {
    removeUserDevice(userId: $userId, hwid: $hwid)
  }
`;

export const ResetUserUsage = /* GraphQL */ `
  mutation ResetUserUsage($id: ID!) {
    resetUserUsage(id: $id) {
      id
      status
      usedTraffic
    }
  }
`;
