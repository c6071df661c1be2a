/**
 * What the agent tells the edge about configs and operations (protocol level 2): the latest
 * outcome per config version and the latest state per operation, resent with every health record
 * until they age out; the edge applies them idempotently. Kept in the state dir, so a result
 * written just before a reload, an update or a crash still reaches the panel.
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import {
  configOutcomeSchema,
  operationResultSchema,
  type ConfigOutcomeReport,
  type OperationResult,
} from "../../../workers/agent/protocol/messages.ts";
import { writeFileAtomic } from "../state/atomic-file.ts";

/** Long enough to survive an edge outage of a few minutes; a longer one loses only the report, never the config. */
const KEEP_SEC = 3600;
const MAX_OUTCOMES = 16;
const MAX_OPERATIONS = 32;

const fileSchema = z.object({
  configOutcomes: z.array(configOutcomeSchema).default([]),
  operations: z.array(operationResultSchema).default([]),
});

export class AgentReports {
  private outcomes: ConfigOutcomeReport[] = [];
  private operations: OperationResult[] = [];

  constructor(private readonly path: string) {
    if (!existsSync(path)) return;
    try {
      const parsed = fileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
      this.outcomes = parsed.configOutcomes;
      this.operations = parsed.operations;
    } catch {
      // A report file from a crash mid-write cannot exist (writes are atomic); an unreadable one is dropped, not fatal.
    }
  }

  /** Records what became of config `version`; a later outcome of the same version replaces the earlier one. */
  configOutcome(report: ConfigOutcomeReport): void {
    this.outcomes = [...this.outcomes.filter((o) => o.version !== report.version), report].slice(-MAX_OUTCOMES);
    this.save();
  }

  /** Records where operation `id` stands now. */
  operation(result: OperationResult): void {
    this.operations = [...this.operations.filter((o) => o.id !== result.id), result].slice(-MAX_OPERATIONS);
    this.save();
  }

  /** The state last recorded for operation `id`, if it is still remembered. */
  operationState(id: number): OperationResult | undefined {
    return this.operations.find((o) => o.id === id);
  }

  /** The health fields: everything recorded within the last hour. */
  forHealth(nowSec: number): { configOutcomes: ConfigOutcomeReport[]; operations: OperationResult[] } {
    const fresh = <T extends { atSec: number }>(items: T[]) => items.filter((i) => nowSec - i.atSec <= KEEP_SEC);
    return { configOutcomes: fresh(this.outcomes), operations: fresh(this.operations) };
  }

  private save(): void {
    writeFileAtomic(this.path, JSON.stringify({ configOutcomes: this.outcomes, operations: this.operations }));
  }
}
