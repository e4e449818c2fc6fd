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
    const source = meta.columns.findIndex((c) => c.name === "source");
    if (source >= 0 && meta.columns[source]!.type !== "source")
      ctx.addIssue({ code: "custom", path: ["columns", source, "type"], message: `expected type source for column "source", found ${meta.columns[source]!.type}` });
  });

export type DatasetMeta = z.output<typeof DatasetMetaSchema>;
export type Column = DatasetMeta["columns"][number];
