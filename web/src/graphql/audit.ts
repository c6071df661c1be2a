import { graphql } from "./generated";

export const AuditLog = graphql(`
  query AuditLog($filter: AuditFilter, $page: Pagination) {
    auditLog(filter: $filter, page: $page) {
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          at
          action
          actorUsername
          targetType
          targetId
          ip
          details
        }
      }
    }
  }
`);
