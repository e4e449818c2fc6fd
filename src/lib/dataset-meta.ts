import { z } from "zod";
import { expected } from "./yaml-file.ts";

export const COLUMN_TYPES = ["string", "text", "integer", "number", "date", "enum", "departement", "source"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

const text = (what = "a non-empty text") => z.string(expected(what)).trim().min(1, expected(what).error({ input: "" }));
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

const ColumnSchema = z
  .object(
    {
      name: z.string(expected("a column name")).regex(/^[a-z][a-z0-9_]*$/, expected("a lowercase column name (a-z, 0-9, _)")),
      type: z.enum(COLUMN_TYPES, expected(`one of ${COLUMN_TYPES.join(", ")}`)),
      label: text("a French label"),
      description: z.string().optional(),
      required: z.boolean(expected("true or false")).default(true),
      figure: z.boolean(expected("true or false")).default(false),
      unit: z.string().optional(),
      /** Derived datasets: the official file's cell this value is, found at the line named by column `line`. */
      raw: z.object({ line: z.string(expected("the name of the column holding the raw line")), column: z.string(expected("a column of the official file")) }, expected("where the value is in the official file (line, column)")).strict().optional(),
      /** Derived datasets: how Sous objectif computes this column (« montant_ij / montant_total × 100 »), shown as « calcul Sous objectif ». */
      formula: z.string().trim().min(1).optional(),
      /**
       * What an empty cell shows when, in this column, it means « not computed for this row » (growth since
       * 2019 before 2019) rather than a missing figure: « — » instead of « n.d. », explained by `description`.
       */
      empty: z.string().trim().min(1).optional(),
      values: z.record(z.string(), text("a French label for the code"), expected("a map of code: label")).optional()
    },
    expected("a column (name, type, label)")
  )
  .strict()
  .superRefine((col, ctx) => {
    if (col.type === "enum" && (!col.values || Object.keys(col.values).length === 0))
      ctx.addIssue({ code: "custom", path: ["values"], message: `expected allowed values for enum column "${col.name}", found none` });
    if (col.type !== "enum" && col.values)
      ctx.addIssue({ code: "custom", path: ["values"], message: `expected no values on a ${col.type} column, found some` });
    if (col.figure && col.type !== "number" && col.type !== "integer")
      ctx.addIssue({ code: "custom", path: ["figure"], message: `expected figure only on number or integer columns, found type ${col.type}` });
  });

export const DatasetMetaSchema = z
  .object(
    {
      title: text("a title"),
      description: text("a description"),
      scope: text("a scope (what is in, what is out)"),
      updated: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)).pipe(
        z.string().regex(isoDay, expected("a date YYYY-MM-DD"))
      ),
      licence: text("a licence"),
      key: z.array(z.string(), expected("a list of column names")).min(1, "expected at least one key column, found none"),
      not_found: z.array(text(), expected("a list of texts")).default([]),
      notes: z.array(text(), expected("a list of texts")).default([]),
      /**
       * A dataset derived from an official file of data/raw/ by `npm run data:import`: its rows are traced to the
       * file's lines instead of excerpts. `lines` names the columns that hold a raw line number, with what that
       * line must say (e.g. the IJ poste), so a row can never point at the wrong line.
       */
      derived: z
        .object(
          {
            from: text("a folder of data/raw/"),
            lines: z.record(z.string(), z.record(z.string(), z.string()), expected("line columns and their expected raw cells")).default({})
          },
          expected("the official file this dataset is derived from (from, lines)")
        )
        .strict()
        .optional(),
      columns: z.array(ColumnSchema, expected("a list of columns")).min(1, "expected at least one column, found none")
    },
    expected("a dataset description (title, description, scope, columns…)")
  )
  .strict()
  .superRefine((meta, ctx) => {
    const names = meta.columns.map((c) => c.name);
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) ctx.addIssue({ code: "custom", path: ["columns", i, "name"], message: `expected unique column names, found "${n}" twice` });
    });
    meta.key.forEach((k, i) => {
      if (!names.includes(k)) ctx.addIssue({ code: "custom", path: ["key", i], message: `expected a declared column, found "${k}"` });
    });
    if (!names.includes("source"))
      ctx.addIssue({ code: "custom", path: ["columns"], message: 'expected a "source" column (every row names its source), found none' });
    if (meta.columns.some((c) => c.figure) && !names.includes("extrait"))
      ctx.addIssue({ code: "custom", path: ["columns"], message: 'expected an "extrait" column (the verbatim quote that shows each figure), found none' });
    for (const [i, col] of meta.columns.entries()) {
      if (col.raw && !meta.derived) ctx.addIssue({ code: "custom", path: ["columns", i, "raw"], message: "expected raw only in a derived dataset (derived: from …), found it in a curated one" });
      if (col.raw && !names.includes(col.raw.line)) ctx.addIssue({ code: "custom", path: ["columns", i, "raw", "line"], message: `expected a declared column, found "${col.raw.line}"` });
    }
    for (const name of Object.keys(meta.derived?.lines ?? {}))
      if (!names.includes(name)) ctx.addIssue({ code: "custom", path: ["derived", "lines", name], message: `expected a declared column, found "${name}"` });
    const source = meta.columns.findIndex((c) => c.name === "source");
    if (source >= 0 && meta.columns[source]!.type !== "source")
      ctx.addIssue({ code: "custom", path: ["columns", source, "type"], message: `expected type source for column "source", found ${meta.columns[source]!.type}` });
  });

export type DatasetMeta = z.output<typeof DatasetMetaSchema>;
export type Column = DatasetMeta["columns"][number];
