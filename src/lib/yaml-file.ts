import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from "yaml";
import { z } from "zod";
import { quote, type Problem } from "./problems.ts";

/**
 * One error map for every YAML file (dataset cards, sources, glossary) and article front matter, as
 * Starlight passes one to every parse: zod issues in the house style, in French, « attendu X, trouvé Y ».
 * A field whose schema says what it expects in domain words (expected(…)) keeps its own text.
 */
export const houseErrorMap = (issue: { code?: string; expected?: string; input?: unknown; values?: unknown[]; minimum?: unknown; origin?: string }): string | undefined => {
  const found = issue.input === undefined ? NOTHING : quote(describe(issue.input));
  switch (issue.code) {
    case "invalid_type":
      return `attendu ${TYPE_WORDS[issue.expected ?? ""] ?? issue.expected}, trouvé ${found}`;
    case "invalid_value":
      return `attendu l'une des valeurs ${(issue.values ?? []).map(String).join(", ")}, trouvé ${found}`;
    case "invalid_union":
      return `attendu ${found === NOTHING ? "une valeur" : "une autre sorte de valeur"}, trouvé ${found}`;
    case "too_small":
      return issue.origin === "array" ? `attendu au moins ${issue.minimum} élément(s), trouvé moins` : issue.origin === "string" ? `attendu un texte non vide, trouvé ${found}` : undefined;
    default:
      return zodInFrench(issue); // zod's own French text, still prefixed by the field's path
  }
};

/** zod's French messages, for the issues the house style does not word itself (« Trop grand : … »). */
function zodInFrench(issue: object): string | undefined {
  const said = FRENCH_LOCALE(issue as Parameters<typeof FRENCH_LOCALE>[0]);
  return typeof said === "string" ? said : (said?.message ?? undefined);
}
const FRENCH_LOCALE = z.locales.fr().localeError;

/** What a field said when it was absent: the end of every « missing field » message (see problems.ts). */
const NOTHING = "aucune valeur";

const TYPE_WORDS: Record<string, string> = {
  string: "un texte",
  number: "un nombre",
  boolean: "true ou false",
  array: "une liste",
  object: "un dictionnaire (lignes « clé: valeur »)",
  date: "une date"
};

export type Parsed<T> = { value: T; problems: [] } | { value: undefined; problems: Problem[] };

/**
 * Parses YAML and validates it against a zod schema, turning every issue into a problem
 * located at the line and column of the offending node, so a maintainer can jump to it.
 */
export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S, lineOffset = 0): Parsed<z.output<S>> {
  const parsed = parseYamlDocument(text, file, lineOffset);
  if ("problems" in parsed) return { value: undefined, problems: parsed.problems };
  const result = schema.safeParse(parsed.data, { error: houseErrorMap });
  if (result.success) return { value: result.data, problems: [] };
  return { value: undefined, problems: parsed.locate(result.error.issues, schema) };
}

/**
 * Parses a YAML list item by item: one bad entry is reported and skipped, the others stay usable,
 * so a typo in one source does not cascade into "unknown source" on every row that cites the others.
 */
export function parseYamlList<S extends z.ZodType>(text: string, file: string, itemSchema: S): { values: z.output<S>[]; invalid: unknown[]; problems: Problem[] } {
  const parsed = parseYamlDocument(text, file, 0);
  if ("problems" in parsed) return { values: [], invalid: [], problems: parsed.problems };
  if (!Array.isArray(parsed.data)) return { values: [], invalid: [], problems: parsed.locate([{ path: [], message: "attendu une liste, trouvé autre chose" }], itemSchema) };
  const values: z.output<S>[] = [];
  const invalid: unknown[] = [];
  const problems: Problem[] = [];
  parsed.data.forEach((item, i) => {
    const result = itemSchema.safeParse(item, { error: houseErrorMap });
    if (result.success) values.push(result.data);
    else {
      invalid.push(item);
      problems.push(...parsed.locate(result.error.issues.map((issue) => ({ ...issue, path: [i, ...issue.path] })), itemSchema, 1));
    }
  });
  return { values, invalid, problems };
}

type Issue = { path: PropertyKey[]; message: string; code?: string; keys?: string[] };

/**
 * The yaml parser's errors, in French: its own text is English, and says more than its code (which
 * bracket is missing, which quote), so known texts are translated one by one, then by code; an unknown
 * text keeps its code, for a search.
 */
const YAML_TEXTS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Flow sequence in block collection must be sufficiently indented and end with a \]/, () => "liste entre crochets mal indentée ou sans ] final"],
  [/^Flow map in block collection must be sufficiently indented and end with a \}/, () => "dictionnaire entre accolades mal indenté ou sans } final"],
  [/^Missing closing (["'])quote/, (m) => `guillemet fermant ${m[1]} manquant`],
  [/^Map keys must be unique/, () => "clé en double dans le même dictionnaire"],
  [/^All mapping items must start at the same column/, () => "les clés d'un même bloc doivent commencer à la même colonne"],
  [/^All collection items must start at the same column/, () => "les éléments d'une même liste doivent commencer à la même colonne"],
  [/^Nested mappings are not allowed in compact mappings/, () => "deux « : » sur une même ligne (entourez la valeur de guillemets)"],
  [/^Tabs are not allowed as indentation/, () => "tabulation dans l'indentation (indentez avec des espaces)"],
  [/^Implicit map keys need to be followed by map values/, () => "clé sans « : » ni valeur"],
  [/^Implicit keys need to be on a single line/, () => "une clé doit tenir sur une seule ligne"],
  [/^Sequence item without - indicator/, () => "élément de liste sans « - »"],
  [/^Invalid escape sequence (.*)/, (m) => `séquence d'échappement invalide ${m[1]} entre guillemets doubles (écrivez \\\\ pour une barre oblique inverse)`],
  [/^Unexpected (.*)/, () => "caractère ou élément inattendu à cet endroit"]
];
const YAML_CODES: Record<string, string> = {
  BAD_INDENT: "indentation incorrecte",
  MISSING_CHAR: "caractère manquant",
  DUPLICATE_KEY: "clé en double dans le même dictionnaire",
  TAB_AS_INDENT: "tabulation dans l'indentation (indentez avec des espaces)",
  BAD_DQ_ESCAPE: "séquence d'échappement invalide entre guillemets doubles",
  MULTILINE_IMPLICIT_KEY: "une clé doit tenir sur une seule ligne",
  BLOCK_AS_IMPLICIT_KEY: "deux « : » sur une même ligne (entourez la valeur de guillemets)",
  UNEXPECTED_TOKEN: "caractère ou élément inattendu à cet endroit"
};

function yamlErrorInFrench(code: string, text: string): string {
  for (const [pattern, say] of YAML_TEXTS) {
    const m = pattern.exec(text);
    if (m) return say(m);
  }
  return YAML_CODES[code] ?? `erreur de syntaxe (code ${code} de la bibliothèque yaml)`;
}

function parseYamlDocument(
  text: string,
  file: string,
  lineOffset: number
): { problems: Problem[] } | { data: unknown; locate: (issues: Issue[], schema: z.ZodType, skip?: number) => Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  if (doc.errors.length > 0)
    return { problems: doc.errors.map((e) => ({ file, ...at(e.pos[0]), message: `YAML invalide : ${yamlErrorInFrench(e.code, e.message.split("\n")[0]!)}` })) };
  const locate = (issues: Issue[], schema: z.ZodType, skip = 0) => {
    const keyPath = (issue: Issue) => issue.path.map((k) => (typeof k === "symbol" ? String(k) : k));
    // A misspelt required key (`lable:`) is reported once, at the misspelling, not also as a missing `label`.
    const suggested = new Set<string>();
    const unknown = issues
      .filter((issue) => issue.code === "unrecognized_keys")
      .flatMap((issue) =>
        (issue.keys ?? []).map((key) => {
          const path = keyPath(issue);
          const problem = unknownKey(doc, path, key, declaredKeys(schema, path.slice(skip)), file, at);
          if (problem.suggestion) suggested.add([...path, problem.suggestion].join("."));
          delete problem.suggestion;
          return problem;
        })
      );
    const others = issues
      .filter((issue) => issue.code !== "unrecognized_keys")
      .flatMap((issue): Problem[] => {
        const path = keyPath(issue);
        if (suggested.has(path.join(".")) && issue.message.endsWith(`trouvé ${NOTHING}`)) return [];
        const node = nearestNode(doc, path);
        const pos = node !== undefined ? at(node) : { line: 1 + lineOffset, column: 1 };
        const field = path.length ? `champ "${path.join(".")}"` : "document";
        return [{ file, ...pos, message: `${field} : ${issue.message}` }];
      });
    return [...others, ...unknown];
  };
  return { data: doc.toJS(), locate };
}

/**
 * An unknown key, named at its own line with the nearest declared key (`lable` → `label`): a misspelt
 * optional key would otherwise be silently dropped, a misspelt required one reported as missing.
 */
function unknownKey(
  doc: Document,
  path: (string | number)[],
  key: string,
  declared: string[],
  file: string,
  at: (offset: number) => { line: number; column: number }
): Problem & { suggestion?: string } {
  const map = path.length ? doc.getIn(path, true) : doc.contents;
  const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
  const offset = pair && isNode(pair.key) && pair.key.range ? pair.key.range[0] : nearestNode(doc, path);
  const near = closest(key, declared);
  return {
    file,
    ...(offset !== undefined ? at(offset) : { line: 1, column: 1 }),
    // The declared keys go in the hint, not the message: a schema gaining a key does not change the report.
    message: `champ "${[...path, key].join(".")}" : clé inconnue : attendu une clé que déclare le schéma, trouvé ${quote(key)}`,
    code: "yaml/unknown-key",
    hint: near ? `vouliez-vous dire "${near}" ? renommez la clé` : `supprimez la clé ; clés déclarées ici : ${declared.join(", ") || "aucune"}`,
    suggestion: near
  };
}

/** Keys declared at a path of a schema (through lists, optionals, defaults, pipes and records). */
export function declaredKeys(schema: z.ZodType, path: (string | number)[]): string[] {
  let s = unwrap(schema);
  for (const step of path) {
    const def = s?._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; valueType?: z.ZodType } | undefined;
    if (!def) return [];
    const next = def.type === "object" ? def.shape?.[String(step)] : def.type === "array" ? def.element : def.type === "record" ? def.valueType : undefined;
    if (!next) return [];
    s = unwrap(next);
  }
  const def = s?._zod.def as { type: string; shape?: Record<string, z.ZodType> } | undefined;
  return def?.type === "object" ? Object.keys(def.shape ?? {}) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.innerType && ["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"].includes(def.type)) s = def.innerType;
    else if (def.type === "pipe" && def.in) s = def.in;
    else return s;
  }
}

/** The declared key nearest a misspelt one (Levenshtein distance at most 2, or a third of its length). */
export function closest(key: string, declared: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const d of declared) {
    const distance = levenshtein(key.toLowerCase(), d.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [d, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function nearestNode(doc: Document, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}

/** zod error customisation: « attendu X, trouvé Y », the house style of every problem message. */
export function expected(what: string) {
  return {
    // An unknown key is not the object's fault as a whole: left to the error map, which names the key at its line.
    error: (issue: { input?: unknown; code?: string }) =>
      issue.code === "unrecognized_keys"
        ? undefined
        : issue.input === undefined
          ? `attendu ${what}, trouvé ${NOTHING}`
          : `attendu ${what}, trouvé ${quote(describe(issue.input))}`
  };
}

function describe(input: unknown): string {
  return typeof input === "string" ? input : JSON.stringify(input) ?? String(input);
}
