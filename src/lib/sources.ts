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
  .string(expected("an http(s) URL"))
  .refine((u) => {
    try {
      const url = new URL(u);
      return (url.protocol === "https:" || url.protocol === "http:") && !/\s/.test(u);
    } catch {
      return false;
    }
  }, expected("an http(s) URL"));

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
      id: z.string(expected("a source id")).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, expected("a kebab-case id")),
      title: z.string(expected("a title")).min(1),
      publisher: z.string(expected("a publisher")).min(1),
      via: z.string().nullish(),
      /** null only for documents without a public address (e.g. a memoir); date_note then says how to find it. */
      url: HttpUrl.nullable(),
      date: dateField("a publication date YYYY, YYYY-MM or YYYY-MM-DD"),
      /** What a reader needs about the date (« date non affichée ; 2025 d'après le contenu »): printed with it. */
      date_note: z.string().nullish(),
      /**
       * How we got or repaired the copy (title rebuilt from the address, an encoding error fixed, an internal
       * document number): for maintainers, shown on dataset pages, /sources/ and in the LISEZMOI, never
       * in the source line of a dossier or a chart.
       */
      curation_note: z.string(expected("a curation note")).trim().min(1, "expected a curation note, found an empty text").nullish(),
      accessed: dateField("an access date YYYY-MM-DD"),
      licence: z.string().nullish(),
      tier: z.enum(Object.keys(SOURCE_TIERS) as [SourceTier, ...SourceTier[]], expected(`a tier (${Object.keys(SOURCE_TIERS).join(", ")})`)),
      /**
       * Why a republication is cited at all (« seule copie retrouvée de l'article de X »), shown to
       * readers beside the source; without it, a figure may not rest on this source alone.
       */
      republication_note: z.string(expected("a note saying why this copy is cited")).trim().min(1, "expected a note saying why this copy is cited, found an empty text").nullish()
    },
    expected("a source (id, title, publisher, url, date, accessed, tier)")
  )
  .strict()
  .superRefine((s, ctx) => {
    if (s.url === null && !s.date_note)
      ctx.addIssue({ code: "custom", path: ["date_note"], message: "expected a note saying where to find a source without URL, found none" });
    if (s.republication_note && s.tier !== "republication")
      ctx.addIssue({ code: "custom", path: ["republication_note"], message: `expected republication_note only on a source of tier republication, found it on tier ${s.tier}` });
  });

export type Source = z.output<typeof SourceSchema>;
