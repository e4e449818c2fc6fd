import { isValidDate } from "./dataset.ts";
import { z } from "zod";
import { chartFenceId, markdown } from "./markdown.ts";
import type { Problem } from "./problems.ts";
import { expected, parseYaml } from "./yaml-file.ts";

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const day = z
  .union([z.string(), z.date()], expected("une date AAAA-MM-JJ"))
  .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
  .pipe(z.string().refine((d) => isoDay.test(d) && isValidDate(d), expected("une date AAAA-MM-JJ")));

export const FrontMatterSchema = z
  .object(
    {
      title: z.string(expected("un titre")).min(1),
      date: day,
      summary: z.string(expected("un chapeau (summary)")).min(1),
      author: z.string().default("La rédaction"),
      tags: z.array(z.string(), expected("une liste de mots-clés")).min(1, "attendu au moins un mot-clé, trouvé aucun"),
      /** Ids of data/sources/: the list printed at the end of the article. */
      sources: z.array(z.string(), expected("une liste d'identifiants de sources")).min(1, "attendu au moins une source, trouvé aucune"),
      /** Datasets the text quotes figures from, beyond those of its charts. */
      datasets: z.array(z.string(), expected("une liste d'identifiants de jeux de données")).default([]),
      /** Ids of data/evenements.csv this article tells: the timeline links back to the article. */
      events: z.array(z.string(), expected("une liste d'identifiants d'événements")).default([]),
      lead: z.boolean().default(false)
    },
    expected("un front matter (title, date, summary, tags, sources)")
  )
  .strict();

export type FrontMatter = z.output<typeof FrontMatterSchema>;

export interface Article extends FrontMatter {
  slug: string;
  file: string;
  body: string;
  /** Raw front matter, to locate problems in its references (it starts on line 2 of the file). */
  frontMatter: string;
  /** Line of the body's first line in the file, to locate problems found in the body. */
  bodyLine: number;
  charts: { id: string; line: number }[];
  links: { href: string; line: number }[];
  words: number;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Splits and validates one article file; the body's chart fences and links are listed for checking. */
export function parseArticle(text: string, file: string, slug: string): { article?: Article; problems: Problem[] } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { problems: [{ file, line: 1, column: 1, message: "front matter : attendu un bloc entre deux lignes --- en tête du fichier, trouvé aucun" }] };
  const fm = parseYaml(match[1]!, file, FrontMatterSchema, 1);
  if (!fm.value) return { problems: fm.problems };
  const body = text.slice(match[0].length);
  const bodyLine = match[0].split("\n").length;
  const tokens = markdown.parse(body, {});
  const charts: Article["charts"] = [];
  const links: Article["links"] = [];
  const walk = (list: typeof tokens, line: number) => {
    for (const t of list) {
      const at = t.map ? bodyLine + t.map[0] : line;
      const id = chartFenceId(t);
      if (id !== undefined) charts.push({ id, line: at });
      if (t.type === "link_open") links.push({ href: String(t.attrGet("href") ?? ""), line: at });
      if (t.children) walk(t.children, at);
    }
  };
  walk(tokens, bodyLine);
  const problems: Problem[] = [];
  body.split("\n").forEach((l, i) => {
    const unsafe = /\]\(\s*<?\s*((?:javascript|vbscript|data|file):[^)\s]*)/i.exec(l);
    if (unsafe) problems.push({ file, line: bodyLine + i, column: unsafe.index + 1, message: `lien : attendu une URL http(s) ou un chemin du site, trouvé ${JSON.stringify(unsafe[1])}` });
  });
  const words = body.replace(/```[\s\S]*?```/g, "").split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return { article: { ...fm.value, slug, file, frontMatter: match[1]!, body, bodyLine, charts, links, words }, problems };
}

/** Minutes to read, at 230 words a minute (French adult silent reading). */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}

/** Line and column of a value in an article's front matter (for problems about its references). */
export function frontMatterPosition(article: Pick<Article, "frontMatter">, field: string, value: string): { line: number; column: number } {
  const lines = article.frontMatter.split("\n");
  const fieldLine = Math.max(0, lines.findIndex((l) => l.startsWith(`${field}:`)));
  for (let i = fieldLine; i < lines.length; i++) {
    if (i > fieldLine && /^\S/.test(lines[i]!)) break;
    const col = lines[i]!.search(new RegExp(`(?<![\\w-])${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`));
    if (col >= 0) return { line: i + 2, column: col + 1 };
  }
  return { line: fieldLine + 2, column: 1 };
}
