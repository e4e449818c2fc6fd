import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { dsvFormat } from "d3-dsv";
import { z } from "zod";
import { HttpUrl } from "../sources.ts";
import type { Problem } from "../problems.ts";
import { decodeUtf8 } from "../text.ts";
import { expected, parseYaml } from "../yaml-file.ts";
import { columnIndex, readXlsxSheet } from "./xlsx.ts";

/** Folder of the official files, each in `data/raw/<id>/` beside its card `origine.yaml`. */
export const RAW_DIR = "data/raw";
export const RAW_CARD = "origine.yaml";

const text = (what: string) => z.string(expected(what)).trim().min(1, expected(what).error({ input: "" }));
const day = z
  .union([z.string(), z.date()], expected("une date AAAA-MM-JJ"))
  .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, expected("une date AAAA-MM-JJ")));

/**
 * The card of an official file kept verbatim: who published it, where this copy comes from, under which
 * licence (quoted from the publisher's own terms), its checksum, and what each column means. The card
 * is the only place where these facts live; dataset pages, downloads and credits read them from here.
 */
export const RawCardSchema = z
  .object(
    {
      title: text("le titre du fichier, tel que l'éditeur le nomme"),
      publisher: text("l'éditeur"),
      url: HttpUrl,
      /** Source id (data/sources/) that every derived row names in its `source` column. */
      source: text("un identifiant de source de data/sources/"),
      file: text("le nom du fichier, dans ce dossier"),
      format: z.enum(["csv", "xlsx"], expected("csv ou xlsx")),
      delimiter: z.string().length(1).optional(),
      /** For a workbook: the sheet read. */
      sheet: z.string().optional(),
      /** Line (or sheet row) of the column headers. */
      header_line: z.number().int().positive().default(1),
      sha256: z.string(expected("une empreinte sha256 en hexadécimal")).regex(/^[0-9a-f]{64}$/, expected("64 chiffres hexadécimaux en minuscules")),
      published: text("la date de publication du fichier par l'éditeur, autant qu'on la connaisse"),
      /**
       * Where this copy comes from: downloaded from the publisher (`url`, the address of the download), or
       * copied from a repository (`repository`, `path`, `commit`), with the date it was obtained.
       */
      obtained: z
        .object(
          {
            url: HttpUrl.optional(),
            repository: text("un dépôt").optional(),
            path: text("un chemin").optional(),
            commit: z.string().regex(/^[0-9a-f]{40}$/, expected("un commit de 40 chiffres hexadécimaux")).optional(),
            date: day,
            note: z.string().optional()
          },
          expected("la provenance de la copie (url, ou repository, path et commit ; date)")
        )
        .strict()
        .superRefine((o, ctx) => {
          const copy = (["repository", "path", "commit"] as const).filter((k) => o[k] !== undefined);
          if (o.url === undefined && copy.length === 0)
            ctx.addIssue({ code: "custom", path: ["url"], message: "attendu l'adresse du téléchargement (url), ou repository, path et commit d'une copie, trouvé ni l'un ni l'autre" });
          if (copy.length > 0)
            for (const k of ["repository", "path", "commit"] as const)
              if (o[k] === undefined) ctx.addIssue({ code: "custom", path: [k], message: `attendu ${k} avec ${copy.join(" et ")} (une copie se désigne par repository, path et commit), trouvé aucun` });
        }),
      licence: z
        .object({ name: text("le nom de la licence"), quote: text("une citation mot pour mot des conditions de l'éditeur"), url: HttpUrl, note: z.string().optional() }, expected("la licence (name, quote, url)"))
        .strict(),
      /** How readers must credit it, as the publisher asks. */
      credit: text("la mention de crédit que demande l'éditeur"),
      columns: z
        .array(z.object({ name: text("un nom de colonne"), label: text("un libellé en français"), description: z.string().optional() }).strict(), expected("le dictionnaire des colonnes"))
        .min(1),
      notes: z.array(text("une note")).default([]),
      /** Options read by this file's importer (tolerances, filters), stated here so readers see them. */
      import: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({})
    },
    expected("la fiche d'un fichier officiel (title, publisher, url, file, sha256, obtained, licence, columns)")
  )
  .strict()
  .superRefine((card, ctx) => {
    if (card.format === "xlsx" && !card.sheet) ctx.addIssue({ code: "custom", path: ["sheet"], message: "attendu la feuille lue dans le classeur, trouvé aucune" });
    if (card.format === "csv" && !card.delimiter) ctx.addIssue({ code: "custom", path: ["delimiter"], message: "attendu le séparateur du CSV, trouvé aucun" });
  });

export type RawCard = z.output<typeof RawCardSchema>;

/** An official file read as a table: its cells as the file stores them, by line (or sheet row). */
export interface RawTable {
  id: string;
  card: RawCard;
  /** Path of the file from the project root, as messages and provenance name it. */
  path: string;
  header: string[];
  /** Data lines after the header, in file order; `line` is the line a text editor (or Excel) shows. */
  records: { line: number; fields: string[] }[];
  /** One line's cells by line number, for provenance checks. */
  at(line: number): string[] | undefined;
  /** Index of a column named in a card: a header name (CSV) or a column letter (workbook, « C »). */
  columnIndex(name: string): number;
}

export function rawIds(root: string): string[] {
  const dir = join(root, RAW_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

/**
 * Reads an official file and its card, checking the file's sha256 against the card first: a single
 * changed byte of the raw file is a problem, because every derived figure is traced back to it.
 */
export function loadRaw(root: string, id: string, problems: Problem[]): RawTable | undefined {
  const folder = `${RAW_DIR}/${id}`;
  const cardPath = `${folder}/${RAW_CARD}`;
  if (!existsSync(join(root, cardPath))) {
    problems.push({ file: folder, message: `fichier officiel sans fiche : attendu ${cardPath}, trouvé aucune` });
    return undefined;
  }
  const decodedCard = decodeUtf8(readFileSync(join(root, cardPath)), cardPath);
  if (!decodedCard.ok) {
    problems.push(decodedCard.problem);
    return undefined;
  }
  const parsed = parseYaml(decodedCard.text.replace(/^\uFEFF/, ""), cardPath, RawCardSchema);
  if (!parsed.value) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const card = parsed.value;
  const path = `${folder}/${card.file}`;
  if (!existsSync(join(root, path))) {
    problems.push({ file: cardPath, message: `champ "file" : attendu ${path} à côté de la fiche, trouvé aucun fichier` });
    return undefined;
  }
  const bytes = readFileSync(join(root, path));
  const sha = createHash("sha256").update(bytes).digest("hex");
  if (sha !== card.sha256) {
    problems.push({ file: path, message: `sha256 : attendu ${card.sha256} (${cardPath}), trouvé ${sha} : un fichier officiel se garde octet pour octet tel que publié ; rétablissez-le, ou inscrivez la nouvelle publication dans sa fiche` });
    return undefined;
  }
  let lines: { line: number; fields: string[] }[];
  if (card.format === "xlsx") {
    lines = [...readXlsxSheet(bytes, card.sheet!)].map(([line, fields]) => ({ line, fields }));
  } else {
    const decoded = decodeUtf8(bytes, path);
    if (!decoded.ok) {
      problems.push(decoded.problem);
      return undefined;
    }
    const body = decoded.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\n$/, "");
    // The official CSVs read here have no quoted line breaks: one record per physical line, so a
    // record's line number is the one a text editor shows.
    lines = body.split("\n").map((l, i) => ({ line: i + 1, fields: dsvFormat(card.delimiter!).parseRows(l)[0] ?? [""] }));
  }
  const byLine = new Map(lines.map((l) => [l.line, l.fields]));
  const header = byLine.get(card.header_line) ?? [];
  return {
    id,
    card,
    path,
    header,
    records: lines.filter((l) => l.line > card.header_line),
    at: (line) => byLine.get(line),
    columnIndex: (name) => (card.format === "xlsx" ? columnIndex(name) : header.indexOf(name))
  };
}
