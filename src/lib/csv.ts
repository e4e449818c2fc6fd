import { csvParseRows } from "d3-dsv";

export interface CsvRecord {
  /** 1-based line where the record starts (a quoted cell may span several lines). */
  line: number;
  fields: string[];
}

/**
 * Parses CSV text with d3-dsv and attaches to each record the line it starts on,
 * which d3 does not track: problems must point at the line a maintainer sees in an editor.
 */
export function parseCsv(text: string): CsvRecord[] {
  const normalized = text.replace(/\r\n?/g, "\n");
  const rows = csvParseRows(normalized);
  const starts = recordStartLines(normalized);
  return rows.map((fields, i) => ({ line: starts[i] ?? starts.length, fields }));
}

function recordStartLines(text: string): number[] {
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
  return starts;
}
