/**
 * content/corrections.yaml: every correction made to a page after publication, value by value —
 * what was wrong, what the page now says, and the source that settles it. The /corrections/ page,
 * the « Correction » note at the end of each corrected dossier and the RSS feed all read it here.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { readText } from "./catalogue.ts";
import { isValidDate } from "./dataset.ts";
import type { Problem } from "./problems.ts";
import { routes } from "./routes.ts";
import { expected, parseYamlList } from "./yaml-file.ts";

export const CORRECTIONS_FILE = "content/corrections.yaml";

/** A page a correction may name, written as its path without base (« /articles/x/ »). */
export interface CorrectedPage {
  /** The path as written in the file. */
  page: string;
  /** The served path (base included), for links. */
  href: string;
  /** The article slug, when the page is a dossier: its « Correction » note is drawn from here. */
  articleSlug?: string;
}

/** What the checker knows of the site: the ids a page path may name. */
export interface CorrectionTargets {
  articleSlugs: ReadonlySet<string>;
  datasetIds: ReadonlySet<string>;
  chartIds: ReadonlySet<string>;
  sourceIds: ReadonlySet<string>;
}

/** « /articles/x/ » → the page it names, or undefined when the site has no such page. */
export function resolvePage(page: string, t: CorrectionTargets): CorrectedPage | undefined {
  const m = /^\/(articles|donnees|graphiques)\/([a-z0-9-]+)\/$/.exec(page);
  if (m) {
    const [, kind, id] = m as unknown as [string, string, string];
    if (kind === "articles" && t.articleSlugs.has(id)) return { page, href: routes.article(id), articleSlug: id };
    if (kind === "donnees" && t.datasetIds.has(id)) return { page, href: routes.dataset(id) };
    if (kind === "graphiques" && t.chartIds.has(id)) return { page, href: routes.chart(id) };
    return undefined;
  }
  const fixed: Record<string, () => string> = { "/glossaire/": routes.glossary, "/chronologie/": routes.timeline, "/sources/": routes.sources };
  return fixed[page] ? { page, href: fixed[page]!() } : undefined;
}

const text = (what: string) => z.string(expected(what)).trim().min(1, `attendu ${what}, trouvé un texte vide`);

function correctionSchema(t: CorrectionTargets) {
  return z
    .object(
      {
        date: z
          .union([z.string(), z.date()], expected("une date AAAA-MM-JJ"))
          .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
          .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, expected("une date AAAA-MM-JJ")).refine(isValidDate, expected("une date AAAA-MM-JJ"))),
        page: text("une page du site (/articles/…/, /donnees/…/, /graphiques/…/, /glossaire/, /chronologie/, /sources/)").refine(
          (p) => resolvePage(p, t) !== undefined,
          expected("une page du site (/articles/…/, /donnees/…/, /graphiques/…/, /glossaire/, /chronologie/, /sources/)")
        ),
        /** What the page said, in substance (not a quotation of our own error in full). */
        avant: text("ce que disait la page (avant)"),
        /** What it says now. */
        apres: text("ce que dit désormais la page (apres)"),
        /** The source that settles the point: an id of data/sources/. */
        source: text("un identifiant de source de data/sources/").refine((s) => t.sourceIds.has(s), expected("un identifiant de source déclaré dans data/sources/"))
      },
      expected("une correction (date, page, avant, apres, source)")
    )
    .strict();
}

export type CorrectionInput = z.output<ReturnType<typeof correctionSchema>>;

export interface Correction extends CorrectionInput {
  /** Anchor on /corrections/ (« correction-2026-12-06-3 »), stable as long as the file only grows. */
  id: string;
  target: CorrectedPage;
}

/** Reads and checks content/corrections.yaml; a missing file means no correction. Problems are located. */
export function loadCorrections(root: string, problems: Problem[], targets: CorrectionTargets): Correction[] {
  if (!existsSync(join(root, CORRECTIONS_FILE))) return [];
  const source = readText(root, CORRECTIONS_FILE, problems);
  if (source === undefined) return [];
  const parsed = parseYamlList(source, CORRECTIONS_FILE, correctionSchema(targets));
  problems.push(...parsed.problems);
  return parsed.values.map((c, i) => ({ ...c, id: `correction-${c.date}-${i + 1}`, target: resolvePage(c.page, targets)! }));
}

/** Corrections, newest first (the order of the page and the feed). */
export function newestFirst(corrections: Correction[]): Correction[] {
  return [...corrections].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}
