import { graphql } from "./generated";

export const BeginImport = graphql(`
  mutation BeginImport($input: BeginImportInput!) {
    beginImport(input: $input) {
      id
    }
  }
`);

export const ImportUsers = graphql(`
  mutation ImportUsers($runId: ID!, $users: [ImportUserInput!]!) {
    importUsers(runId: $runId, users: $users) {
      id
      processedUsers
    }
  }
`);

export const FinishImport = graphql(`
  mutation FinishImport($runId: ID!) {
    finishImport(runId: $runId) {
      id
      report {
        ...ImportReportFields
      }
    }
  }
`);

export const ImportRuns = graphql(`
  query ImportRuns {
    importRuns(first: 10) {
      id
      source
      instance
      dryRun
      status
      totalUsers
      processedUsers
      startedAt
      finishedAt
    }
  }
`);

export const FetchPeerApi = graphql(`
  mutation FetchPeerApi($input: PeerApiRequestInput!) {
    fetchPeerApi(input: $input) {
      status
      contentType
      body
    }
  }
`);
