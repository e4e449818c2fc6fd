import { z } from "zod";
import { expected } from "./yaml-file.ts";

export const COLUMN_TYPES = ["string", "text", "integer", "number", "date", "enum", "departement", "source"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

const text = (what = "un texte non vide") => z.string(expected(what)).trim().min(1, expected(what).error({ input: "" }));
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

const ColumnSchema = z
  .object(
    {
      name: z.string(expected("un nom de colonne")).regex(/^[a-z][a-z0-9_]*$/, expected("un nom de colonne en minuscules (a-z, 0-9, _)")),
      type: z.enum(COLUMN_TYPES, expected(`l'une des valeurs ${COLUMN_TYPES.join(", ")}`)),
      label: text("un libellé en français"),
      description: z.string().optional(),
      required: z.boolean(expected("true ou false")).default(true),
      figure: z.boolean(expected("true ou false")).default(false),
      unit: z.string().optional(),
      /** Derived datasets: the official file's cell this value is, found at the line named by column `line`. */
      raw: z.object({ line: z.string(expected("le nom de la colonne qui porte la ligne du fichier officiel")), column: z.string(expected("une colonne du fichier officiel")) }, expected("l'emplacement de la valeur dans le fichier officiel (line, column)")).strict().optional(),
      /** Derived datasets: how Sous objectif computes this column (« montant_ij / montant_total × 100 »), shown as « calcul Sous objectif ». */
      formula: z.string().trim().min(1).optional(),
      /**
       * What an empty cell shows when, in this column, it means « not computed for this row » (growth since
       * 2019 before 2019) rather than a missing figure: « — » instead of « n.d. », explained by `description`.
       */
      empty: z.string().trim().min(1).optional(),
      values: z.record(z.string(), text("un libellé en français pour le code"), expected("des paires code: libellé")).optional()
    },
    expected("une colonne (name, type, label)")
  )
  .strict()
  .superRefine((col, ctx) => {
    if (col.type === "enum" && (!col.values || Object.keys(col.values).length === 0))
      ctx.addIssue({ code: "custom", path: ["values"], message: `attendu les valeurs permises de la colonne enum "${col.name}", trouvé aucune` });
    if (col.type !== "enum" && col.values)
      ctx.addIssue({ code: "custom", path: ["values"], message: `attendu aucune valeur (values) sur une colonne ${col.type}, trouvé des valeurs` });
    if (col.figure && col.type !== "number" && col.type !== "integer")
      ctx.addIssue({ code: "custom", path: ["figure"], message: `attendu figure seulement sur une colonne number ou integer, trouvé le type ${col.type}` });
  });

export const DatasetMetaSchema = z
  .object(
    {
      title: text("un titre"),
      description: text("une description"),
      scope: text("un périmètre (ce qui est compris, ce qui ne l'est pas)"),
      updated: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)).pipe(
        z.string().regex(isoDay, expected("une date AAAA-MM-JJ"))
      ),
      licence: text("une licence"),
      key: z.array(z.string(), expected("une liste de noms de colonnes")).min(1, "attendu au moins une colonne clé, trouvé aucune"),
      not_found: z.array(text(), expected("une liste de textes")).default([]),
      notes: z.array(text(), expected("une liste de textes")).default([]),
      /**
       * A dataset derived from an official file of data/raw/ by `npm run data:import`: its rows are traced to the
       * file's lines instead of excerpts. `lines` names the columns that hold a raw line number, with what that
       * line must say (e.g. the IJ poste), so a row can never point at the wrong line.
       */
      derived: z
        .object(
          {
            from: text("un dossier de data/raw/"),
            lines: z.record(z.string(), z.record(z.string(), z.string()), expected("les colonnes de ligne et les cellules attendues à ces lignes")).default({})
          },
          expected("le fichier officiel dont ce jeu est dérivé (from, lines)")
        )
        .strict()
        .optional(),
      columns: z.array(ColumnSchema, expected("une liste de colonnes")).min(1, "attendu au moins une colonne, trouvé aucune")
    },
    expected("la fiche d'un jeu de données (title, description, scope, columns…)")
  )
  .strict()
  .superRefine((meta, ctx) => {
    const names = meta.columns.map((c) => c.name);
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) ctx.addIssue({ code: "custom", path: ["columns", i, "name"], message: `attendu des noms de colonnes uniques, trouvé "${n}" deux fois` });
    });
    meta.key.forEach((k, i) => {
      if (!names.includes(k)) ctx.addIssue({ code: "custom", path: ["key", i], message: `attendu une colonne déclarée, trouvé "${k}"` });
    });
    if (!names.includes("source"))
      ctx.addIssue({ code: "custom", path: ["columns"], message: 'attendu une colonne "source" (chaque ligne nomme sa source), trouvé aucune' });
    if (meta.columns.some((c) => c.figure) && !names.includes("extrait"))
      ctx.addIssue({ code: "custom", path: ["columns"], message: 'attendu une colonne "extrait" (la citation mot pour mot qui montre chaque chiffre), trouvé aucune' });
    for (const [i, col] of meta.columns.entries()) {
      if (col.raw && !meta.derived) ctx.addIssue({ code: "custom", path: ["columns", i, "raw"], message: "attendu raw seulement dans un jeu dérivé (derived: from …), trouvé dans un jeu compilé" });
      if (col.raw && !names.includes(col.raw.line)) ctx.addIssue({ code: "custom", path: ["columns", i, "raw", "line"], message: `attendu une colonne déclarée, trouvé "${col.raw.line}"` });
    }
    for (const name of Object.keys(meta.derived?.lines ?? {}))
      if (!names.includes(name)) ctx.addIssue({ code: "custom", path: ["derived", "lines", name], message: `attendu une colonne déclarée, trouvé "${name}"` });
    const source = meta.columns.findIndex((c) => c.name === "source");
    if (source >= 0 && meta.columns[source]!.type !== "source")
      ctx.addIssue({ code: "custom", path: ["columns", source, "type"], message: `attendu le type source pour la colonne "source", trouvé ${meta.columns[source]!.type}` });
  });

export type DatasetMeta = z.output<typeof DatasetMetaSchema>;
export type Column = DatasetMeta["columns"][number];
