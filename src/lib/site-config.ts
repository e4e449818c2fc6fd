import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { readText } from "./catalogue.ts";
import { countOf } from "./format.ts";
import { ProblemsError, type Problem } from "./problems.ts";
import { expected, parseYaml } from "./yaml-file.ts";

/**
 * content/site.yaml: who publishes the site, as French law asks every online publisher to say
 * (loi n° 2004-575 du 21 juin 2004, LCEN). The maintainer fills it in; nothing here is ever
 * guessed. While a field is empty the build warns and /mentions-legales/ tells readers it is missing.
 */
export const SITE_CONFIG_FILE = "content/site.yaml";

/** Empty, or absent, means « not filled in yet »: a YAML `~` or `""` are the same thing. */
const field = (what: string) =>
  z
    .string(expected(what))
    .nullish()
    .transform((v) => (v ?? "").trim());

/** zod error for an object: names unknown keys (a typo in a key must not read as « not filled in »). */
const object = (what: string, keys: string) => ({
  error: (issue: { code?: string; keys?: string[]; input?: unknown }) =>
    issue.code === "unrecognized_keys"
      ? `attendu seulement les clés ${keys}, trouvé ${issue.keys?.map((k) => JSON.stringify(k)).join(", ")}`
      : expected(what).error(issue)
});

const EMAIL = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}$/i;

export const SiteConfigSchema = z
  .object(
    {
      editeur: z
        .object({ nom: field("le nom de l'éditeur"), adresse: field("l'adresse postale de l'éditeur"), telephone: field("le téléphone de l'éditeur") }, object("l'éditeur (nom, adresse, telephone)", "nom, adresse, telephone"))
        .strict()
        .nullish()
        .transform((v) => v ?? { nom: "", adresse: "", telephone: "" }),
      directeur_publication: field("le nom du directeur ou de la directrice de la publication"),
      hebergeur: z
        .object({ nom: field("le nom de l'hébergeur"), adresse: field("l'adresse postale de l'hébergeur"), telephone: field("le téléphone de l'hébergeur") }, object("l'hébergeur (nom, adresse, telephone)", "nom, adresse, telephone"))
        .strict()
        .nullish()
        .transform((v) => v ?? { nom: "", adresse: "", telephone: "" }),
      contact: field("une adresse électronique de contact").refine((v) => v === "" || EMAIL.test(v), { error: "attendu une adresse électronique comme redaction@exemple.fr (sans mailto:), trouvé autre chose" })
    },
    object("la configuration du site (editeur, directeur_publication, hebergeur, contact)", "editeur, directeur_publication, hebergeur, contact")
  )
  .strict();

export type SiteConfig = z.output<typeof SiteConfigSchema>;

const EMPTY: SiteConfig = { editeur: { nom: "", adresse: "", telephone: "" }, directeur_publication: "", hebergeur: { nom: "", adresse: "", telephone: "" }, contact: "" };

/** Every legal item, with its key in content/site.yaml and how a reader calls it. */
export const LEGAL_ITEMS: { key: string; label: string; value: (c: SiteConfig) => string }[] = [
  { key: "editeur.nom", label: "nom ou raison sociale de l’éditeur", value: (c) => c.editeur.nom },
  { key: "editeur.adresse", label: "adresse de l’éditeur", value: (c) => c.editeur.adresse },
  { key: "editeur.telephone", label: "téléphone de l’éditeur", value: (c) => c.editeur.telephone },
  { key: "directeur_publication", label: "directeur ou directrice de la publication", value: (c) => c.directeur_publication },
  { key: "hebergeur.nom", label: "nom ou raison sociale de l’hébergeur", value: (c) => c.hebergeur.nom },
  { key: "hebergeur.adresse", label: "adresse de l’hébergeur", value: (c) => c.hebergeur.adresse },
  { key: "hebergeur.telephone", label: "téléphone de l’hébergeur", value: (c) => c.hebergeur.telephone },
  { key: "contact", label: "adresse électronique de contact", value: (c) => c.contact }
];

export interface LoadedSiteConfig {
  config: SiteConfig;
  /** Items still empty, in LEGAL_ITEMS order. */
  missing: typeof LEGAL_ITEMS;
  /** Malformed file (bad YAML, unknown key, an e-mail that is not one): these stop the build. */
  problems: Problem[];
}

/** Reads content/site.yaml. An absent file is an empty configuration (every item missing), not an error. */
export function loadSiteConfig(root: string = process.cwd()): LoadedSiteConfig {
  const problems: Problem[] = [];
  let config = EMPTY;
  if (existsSync(join(root, SITE_CONFIG_FILE))) {
    const text = readText(root, SITE_CONFIG_FILE, problems);
    if (text !== undefined) {
      const parsed = parseYaml(text.trim() === "" ? "{}" : text, SITE_CONFIG_FILE, SiteConfigSchema);
      problems.push(...parsed.problems);
      if (parsed.value) config = parsed.value;
    }
  }
  return { config, missing: LEGAL_ITEMS.filter((i) => i.value(config) === ""), problems };
}

/** The warning the build prints while the legal items are incomplete, or undefined once all are filled in. */
export function legalWarning(loaded: LoadedSiteConfig): string | undefined {
  if (loaded.missing.length === 0) return undefined;
  return (
    `Attention : mentions légales incomplètes, ${countOf(loaded.missing.length, "champ vide", "champs vides")} dans ${SITE_CONFIG_FILE} (${loaded.missing.map((i) => i.key).join(", ")}). ` +
    `La page /mentions-legales/ le signale aux lecteurs ; remplissez ce fichier avant de publier (voir README, « Mentions légales »).`
  );
}

let cached: LoadedSiteConfig | undefined;

/** The configuration, for pages; a malformed file stops the build. */
export function getSiteConfig(): LoadedSiteConfig {
  cached ??= loadSiteConfig();
  if (cached.problems.length > 0) throw new ProblemsError(cached.problems);
  return cached;
}
