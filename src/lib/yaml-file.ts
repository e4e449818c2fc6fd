import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import type { z } from "zod";
import { quote, type Problem } from "./problems.ts";

export type Parsed<T> = { value: T; problems: [] } | { value: undefined; problems: Problem[] };

/**
 * Parses YAML and validates it against a zod schema, turning every issue into a problem
 * located at the line and column of the offending node, so a maintainer can jump to it.
 */
export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S, lineOffset = 0): Parsed<z.output<S>> {
  const parsed = parseYamlDocument(text, file, lineOffset);
  if ("problems" in parsed) return { value: undefined, problems: parsed.problems };
  const result = schema.safeParse(parsed.data);
  if (result.success) return { value: result.data, problems: [] };
  return { value: undefined, problems: parsed.locate(result.error.issues) };
}

/**
 * Parses a YAML list item by item: one bad entry is reported and skipped, the others stay usable,
 * so a typo in one source does not cascade into "unknown source" on every row that cites the others.
 */
export function parseYamlList<S extends z.ZodType>(text: string, file: string, itemSchema: S): { values: z.output<S>[]; invalid: unknown[]; problems: Problem[] } {
  const parsed = parseYamlDocument(text, file, 0);
  if ("problems" in parsed) return { values: [], invalid: [], problems: parsed.problems };
  if (!Array.isArray(parsed.data)) return { values: [], invalid: [], problems: parsed.locate([{ path: [], message: "expected a list, found something else" }]) };
  const values: z.output<S>[] = [];
  const invalid: unknown[] = [];
  const problems: Problem[] = [];
  parsed.data.forEach((item, i) => {
    const result = itemSchema.safeParse(item);
    if (result.success) values.push(result.data);
    else {
      invalid.push(item);
      problems.push(...parsed.locate(result.error.issues.map((issue) => ({ ...issue, path: [i, ...issue.path] }))));
    }
  });
  return { values, invalid, problems };
}

type Issue = { path: PropertyKey[]; message: string };

function parseYamlDocument(text: string, file: string, lineOffset: number): { problems: Problem[] } | { data: unknown; locate: (issues: Issue[]) => Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  if (doc.errors.length > 0)
    return { problems: doc.errors.map((e) => ({ file, ...at(e.pos[0]), message: `invalid YAML: ${e.message.split("\n")[0]}` })) };
  const locate = (issues: Issue[]) =>
    issues.map((issue) => {
      const path = issue.path.map((k) => (typeof k === "symbol" ? String(k) : k));
      const node = nearestNode(doc, path);
      const pos = node !== undefined ? at(node) : { line: 1 + lineOffset, column: 1 };
      const field = path.length ? `field "${path.join(".")}"` : "document";
      return { file, ...pos, message: `${field}: ${issue.message}` };
    });
  return { data: doc.toJS(), locate };
}

function nearestNode(doc: Document, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}

/** zod error customisation: "expected X, found Y", the house style of every problem message. */
export function expected(what: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? `expected ${what}, found nothing` : `expected ${what}, found ${quote(describe(issue.input))}`
  };
}

function describe(input: unknown): string {
  return typeof input === "string" ? input : JSON.stringify(input) ?? String(input);
}
