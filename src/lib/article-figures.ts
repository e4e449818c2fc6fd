/**
 * Figures stated in our own words (articles, chart titles and notes) matched to the row they claim:
 * same value (to the decimals written), same unit, and, where the sentence names them, the same year
 * and scope. A figure whose sentence names no year must leave exactly one fact it could mean.
 * « 10,4 milliards » in a sentence about 2023 is refused even if some 2015 row holds 10.4.
 */
import type { Article } from "./articles.ts";
import type { Dataset, Row } from "./dataset.ts";
import { readNumbers } from "./figures.ts";
import { markdown } from "./markdown.ts";
import type { Problem } from "./problems.ts";

export interface TextFigure {
  raw: string;
  value: number;
  decimals: number;
  /** Offset in the text read. */
  index: number;
  /** The unit written after the figure (« milliards », « % », « médecins »). */
  unit: TextUnit;
  /** Some words around the figure, for the failure message. */
  context: string;
}

/** Scale or kind of quantity; `count` carries the noun, when one follows. */
export type UnitKind = "Md€" | "M€" | "millions" | "€" | "%" | "count";
export interface TextUnit {
  kind: UnitKind;
  noun?: string;
}

const MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
/** Numbers that label rather than count: legal references, questions, pages (« article 28 », « question 4 »). */
const LEGAL_BEFORE = /(n°|no|loi|décret|article|art\.|amendement|articles|alinéa|décision|question|questions|page|p\.|chapitre|tableau|annexe|L|R|D)\s*$/iu;
/** Titles that start with a number: « 20 Minutes » is a newspaper, not twenty minutes. */
const NAME_AFTER = /^\s(Minutes|Millions de consommateurs)\b/u;
/** Names that end with a number: « Europe 1 » is a radio station. */
const NAME_BEFORE = /(Europe|France|RMC|TF|Canal)\s$/u;
/** A year: four digits written without a thousands space (« 2 000 médecins » is a count, not a year). */
const YEAR = /(?<!\d[\u00a0\u202f ])(?<![\d,.])(?:19|20)\d{2}(?!\d|,\d|[ \u00a0\u202f]\d{3}(?!\d))/g;

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
/** « médecins » → « medecin »: nouns compared without accents, case or plural. */
const stem = (w: string) => fold(w).replace(/(s|x)$/, "");

/** The unit written after a figure; a range (« 20 à 30 % », « 7,7 ou 7,6 milliards ») takes its end's unit. */
export function unitAfter(after: string): TextUnit {
  const a = after.replace(/^(?:\s*(?:à|et|ou|-)\s*\d+(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?)+/u, "").trimStart();
  if (/^(milliards?\b|md\s?€)/iu.test(a)) return { kind: "Md€" };
  if (/^(millions?\s+d['’]euros|m\s?€)/iu.test(a)) return { kind: "M€" };
  if (/^millions?\b/iu.test(a)) return { kind: "millions" };
  if (/^(€|euros?\b)/iu.test(a)) return { kind: "€" };
  if (/^(%|pour\s?cent\b)/iu.test(a)) return { kind: "%" };
  const noun = /^(\p{L}[\p{L}-]*)/u.exec(a)?.[1];
  return noun ? { kind: "count", noun: stem(noun) } : { kind: "count" };
}

/** The figures a text states in digits: amounts, percentages, counts. Years, dates, ordinals and legal references are left out. */
export function extractFigures(text: string): TextFigure[] {
  const flat = text.replace(/\s/g, " ");
  const figures: TextFigure[] = [];
  for (const t of readNumbers(flat)) {
    if (t.words || t.alternative) continue;
    const { raw, index: start } = t;
    const before = flat.slice(Math.max(0, start - 24), start);
    const after = flat.slice(start + raw.length, start + raw.length + 40);
    if (/[\p{L}\-/]$|\p{L}\($/u.test(before) || /^\p{L}/u.test(after) && !/^(er|e|ème|nd|nde)\b/u.test(after)) continue; // part of a code (L162-1, A4, alert(1))
    if (t.decimals === 0 && /^(19|20)\d{2}$/.test(raw)) continue; // a year (never « 2 000 »)
    if (new RegExp(`^(er)?\\s+(${MONTHS})`, "iu").test(after)) continue; // a day of a date
    if (/^(er|e|ème|nd|nde)\b/u.test(after)) continue; // an ordinal
    if (/^\s?h\d{0,2}\b/u.test(after)) continue; // a time of day
    if (/^\s(derniers|dernières|prochains|prochaines)\b/u.test(after)) continue; // a span of time (« ces 20 dernières années »)
    if (/^-\d/.test(after) || /\d-$/.test(before)) continue; // a legal or decree number (2004-810)
    if (LEGAL_BEFORE.test(before) || NAME_AFTER.test(after) || NAME_BEFORE.test(before)) continue;
    figures.push({ raw, value: t.value, decimals: t.decimals, index: start, unit: unitAfter(after), context: `${before}${raw}${after.slice(0, 24)}`.trim() });
  }
  return figures;
}

/** Years a text names (« en 2023 », « entre 2010 et 2019 », « 2016-2017 »), never a grouped count. */
export function yearsIn(text: string): number[] {
  return [...new Set([...text.matchAll(YEAR)].map((m) => Number(m[0])))];
}

/**
 * Does a stated figure match a data value, allowing the rounding its own decimals imply? « 10 » stands
 * for 9.5 up to, not including, 10.5 (half rounds up: 1.5 is written « 2 », never « 1 »).
 */
export function matchesValue(figure: Pick<TextFigure, "value" | "decimals">, values: Iterable<number>): boolean {
  const half = 0.5 * 10 ** -figure.decimals;
  for (const v of values) {
    const d = Math.abs(v) - figure.value;
    if (d >= -half - 1e-9 && d < half - 1e-9) return true;
  }
  return false;
}

/** One figure cell of a dataset, with what a sentence can say about it. */
export interface FigureRow {
  dataset: string;
  /** Line in data/<dataset>.csv. */
  line: number;
  value: number;
  unit?: { kind: UnitKind; noun?: string };
  years: number[];
  scope?: string;
  /** Name of the département the row is about (« Pyrénées-Atlantiques »), when it is about one. */
  place?: string;
}

/** Words that open a unit label without naming what is counted (« autres médecins », « fois le Smic »). */
const NOT_A_NOUN = new Set(["autre", "nombre", "pour", "fois", "million", "de", "des", "le", "la", "les"]);

/** Unit of a row, from its `unite` code and the French label the card gives it; `noun` is what it counts. */
export function rowUnit(code: string, label: string): { kind: UnitKind; noun?: string } {
  const l = fold(label);
  const kind: UnitKind =
    code === "Md€" || /^milliards d/.test(l) ? "Md€"
    : code === "M€" || /^millions d['’]euros/.test(l) || code.startsWith("M€") ? "M€"
    : /^millions/.test(l) ? "millions"
    : code === "€" || /^euros/.test(l) ? "€"
    : code === "%" || /^pour ?cent/.test(l) ? "%"
    : "count";
  if (kind !== "count") return { kind };
  const noun = label.replace(/\(.*$/, "").split(/[^\p{L}]+/u).map(stem).find((w) => w.length > 1 && !NOT_A_NOUN.has(w));
  return noun ? { kind, noun } : { kind };
}

/** Every figure cell of a dataset (columns declared figure: true), or every number cell when none is. */
export function figureRows(dataset: Dataset, rows: Row[] = dataset.rows, places: ReadonlyMap<string, string> = new Map()): FigureRow[] {
  const cols = dataset.meta.columns;
  const figureCols = cols.filter((c) => c.figure).map((c) => c.name);
  const numberCols = figureCols.length ? figureCols : cols.filter((c) => c.type === "number" || c.type === "integer").map((c) => c.name);
  const unitCol = cols.find((c) => c.name === "unite");
  const declared = new Map(cols.map((c) => [c.name, c.unit] as const));
  const statesUnits = !!unitCol || cols.some((c) => c.unit);
  const yearCols = cols.filter((c) => c.type === "date" || (c.type === "integer" && /^(annee|debut|fin)$/.test(c.name))).map((c) => c.name);
  const out: FigureRow[] = [];
  for (const row of rows) {
    const i = dataset.rows.indexOf(row);
    for (const name of numberCols) {
      const value = row[name];
      if (typeof value !== "number") continue;
      // The unit of a cell: its column's own `unit` (derived datasets), else the row's `unite` code.
      const own = declared.get(name);
      const code = own ?? (unitCol ? row.unite : undefined);
      const years = yearCols.map((c) => row[c]).filter((v) => v !== null && v !== undefined).map((v) => Number(String(v).slice(0, 4)));
      out.push({
        dataset: dataset.id,
        line: dataset.lines[i] ?? 0,
        value,
        // A number of unstated unit beside columns that state theirs (an index, a derived count) is a
        // plain count: never a %, an amount, or a noun some row counts.
        unit: typeof code === "string" ? rowUnit(code, own ?? unitCol?.values?.[code] ?? code) : statesUnits ? { kind: "count" } : undefined,
        years: [...new Set(years)],
        scope: typeof row.perimetre === "string" ? row.perimetre : undefined,
        place: typeof row.departement === "string" ? places.get(row.departement) ?? row.departement : undefined
      });
    }
  }
  return out;
}

const EUROS: Partial<Record<UnitKind, number>> = { "Md€": 1e9, "M€": 1e6, "€": 1 };

/**
 * The factor that turns a row's value into the unit written, or undefined when the units differ:
 * amounts convert between €, M€ and Md€ (a row of 7 690 000 000 € is « 7,69 milliards »).
 */
function unitFactor(text: TextUnit, row: FigureRow, knownNouns: Set<string>): number | undefined {
  if (!row.unit) return 1; // a dataset that states no unit at all
  const from = EUROS[row.unit.kind];
  const to = EUROS[text.kind === "millions" && from !== undefined ? "M€" : text.kind]; // « 541 millions » of an amount
  if (from !== undefined && to !== undefined) return from / to;
  if (text.kind === "millions") return row.unit.kind === "millions" ? 1 : undefined;
  if (text.kind !== row.unit.kind) return undefined;
  // « 2 000 médecins » must be a row counted in médecins when some cited row counts médecins;
  // a noun no unit names (« 965 généralistes ») fits any count.
  if (text.kind === "count" && text.noun && knownNouns.has(text.noun)) return row.unit.noun === text.noun ? 1 : undefined;
  return 1;
}

/** The name a scope code goes by in a sentence: its leading acronym (DREES-SAL → DREES, REPSS-RG → REPSS). */
function scopeName(code: string): string | undefined {
  const head = code.split("-")[0]!;
  return head.length >= 3 && head === head.toUpperCase() ? head : undefined;
}

export interface FigureMismatch {
  figure: TextFigure;
  code: "figure/not-in-data" | "figure/other-unit" | "figure/other-year" | "figure/ambiguous";
  message: string;
  hint: string;
}

const where = (rows: FigureRow[]) =>
  [...new Set(rows.map((r) => `data/${r.dataset}.csv:${r.line}${r.years.length ? ` (${r.years.join("–")})` : ""}`))].slice(0, 4).join(", ");
const unitName = (u: TextUnit) => (u.kind === "count" ? (u.noun ? `en nombre de ${u.noun}` : "en nombre") : `en ${u.kind}`);

/**
 * Checks the figures of one text against the rows it may cite. Sentences are read one at a time; a
 * figure's own stretch of words (from the previous figure to the next) names its year and scope, or
 * else the sentence does.
 */
export function checkStatedFigures(text: string, rows: FigureRow[], cited: string): FigureMismatch[] {
  const out: FigureMismatch[] = [];
  const knownNouns = new Set(rows.flatMap((r) => (r.unit?.noun ? [r.unit.noun] : [])));
  const scopeNames = new Map<string, string>();
  for (const r of rows) if (r.scope && scopeName(r.scope)) scopeNames.set(r.scope, scopeName(r.scope)!);
  const flat = text.replace(/\s/g, " "); // same length: offsets stay those of the text
  for (const s of sentences(flat)) {
    const figures = extractFigures(s.text);
    figures.forEach((f, i) => {
      const figure = { ...f, index: f.index + s.start };
      const stretch = s.text.slice(i > 0 ? figures[i - 1]!.index + figures[i - 1]!.raw.length : 0, i + 1 < figures.length ? figures[i + 1]!.index : s.text.length);
      const stated = `${f.raw}${f.unit.kind === "count" ? "" : ` ${f.unit.kind}`}`;
      let candidates = rows.filter((r) => {
        const factor = unitFactor(f.unit, r, knownNouns);
        return factor !== undefined && matchesValue(f, [r.value * factor]);
      });
      if (candidates.length === 0) {
        const sameValue = rows.filter((r) => matchesValue(f, [r.value]));
        out.push({
          figure,
          code: sameValue.length ? "figure/other-unit" : "figure/not-in-data",
          message: `chiffre ${JSON.stringify(f.raw)} : attendu une valeur ${unitName(f.unit)} dans ${cited}, trouvé ${sameValue.length ? `${f.raw} seulement dans une autre unité (${where(sameValue)})` : "aucune"}`,
          hint: sameValue.length
            ? "écrivez l'unité que donnent les données, ou corrigez le chiffre"
            : "corrigez le chiffre, ou citez le jeu de données qui le contient (`datasets:` du front matter, ou un graphique de ce jeu)"
        });
        return;
      }
      // A row about one département is meant by a paragraph that names it: « 1 % » of the national
      // campaign is not the share of some département's spending that happens to be 1 %. Rows about
      // places the paragraph does not name step aside when other rows remain.
      const prose = flat.replace(/’/g, "'");
      const placed = candidates.filter((r) => !r.place || new RegExp(`(?<![\\p{L}-])${r.place.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}-])`, "u").test(prose));
      if (placed.length) candidates = placed;
      const named = new Set([...scopeNames].filter(([, name]) => new RegExp(`(?<![\\p{L}-])${name}(?![\\p{L}-])`, "u").test(stretch)).map(([code]) => code));
      if ([...named].some((code) => candidates.some((r) => r.scope === code))) {
        const inScope = candidates.filter((r) => !r.scope || named.has(r.scope));
        candidates = inScope;
      }
      const years = yearsIn(s.text);
      if (years.length) {
        const inYear = candidates.filter((r) => r.years.length === 0 || r.years.some((y) => years.includes(y)));
        if (inYear.length === 0) {
          out.push({
            figure,
            code: "figure/other-year",
            message: `chiffre ${JSON.stringify(stated)} : attendu une ligne de ${years.join(" ou ")} (${years.length > 1 ? "les années que nomme" : "l'année que nomme"} la phrase), trouvé ${f.raw} seulement dans ${where(candidates)}`,
            hint: "corrigez le chiffre, ou nommez dans sa phrase l'année dont il parle"
          });
        }
        return;
      }
      // No year in the sentence: the rows it could mean must all be about the same year(s); the
      // paragraph's years may settle it (« en 2025 » said once, then « 500 généralistes, soit 1 % »).
      const around = yearsIn(flat);
      const inParagraph = candidates.filter((r) => r.years.some((y) => around.includes(y)));
      const meant = inParagraph.length ? inParagraph : candidates;
      // Rows with no year conflict with none; dated rows conflict when no year is common to all. A figure
      // is meant when one cited dataset holds it for one period: a coincidence in another table (a share
      // of 20 % somewhere in a yearly series) does not make a sentence ambiguous.
      const oneMeaning = (group: FigureRow[]) => {
        const dated = group.filter((r) => r.years.length > 0);
        return dated.length === 0 || dated[0]!.years.some((y) => dated.every((r) => r.years.includes(y)));
      };
      const byDataset = Map.groupBy(meant, (r) => r.dataset);
      const periods = new Set(meant.filter((r) => r.years.length > 0).map((r) => r.years.join("–")));
      if (![...byDataset.values()].some(oneMeaning))
        out.push({
          figure,
          code: "figure/ambiguous",
          message: `chiffre ${JSON.stringify(stated)} : attendu une seule ligne qu'il puisse désigner, trouvé des lignes de ${periods.size} années différentes (${where(meant)})`,
          hint: "nommez l'année (ou le périmètre) dans la phrase, pour que le chiffre désigne une seule ligne"
        });
    });
  }
  return out;
}

/** Sentences of a paragraph, with their offsets. */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/(?<=[.!?…])\s+(?=[\p{Lu}«\d])/gu)) {
    out.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), start });
  return out.filter((s) => s.text.trim());
}

/** The prose of an article body, block by block, with the file line each block starts on. Chart fences and code are left out. */
export function proseBlocks(body: string, bodyLine: number): { text: string; line: number }[] {
  const blocks: { text: string; line: number }[] = [];
  for (const t of markdown.parse(body, {})) {
    if (t.type !== "inline" || !t.map || !t.children) continue;
    const text = t.children
      .map((c) => (c.type === "text" ? c.content : c.type === "softbreak" || c.type === "hardbreak" ? "\n" : c.type === "code_inline" ? " ".repeat(c.content.length) : ""))
      .join("");
    blocks.push({ text, line: bodyLine + t.map[0] });
  }
  return blocks;
}

/** Every figure of an article's prose, matched to the rows of the datasets it cites (front matter and chart fences). */
export function checkArticleFigures(article: Pick<Article, "file" | "body" | "bodyLine">, rows: FigureRow[], cited: string[]): Problem[] {
  const sourceLines = article.body.split("\n");
  const problems: Problem[] = [];
  for (const block of proseBlocks(article.body, article.bodyLine))
    for (const m of checkStatedFigures(block.text, rows, cited.join(", ") || "aucun jeu de données (le front matter n'en cite aucun)")) {
      const before = block.text.slice(0, m.figure.index);
      const line = block.line + (before.match(/\n/g)?.length ?? 0);
      const raw = m.figure.raw.replace(/[\u00a0\u202f]/g, " ");
      const nth = before.slice(before.lastIndexOf("\n") + 1).replace(/[\u00a0\u202f]/g, " ").split(raw).length - 1;
      const column = nthIndex((sourceLines[line - article.bodyLine] ?? "").replace(/[\u00a0\u202f]/g, " "), raw, nth) + 1 || 1;
      problems.push({ file: article.file, line, column, message: m.message, code: m.code, hint: m.hint });
    }
  return problems;
}

/** The part of a chart a figure was read in, as the message names it (with the declaration's key where there is one). */
const PART_NAMES: Record<string, string> = {
  title: "titre (title)",
  subtitle: "sous-titre (subtitle)",
  alt: "texte alternatif (alt)",
  notes: "notes",
  legend: "légende",
  "text alternative": "texte alternatif écrit d'après les lignes"
};
const partName = (part: string) => PART_NAMES[part] ?? part;

/**
 * The words of a chart (title, subtitle, notes, text alternative, legend) matched to the rows it draws.
 * `source` is the chart module's text, to point at the line that writes the figure.
 */
export function checkChartWords(file: string, texts: Record<string, string>, rows: FigureRow[], source?: string): Problem[] {
  const lines = source?.replace(/[\u00a0\u202f]/g, " ").split("\n") ?? [];
  const problems: Problem[] = [];
  for (const [part, text] of Object.entries(texts))
    for (const m of checkStatedFigures(text, rows, "les lignes tracées")) {
      const raw = m.figure.raw.replace(/[\u00a0\u202f]/g, " ");
      const i = lines.findIndex((l) => l.includes(raw));
      problems.push({ file, ...(i >= 0 ? { line: i + 1, column: lines[i]!.indexOf(raw) + 1 } : {}), message: `graphique, ${partName(part)} : ${m.message}`, code: m.code, hint: m.hint });
    }
  return problems;
}

function nthIndex(text: string, part: string, n: number): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(part, i + 1);
    if (i < 0) return -1;
  }
  return i;
}
