import { describe, expect, it } from "vitest";
import { createRecordCounter, exportPercent, type ExportFormat } from "./export-progress";

/** Feeds `text` in pieces of `size` characters, as a stream's chunks would arrive. */
function countInChunks(format: ExportFormat, text: string, size: number) {
  const counter = createRecordCounter(format);
  const seen: number[] = [];
  for (let i = 0; i < text.length; i += size) {
    counter.push(text.slice(i, i + size));
    seen.push(counter.count());
  }
  return { total: counter.finish(), seen };
}

const CSV = [
  "id,username,note\r\n",
  '1,alice,"plain"\r\n',
  '2,bob,"two\r\nlines, and a comma"\r\n',
  '3,carol,"she said ""hi""\nthen left"\r\n',
  "4,dave,\r\n",
].join("");

describe("counting an export's records as it streams", () => {
  it("counts CSV records, not the header, whatever the chunk boundaries", () => {
    for (const size of [1, 2, 3, 7, CSV.length])
      expect(countInChunks("csv", CSV, size).total, `chunks of ${size}`).toBe(4);
  });

  it("does not end a CSV record at a line break inside quotes", () => {
    const counter = createRecordCounter("csv");
    counter.push('id,note\n1,"first line\n');
    expect(counter.count()).toBe(0);
    counter.push('second line"\n');
    expect(counter.count()).toBe(1);
  });

  it("counts a last CSV record without a line break once the stream ends", () => {
    const counter = createRecordCounter("csv");
    counter.push("id\n1\n2");
    expect(counter.count()).toBe(1);
    expect(counter.finish()).toBe(2);
  });

  it("counts nothing for a CSV export with only its header, or nothing at all", () => {
    expect(countInChunks("csv", "id,username\r\n", 4).total).toBe(0);
    expect(countInChunks("csv", "", 4).total).toBe(0);
  });

  it("counts one JSON record per line, brackets and commas aside", () => {
    const json = '[{"id":"1","note":"a\\nb"},\n{"id":"2","note":"[x]"},\n{"id":"3"}\n]\n';
    for (const size of [1, 5, json.length])
      expect(countInChunks("json", json, size).total, `chunks of ${size}`).toBe(3);
    expect(countInChunks("json", "[\n]\n", 2).total).toBe(0);
    expect(countInChunks("json", "[]", 2).total).toBe(0);
  });

  it("never counts down while the stream arrives", () => {
    const { seen } = countInChunks("csv", CSV, 3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it("turns records and the announced total into the bar's percentage", () => {
    expect(exportPercent(0, 200, false)).toBe(0);
    expect(exportPercent(50, 200, false)).toBe(25);
    expect(exportPercent(250, 200, false)).toBe(100);
    expect(exportPercent(10, null, false)).toBe(0);
    expect(exportPercent(0, 0, true)).toBe(100);
  });
});
