import { csvParseRows } from "d3-dsv";

export interface CsvRecord {
  /** 1-based line where the record starts (a quoted cell may span several lines). */
  line: number;
  fields: string[];
  /** Set on the last record when a quoted cell is never closed: d3 reads the rest of the file into it. */
  unterminated?: boolean;
}

/**
 * Parses CSV text with d3-dsv and attaches to each record the line it starts on,
 * which d3 does not track: problems must point at the line a maintainer sees in an editor.
 */
export function parseCsv(text: string): CsvRecord[] {
  const normalized = text.replace(/\r\n?/g, "\n");
  const rows = csvParseRows(normalized);
  const { starts, inQuotes } = recordStartLines(normalized);
  const records: CsvRecord[] = rows.map((fields, i) => ({ line: starts[i] ?? starts.length, fields }));
  if (inQuotes && records.length > 0) records[records.length - 1]!.unterminated = true;
  return records;
}

function recordStartLines(text: string): { starts: number[]; inQuotes: boolean } {
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let atRecordStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (atRecordStart) {
      starts.push(line);
      atRecordStart = false;
    }
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === "\n") {
      line++;
      if (!inQuotes) atRecordStart = true;
    }
  }
  return { starts, inQuotes };
}
