/**
 * Counts the records of an export as its text streams in, so the progress bar moves with the
 * download against the total the panel announces (`x-export-rows`). CSV records end at a line
 * break outside quotes (RFC 4180: a quoted field may hold line breaks and doubled quotes), and the
 * header row is not a record; JSON exports put one record per line inside the array's brackets.
 * Chunks may split a record, a quoted field or a CRLF anywhere.
 */
export type ExportFormat = "csv" | "json";

export interface RecordCounter {
  /** Reads the next piece of text. */
  push(text: string): void;
  /** Records so far, counting a last one that has not ended yet only after `finish`. */
  count(): number;
  /** The stream ended: a last record without a line break counts now. */
  finish(): number;
}

export function createRecordCounter(format: ExportFormat): RecordCounter {
  return format === "csv" ? csvCounter() : jsonLineCounter();
}

function csvCounter(): RecordCounter {
  let rows = 0;
  let inQuotes = false;
  // Whether the row under way has any character yet: a blank line is no record.
  let rowStarted = false;
  const records = () => Math.max(0, rows - 1);
  return {
    push(text) {
      for (const char of text) {
        // A doubled quote inside a quoted field toggles twice: out and straight back in.
        if (char === '"') {
          inQuotes = !inQuotes;
          rowStarted = true;
        } else if (char === "\n" && !inQuotes) {
          if (rowStarted) rows++;
          rowStarted = false;
        } else if (char !== "\r" || inQuotes) rowStarted = true;
      }
    },
    count: records,
    finish() {
      if (rowStarted) rows++;
      rowStarted = false;
      return records();
    },
  };
}

function jsonLineCounter(): RecordCounter {
  let records = 0;
  let line = "";
  const countLine = () => {
    // "[{…}," on the first line, "{…}," inside, "{…}]" on the last: a record starts with "{".
    if (line.replace(/^[\s[,]+/, "").startsWith("{")) records++;
    line = "";
  };
  return {
    push(text) {
      let start = 0;
      for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
        line += text.slice(start, end);
        countLine();
        start = end + 1;
      }
      // Only the start of a long line matters: keep enough of it to see where its record begins.
      if (line.length < 64) line += text.slice(start, start + 64);
    },
    count: () => records,
    finish() {
      countLine();
      return records;
    },
  };
}

/** The bar's value, 0 to 100; an export whose total is unknown or zero shows full once it ends. */
export function exportPercent(done: number, total: number | null, finished: boolean): number {
  if (finished) return 100;
  if (!total) return 0;
  return Math.min(100, Math.floor((done / total) * 100));
}
