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
      date_note: z.string().nullish(),
      accessed: dateField("an access date YYYY-MM-DD"),
      licence: z.string().nullish()
    },
    expected("a source (id, title, publisher, url, date, accessed)")
  )
  .strict()
  .superRefine((s, ctx) => {
    if (s.url === null && !s.date_note)
      ctx.addIssue({ code: "custom", path: ["date_note"], message: "expected a note saying where to find a source without URL, found none" });
  });

export type Source = z.output<typeof SourceSchema>;
