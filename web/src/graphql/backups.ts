import { graphql } from "./generated";

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
