import { countOf } from "./format.ts";
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

/**
 * The kinds of problem, each with a short code and what to do about it. A problem that names its own
 * code and hint (the figure checks, unknown keys) keeps them; the others are recognised by their
 * message, which every checker writes as « what: expected …, found … ».
 */
const KINDS: [RegExp, string, string][] = [
  [/^invalid UTF-8/, "file/not-utf8", "save the file as UTF-8 (in most editors: Save with encoding)"],
  [/^invalid YAML/, "yaml/syntax", "fix the YAML at this position: indentation, a missing quote, ] or :"],
  [/^(field "[^"]*"|document): .*found nothing$/, "yaml/missing", "add the field, as the message says"],
  [/^(field "[^"]*"|document): expected (one of|true or false|a text|a number|a list|a mapping|a date)/, "yaml/wrong-type", "write the value in the form expected"],
  [/^(field "[^"]*"|document): expected (unique|each [^,]* once|a spelling of one entry only)/, "yaml/duplicate", "keep each value once"],
  [/^(field "[^"]*"|document): expected (a declared column|a term of the glossary|another term|a source id|a page of the site|an event id)/, "yaml/unknown-reference", "use a name declared where the message says, or declare it there first"],
  [/^(field "[^"]*"|document): expected an http\(s\) URL/, "yaml/bad-url", "write an absolute https:// address"],
  [/^(field "[^"]*"|document): expected (a|an) [^,]*date/, "yaml/bad-date", "write the date as YYYY-MM-DD (or YYYY, YYYY-MM where the field allows it)"],
  [/^(field "[^"]*"|document): /, "yaml/invalid", "correct the value, as the message says"],
  [/^front matter: expected a block/, "article/no-front-matter", "start the file with a --- block: title, date, summary, tags, sources"],
  [/^front matter "\w+"/, "article/unknown-reference", "use an id that exists (data/, data/sources/, data/evenements.csv), or add it there first"],
  [/^chart fence/, "article/unknown-chart", "use the id of a chart declared in src/charts/"],
  [/^link: expected a page/, "article/broken-link", "link to an existing page of the site (see src/lib/routes.ts)"],
  [/^link: /, "article/unsafe-link", "link to an http(s) URL or a site path"],
  [/^(fichier|ligne) enregistrée? par Excel \(France\)/, "csv/excel-fr", "réenregistrez en « CSV UTF-8 (délimité par des virgules) » avec le point décimal, ou remplacez « ; » par « , » et « 290,5 » par 290.5 (entourez de guillemets une cellule qui contient une virgule)"],
  [/^blank line/, "csv/blank-line", "remove the empty line"],
  [/^unterminated quote/, "csv/unterminated-quote", 'close the quoted cell with " (double a " inside it: "")'],
  [/^wrong number of fields/, "csv/field-count", 'quote a cell that contains a comma ("…, …"), or add the missing cells'],
  [/^empty file/, "csv/empty", "write the header line, then the rows"],
  [/^header only/, "csv/no-rows", "add at least one row, or remove the dataset"],
  [/^unknown column/, "csv/unknown-column", "declare the column in the dataset card (columns:), or remove it"],
  [/^missing column/, "csv/missing-column", "add the column to the CSV header, or remove it from the card"],
  [/^column order/, "csv/column-order", "put the CSV columns in the order the card declares them"],
  [/^duplicate key/, "csv/duplicate-key", "keep one row per key: merge the rows, or tell them apart with a key column"],
  [/^column "[^"]+": expected the figure to appear/, "csv/figure-not-in-excerpt", "copy the excerpt verbatim from the source so it shows the figure, or correct the figure"],
  [/^column "[^"]+": expected (a number|an integer)/, "csv/not-a-number", "write digits with '.' as the decimal separator, no spaces or units (4.1, not 4,1)"],
  [/^column "[^"]+": expected a value \(/, "csv/required", "fill the cell; leave it empty only if the card says required: false (never write 0 for unknown)"],
  [/^column "[^"]+": expected one of/, "csv/not-allowed", "use one of the codes the card lists, or add the code to its values"],
  [/^column "[^"]+": expected a département/, "csv/unknown-departement", "use an official code (01…95, 2A, 2B, 971…976)"],
  [/^column "[^"]+": expected a source id/, "csv/unknown-source", "declare the source in data/sources/*.yaml first"],
  [/^column "[^"]+": expected a date/, "csv/not-a-date", "write the date as YYYY, YYYY-MM or YYYY-MM-DD"],
  [/^column "source": expected a figure backed by/, "csv/republication-only", "cite the original publication too, or say on the source (republication_note) why this copy is cited"],
  [/^column "[^"]+": /, "csv/invalid-cell", "correct the cell, as the message says"],
  [/^duplicate source id/, "source/duplicate-id", "give each source its own id"],
  [/^duplicate source URL/, "source/duplicate-url", "keep one source per page and cite that id everywhere"],
  [/^dataset without/, "data/missing-pair", "each dataset is a pair: data/<id>.csv and data/<id>.yaml"],
  [/^missing /, "data/missing", "restore the file or folder named"],
  [/^(duplicate chart id|chart ")/, "chart/invalid", "fix the chart declaration in src/charts/"]
];

/** Code and hint of a problem: its own, or those of its kind. */
export function describeProblem(p: Problem): { code: string; hint: string } {
  const kind = KINDS.find(([pattern]) => pattern.test(p.message));
  return { code: p.code ?? kind?.[1] ?? "other", hint: p.hint ?? kind?.[2] ?? "see the message: it says what was expected and what was found" };
}

/** `file:line:column message`: one line, that editors can click. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(":");
  return `${where} ${p.message}`;
}

/** What `npm run data:check` and the build print: the problem line with its code, then the hint on its own line. */
export function formatProblemWithHint(p: Problem): string {
  const { code, hint } = describeProblem(p);
  return `${formatProblem(p)} [${code}]\n    hint: ${hint}`;
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
    super(`${countOf(problems.length, "problème")} dans les données :\n` + sortProblems(problems).map(formatProblemWithHint).join("\n"));
    this.problems = problems;
  }
}
