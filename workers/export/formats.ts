/**
 * An amount the panel computed, as an exact decimal string ("-20.00"): written as is, without the
 * formula guard text gets, so a negative amount opens in a spreadsheet as a number, not as text.
 */
export interface Decimal {
  decimal: string;
}

/** A cell as the datasets produce it: text, a number, an amount, or nothing. Instants are ISO 8601 text already. */
export type Cell = string | number | boolean | Decimal | null;

export const decimalCell = (decimal: string): Decimal => ({ decimal });

/** What a cell is in JSON: amounts stay exact strings. */
const jsonValue = (value: Cell) => (value !== null && typeof value === "object" ? value.decimal : value);

export const EXPORT_FORMATS = ["csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"): a
 * username or note such as `=HYPERLINK(...)` must open as text. Tab and carriage return start
 * formulas in some of them too.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell per RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled;
 * text that would start a formula gets a leading apostrophe first. Numbers are never guarded:
 * they are ours, not the user's.
 */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "object") return value.decimal;
  if (typeof value !== "string") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with the CRLF line end RFC 4180 prescribes. */
export const csvRecord = (cells: readonly Cell[]) => `${cells.map(csvCell).join(",")}\r\n`;

/**
 * Writes a dataset in one format, one page of records at a time: `start` before the first page,
 * `page` for each (numbering continues across pages) and `end` after the last.
 */
export interface RecordWriter {
  start(): string;
  page(records: readonly (readonly Cell[])[]): string;
  end(): string;
}

export function recordWriter(format: ExportFormat, headers: readonly string[]): RecordWriter {
  if (format === "csv") {
    return { start: () => csvRecord(headers), page: (records) => records.map(csvRecord).join(""), end: () => "" };
  }
  // A JSON array with one record per line: valid JSON for any parser, and `tail -n +2` reads it line by line.
  let written = 0;
  return {
    start: () => "[",
    page: (records) =>
      records
        .map((cells) => {
          const record = JSON.stringify(
            Object.fromEntries(headers.map((header, i) => [header, jsonValue(cells[i] ?? null)])),
          );
          return `${written++ === 0 ? "\n" : ",\n"}${record}`;
        })
        .join(""),
    end: () => "\n]\n",
  };
}
