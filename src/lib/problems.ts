/** A located problem in a maintainer's file: what the data checker and the build report. */
export interface Problem {
  file: string;
  line?: number;
  /** 1-based field index in a CSV row, or character column in a text file. */
  column?: number;
  message: string;
  /** Short, stable name of the kind of problem (« csv/not-a-number », « meta/unknown-key »). */
  code?: string;
  /** What to do about it, printed on its own line under the problem. */
  hint?: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(":");
  return `${where} ${p.message}${p.code ? ` [${p.code}]` : ""}${p.hint ? `\n    hint: ${p.hint}` : ""}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
  );
}

/** Shows a found value the way a maintainer would spot it in the file. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "…" : value);
}

export class ProblemsError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`${problems.length} problème(s) dans les données :\n` + sortProblems(problems).map(formatProblem).join("\n"));
    this.problems = problems;
  }
}
