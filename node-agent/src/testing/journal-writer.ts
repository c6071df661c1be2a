/**
 * Child process for the kill -9 test: plays core + edge against a real journal in a tight loop
 * until killed. Reading i shows a download counter of i * 1000; every batch it takes is printed
 * (the "edge" receives it) before it is acknowledged.
 * Usage: node journal-writer.ts <journal-path>
 */
import { UsageJournal } from "../usage/journal.ts";

const path = process.argv[2]!;
const journal = UsageJournal.open(path, { compactAtBytes: 4096 });
const start = journal.baselineFor("inst-1").get("u1")?.down ?? 0;
for (let i = start / 1000 + 1; ; i++) {
  journal.recordReading("inst-1", new Map([["u1", { up: i, down: i * 1000 }]]), () => 1, i);
  if (i % 3 === 0) {
    const batch = journal.takeBatch(i);
    process.stdout.write(`${JSON.stringify(batch)}\n`);
    journal.acknowledge(batch.seq);
  }
}
