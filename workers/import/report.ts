import type { UserStatus } from "../users/table";
import type { ImportRecordKind } from "./table";

export interface ImportIssue {
  kind: ImportRecordKind;
  key: string;
  name: string;
  reason: string;
}

export interface ImportStatusChange {
  key: string;
  username: string;
  from: UserStatus;
  to: UserStatus;
}

export type Outcome = "created" | "updated" | "unchanged" | "conflicts";
export type ImportCount = { kind: ImportRecordKind } & Record<Outcome, number>;

/** What a run did or (dry run) would do; stored on the run, rewritten by each batch. No secrets. */
export interface ImportReport {
  counts: ImportCount[];
  conflicts: ImportIssue[];
  unmapped: ImportIssue[];
  adjusted: ImportIssue[];
  statusChanges: ImportStatusChange[];
  truncated: boolean;
}

/** Each list keeps this many entries: a 10,000-user report stays a readable size; counts stay whole. */
export const REPORT_LIST_LIMIT = 200;

export function emptyReport(): ImportReport {
  return { counts: [], conflicts: [], unmapped: [], adjusted: [], statusChanges: [], truncated: false };
}

/**
 * Adds to a report in place. Lists stop at REPORT_LIST_LIMIT (the report says so); counts do not.
 *
 * @example
 * const report = emptyReport();
 * tally(report, "user", "created");
 * note(report, "adjusted", { kind: "user", key: "7", name: "a b", reason: 'username is now "a_b"' });
 */
export function tally(report: ImportReport, kind: ImportRecordKind, outcome: Outcome, by = 1): void {
  let count = report.counts.find((c) => c.kind === kind);
  if (!count) {
    count = { kind, created: 0, updated: 0, unchanged: 0, conflicts: 0 };
    report.counts.push(count);
  }
  count[outcome] += by;
}

export function note(
  report: ImportReport,
  list: "conflicts" | "unmapped" | "adjusted" | "statusChanges",
  entry: ImportIssue | ImportStatusChange,
): void {
  const entries = report[list] as (ImportIssue | ImportStatusChange)[];
  if (entries.length >= REPORT_LIST_LIMIT) report.truncated = true;
  else entries.push(entry);
}

/** A conflict is counted and listed: the record was left as it is here. */
export function conflict(report: ImportReport, issue: ImportIssue): void {
  tally(report, issue.kind, "conflicts");
  note(report, "conflicts", issue);
}
