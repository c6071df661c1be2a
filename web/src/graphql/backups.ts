import { graphql } from "./generated";

export const BackupFields = graphql(`
  fragment BackupFields on BackupResult {
    id
    status
    trigger
    createdAt
    createdBy
    finishedAt
    sizeBytes
    rows
    schemaVersion
    error
    downloadPath
    progress {
      ...JobProgressFields
    }
  }
`);

export const JobProgressFields = graphql(`
  fragment JobProgressFields on JobProgress {
    phase
    tablesDone
    tablesTotal
    rowsDone
    rowsTotal
  }
`);

export const RestoreFields = graphql(`
  fragment RestoreFields on RestoreResult {
    id
    backupId
    safetyBackupId
    status
    startedAt
    startedBy
    finishedAt
    verifiedTables
    error
    progress {
      ...JobProgressFields
    }
  }
`);

export const BackupsPage = graphql(`
  query BackupsPage {
    backups {
      ...BackupFields
    }
    restores(first: 5) {
      ...RestoreFields
    }
    settings {
      backupIntervalHours
      backupKeepCount
      backupKeepDays
    }
  }
`);

export const Backup = graphql(`
  query Backup($id: ID!) {
    backup(id: $id) {
      ...BackupFields
    }
  }
`);

export const Restore = graphql(`
  query Restore($id: ID!) {
    restore(id: $id) {
      ...RestoreFields
    }
  }
`);

export const BackupDatabase = graphql(`
  mutation BackupDatabase {
    backupDatabase {
      ...BackupFields
    }
  }
`);

export const DeleteBackup = graphql(`
  mutation DeleteBackup($id: ID!) {
    deleteBackup(id: $id)
  }
`);

export const RestoreBackup = graphql(`
  mutation RestoreBackup($id: ID!, $confirm: String!) {
    restoreBackup(id: $id, confirm: $confirm) {
      ...RestoreFields
    }
  }
`);

export const UpdateBackupSchedule = graphql(`
  mutation UpdateBackupSchedule($input: UpdateSettingsInput!) {
    updateSettings(input: $input) {
      backupIntervalHours
      backupKeepCount
      backupKeepDays
    }
  }
`);
