import { isValidDate } from "./dataset.ts";
import { z } from "zod";
import { expected } from "./yaml-file.ts";

const dateField = (what: string) =>
  z
    .union([z.string(), z.number(), z.date()], expected(what))
    .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d)))
    .pipe(z.string().refine(isValidDate, expected(what)));

/** A URL a reader can follow: absolute http(s), nothing a browser would execute. */
export const HttpUrl = z
  .string(expected("une URL http(s)"))
  .refine((u) => {
    try {
      const url = new URL(u);
      return (url.protocol === "https:" || url.protocol === "http:") && !/\s/.test(u);
    } catch {
      return false;
    }
  }, expected("une URL http(s)"));

/**
 * How far a source can be trusted to speak for itself, shown next to it wherever it is listed:
 * a reader weighs « selon la DREES » and « selon un site qui recopie un article » differently.
 */
export const SOURCE_TIERS = {
  officiel: "officiel",
  presse: "presse",
  "partie prenante": "partie prenante",
  republication: "republication"
} as const;
export type SourceTier = keyof typeof SOURCE_TIERS;

/** What each tier means, for the legend of the sources page. */
export const TIER_DEFINITIONS: Record<SourceTier, string> = {
  officiel: "organisme public, loi, décision ou rapport officiel",
  presse: "rédaction de presse",
  "partie prenante": "syndicat, association, caisse, assureur ou entreprise qui parle pour elle-même",
  republication: "miroir, agrégateur ou copie d'un texte publié ailleurs"
};

export const SourceSchema = z
  .object(
    {
      id: z.string(expected("un identifiant de source")).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, expected("un identifiant en kebab-case (minuscules, chiffres et tirets)")),
      title: z.string(expected("un titre")).min(1),
      publisher: z.string(expected("un éditeur")).min(1),
      via: z.string().nullish(),
      /** null only for documents without a public address (e.g. a memoir); date_note then says how to find it. */
      url: HttpUrl.nullable(),
      date: dateField("une date de publication AAAA, AAAA-MM ou AAAA-MM-JJ"),
      /** What a reader needs about the date (« date non affichée ; 2025 d'après le contenu »): printed with it. */
      date_note: z.string().nullish(),
      /**
       * How we got or repaired the copy (title rebuilt from the address, an encoding error fixed, an internal
       * document number): for maintainers, shown on dataset pages, /sources/ and in the LISEZMOI, never
       * in the source line of a dossier or a chart.
       */
      curation_note: z.string(expected("une note de curation")).trim().min(1, "attendu une note de curation, trouvé un texte vide").nullish(),
      accessed: dateField("une date de consultation AAAA-MM-JJ"),
      licence: z.string().nullish(),
      tier: z.enum(Object.keys(SOURCE_TIERS) as [SourceTier, ...SourceTier[]], expected(`un niveau (${Object.keys(SOURCE_TIERS).join(", ")})`)),
      /**
       * Why a republication is cited at all (« seule copie retrouvée de l'article de X »), shown to
       * readers beside the source; without it, a figure may not rest on this source alone.
       */
      republication_note: z.string(expected("une note disant pourquoi cette copie est citée")).trim().min(1, "attendu une note disant pourquoi cette copie est citée, trouvé un texte vide").nullish()
    },
    expected("une source (id, title, publisher, url, date, accessed, tier)")
  )
  .strict()
  .superRefine((s, ctx) => {
    if (s.url === null && !s.date_note)
      ctx.addIssue({ code: "custom", path: ["date_note"], message: "attendu une note disant où trouver une source sans URL, trouvé aucune" });
    if (s.republication_note && s.tier !== "republication")
      ctx.addIssue({ code: "custom", path: ["republication_note"], message: `attendu republication_note seulement sur une source de niveau republication, trouvé sur le niveau ${s.tier}` });
  });

export type Source = z.output<typeof SourceSchema>;
