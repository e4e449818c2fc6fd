import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { readText } from "./catalogue.ts";
import type { Problem } from "./problems.ts";
import { HttpUrl } from "./sources.ts";
import { expected, parseYaml, parseYamlList } from "./yaml-file.ts";

export const GLOSSARY_FILE = "content/glossaire.yaml";

const text = (what: string) => z.string(expected(what)).trim().min(1, `attendu ${what}, trouvé un texte vide`);

/** One entry of content/glossaire.yaml. */
export const GlossaryEntrySchema = z
  .object(
    {
      terme: text("un terme"),
      /** Expansion of an acronym (« indemnités journalières » for IJ); absent for plain terms. */
      developpe: text("la forme développée du sigle").optional(),
      definition: text("une définition"),
      /** Exact spellings found in articles, marked up at their first use (case-sensitive for acronyms). */
      variantes: z.array(text("une graphie du terme"), expected("une liste de graphies")).min(1, "attendu au moins une graphie, trouvé aucune"),
      source: z
        .object({ titre: text("le titre de la source"), url: HttpUrl }, expected("une source (titre, url)"))
        .strict()
        .optional(),
      /** Related entries, by their `terme`. */
      voir: z.array(text("un terme du glossaire"), expected("une liste de termes")).default([])
    },
    expected("une entrée du glossaire (terme, definition, variantes)")
  )
  .strict();

export type GlossaryEntryInput = z.output<typeof GlossaryEntrySchema>;

export interface GlossaryEntry extends GlossaryEntryInput {
  /** Anchor on /glossaire/ (« mso », « entretien-d-alerte »). */
  id: string;
}

/** What the Markdown renderer needs to mark up a term: see the `glossary` rule of markdown.ts. */
export interface GlossaryTerm {
  id: string;
  /** Spellings to look for; a spelling starting with a lower-case letter also matches capitalised. */
  variants: string[];
  /** Expansion of an acronym, for <abbr title>. */
  expansion?: string;
  /** First sentence of the definition, for the title of a plain term's link. */
  summary: string;
}

export interface Glossary {
  /** Entries in French alphabetical order. */
  entries: GlossaryEntry[];
  terms: GlossaryTerm[];
}

/** « entretien d'alerte » → « entretien-d-alerte », « SOS IJ » → « sos-ij ». */
export function glossaryId(terme: string): string {
  return terme
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const collator = new Intl.Collator("fr", { sensitivity: "base", ignorePunctuation: true });

/** French dictionary order: accents, case and hyphens do not count. */
export function compareTerms(a: string, b: string): number {
  return collator.compare(a, b) || a.localeCompare(b);
}

/** The letter an entry is filed under (« É » under E). */
export function initialOf(terme: string): string {
  return terme.normalize("NFD").replace(/\p{M}/gu, "").charAt(0).toUpperCase();
}

/** The first sentence of a definition, short enough for a tooltip. */
export function summaryOf(definition: string, max = 180): string {
  const flat = definition.replace(/\s+/g, " ").trim();
  const end = flat.search(/\s*[.;:](\s|$)/);
  const first = end > 0 ? flat.slice(0, end) : flat;
  if (first.length <= max) return first + (end > 0 ? "." : "");
  return first.slice(0, first.lastIndexOf(" ", max - 1)).replace(/[,\s]+$/, "") + "…";
}

/** Reads and checks content/glossaire.yaml; a missing file is an empty glossary. Problems are located. */
export function loadGlossary(root: string, problems: Problem[]): Glossary {
  if (!existsSync(join(root, GLOSSARY_FILE))) return { entries: [], terms: [] };
  const source = readText(root, GLOSSARY_FILE, problems);
  if (source === undefined) return { entries: [], terms: [] };
  const parsed = parseYamlList(source, GLOSSARY_FILE, GlossaryEntrySchema);
  problems.push(...parsed.problems);
  if (parsed.values.length === 0) return { entries: [], terms: [] };
  problems.push(...crossCheck(source));
  const entries = parsed.values.map((e) => ({ ...e, id: glossaryId(e.terme) })).sort((a, b) => compareTerms(a.terme, b.terme));
  return { entries, terms: glossaryTerms(entries) };
}

export function glossaryTerms(entries: GlossaryEntry[]): GlossaryTerm[] {
  return entries.map((e) => ({
    id: e.id,
    variants: e.variantes,
    ...(e.developpe ? { expansion: e.developpe } : {}),
    summary: summaryOf(e.definition)
  }));
}

/**
 * Checks across entries, located in the file: one entry per term (and per anchor), `voir` names an
 * existing term other than itself, and no spelling belongs to two entries (the markup would have to guess).
 */
function crossCheck(source: string): Problem[] {
  // Read leniently: an entry invalid for another reason still declares its term and its spellings,
  // so one typo does not cascade into « unknown term » wherever that entry is named.
  const strings = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x.trim() : undefined)) : []);
  const schema = z.array(z.unknown()).superRefine((items, ctx) => {
    const raw = items.map((item) => (item && typeof item === "object" ? (item as Record<string, unknown>) : {}));
    const terms = new Map<string, number>();
    const ids = new Map<string, string>();
    raw.forEach((entry, i) => {
      if (typeof entry.terme !== "string" || !entry.terme.trim()) return;
      const terme = entry.terme.trim();
      const id = glossaryId(terme);
      const sameId = ids.get(id);
      if (terms.has(terme)) ctx.addIssue({ code: "custom", path: [i, "terme"], message: `attendu chaque terme une seule fois, trouvé ${JSON.stringify(terme)} deux fois` });
      else if (sameId !== undefined)
        ctx.addIssue({ code: "custom", path: [i, "terme"], message: `attendu un terme avec sa propre ancre, trouvé ${JSON.stringify(terme)}, qui partage #${id} avec ${JSON.stringify(sameId)}` });
      terms.set(terme, i);
      ids.set(id, terme);
    });
    const spellings = new Map<string, string>();
    raw.forEach((entry, i) => {
      const terme = typeof entry.terme === "string" ? entry.terme.trim() : `#${i + 1}`;
      strings(entry.voir).forEach((target, j) => {
        if (target === undefined) return;
        if (target === terme) ctx.addIssue({ code: "custom", path: [i, "voir", j], message: `attendu un autre terme, trouvé l'entrée elle-même (${JSON.stringify(target)})` });
        else if (!terms.has(target)) ctx.addIssue({ code: "custom", path: [i, "voir", j], message: `attendu un terme du glossaire, trouvé ${JSON.stringify(target)}` });
      });
      strings(entry.variantes).forEach((v, j) => {
        if (v === undefined) return;
        const owner = spellings.get(v);
        if (owner !== undefined)
          ctx.addIssue({
            code: "custom",
            path: [i, "variantes", j],
            message: owner === terme ? `attendu chaque graphie une seule fois, trouvé ${JSON.stringify(v)} deux fois` : `attendu une graphie propre à une seule entrée, trouvé ${JSON.stringify(v)} aussi sous ${JSON.stringify(owner)}`
          });
        else spellings.set(v, terme);
      });
    });
  });
  return parseYaml(source, GLOSSARY_FILE, schema).problems;
}
