import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../src/lib/csv.ts";
import { loadCatalogue } from "../src/lib/catalogue.ts";
import { builtSite } from "./setup/site.ts";

/**
 * The Frictionless Data Packages of the built site, validated against the published profiles kept in
 * tests/fixtures/frictionless/ (see its README for their origin), and checked against the CSVs they describe.
 */
const ROOT = resolve(import.meta.dirname, "..");
const { distDir } = builtSite();
const profile = (name: string) => JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "frictionless", `${name}.json`), "utf8"));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// A hint for form editors in the profiles, not a constraint.
ajv.addFormat("textarea", true);
const validPackage = ajv.compile(profile("tabular-data-package"));
const validResource = ajv.compile(profile("tabular-data-resource"));
const validSchema = ajv.compile(profile("table-schema"));
const catalogue = loadCatalogue(ROOT);
const ids = [...catalogue.datasets.keys()].sort();
const read = (...parts: string[]) => JSON.parse(readFileSync(join(distDir, ...parts), "utf8"));

function errorsOf(validate: ReturnType<typeof ajv.compile>, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** What a field's Table Schema says about a CSV cell; undefined when the cell fits. */
function cellProblem(field: { type: string; constraints?: { required?: boolean; enum?: string[]; pattern?: string } }, cell: string): string | undefined {
  if (cell === "") return field.constraints?.required ? "required, found empty" : undefined;
  const forms: Record<string, RegExp> = { integer: /^-?\d+$/, number: /^-?\d+(\.\d+)?$/, year: /^\d{4}$/, date: /^\d{4}-\d{2}-\d{2}$/ };
  if (forms[field.type] && !forms[field.type]!.test(cell)) return `not a ${field.type}: ${cell}`;
  if (field.constraints?.enum && !field.constraints.enum.includes(cell)) return `not in enum: ${cell}`;
  if (field.constraints?.pattern && !new RegExp(`^(?:${field.constraints.pattern})$`).test(cell)) return `pattern: ${cell}`;
  return undefined;
}

describe("Frictionless data packages", () => {
  it("the validator rejects a descriptor that breaks the profiles (the checks below can fail)", () => {
    const good = read("donnees", ids[0]!, "datapackage.json");
    expect(errorsOf(validPackage, good)).toEqual([]);
    const badType = structuredClone(good);
    badType.resources[0].schema.fields[0].type = "texte";
    expect(errorsOf(validPackage, badType).length).toBeGreaterThan(0);
    const badName = { ...structuredClone(good), name: "Avec Espaces" };
    expect(errorsOf(validPackage, badName).length).toBeGreaterThan(0);
    expect(errorsOf(validSchema, { fields: [{ name: "x", type: "integer" }], missingValues: "" }).length).toBeGreaterThan(0);
  });

  it("every dataset has a datapackage.json valid against the profiles, whose CSV downloads and fits its schema", () => {
    for (const id of ids) {
      const pkg = read("donnees", id, "datapackage.json");
      expect(errorsOf(validPackage, pkg), id).toEqual([]);
      expect(pkg.resources).toHaveLength(1);
      const [resource] = pkg.resources;
      expect(errorsOf(validResource, resource), id).toEqual([]);
      expect(errorsOf(validSchema, resource.schema), id).toEqual([]);
      const bytes = readFileSync(join(distDir, "donnees", id, resource.path));
      expect(bytes.equals(readFileSync(join(ROOT, "data", `${id}.csv`))), id).toBe(true);
      expect(resource.bytes).toBe(bytes.length);
      expect(resource.hash).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
      const meta = catalogue.datasets.get(id)!.meta;
      expect(resource.schema.missingValues).toEqual([""]);
      expect(resource.schema.primaryKey).toEqual(meta.key);
      expect(resource.schema.fields.map((f: { name: string; title: string }) => [f.name, f.title])).toEqual(meta.columns.map((c) => [c.name, c.label]));
      for (const c of meta.columns.filter((c) => c.unit)) expect(resource.schema.fields.find((f: { name: string }) => f.name === c.name).unit, `${id}.${c.name}`).toBe(c.unit);
      const [header, ...records] = parseCsv(bytes.toString("utf8")).filter((r) => r.fields.join("") !== "");
      expect(header!.fields).toEqual(resource.schema.fields.map((f: { name: string }) => f.name));
      const problems = records.flatMap((r) => r.fields.map((cell, i) => cellProblem(resource.schema.fields[i], cell)).filter(Boolean).map((p) => `${id}.csv:${r.line} ${p}`));
      expect(problems).toEqual([]);
      expect(resource.licenses).toEqual([{ title: meta.licence }]);
      expect(resource.sources.length).toBeGreaterThan(0);
    }
  });

  it("a derived dataset's package names the official file it comes from, as its card states it", () => {
    const derived = [...catalogue.datasets.values()].filter((d) => d.meta.derived);
    expect(derived.length).toBeGreaterThan(0);
    for (const d of derived) {
      const card = catalogue.raws.get(d.meta.derived!.from)!.card;
      const [resource] = read("donnees", d.id, "datapackage.json").resources;
      expect(resource.provenance.derived_from).toMatchObject({ url: card.url, sha256: card.sha256, publisher: card.publisher, licence: card.licence, credit: card.credit });
      expect(resource.sources[0]).toEqual({ title: `${card.publisher} — ${card.title} (fichier officiel d'origine)`, path: card.url });
      expect(resource.provenance.formulas).toEqual(d.meta.columns.filter((c) => c.formula).map((c) => ({ column: c.name, formula: c.formula })));
    }
  });

  it("the whole catalogue is one valid package whose resources all download", () => {
    const pkg = read("donnees", "datapackage.json");
    expect(errorsOf(validPackage, pkg)).toEqual([]);
    expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual(ids);
    for (const r of pkg.resources) {
      expect(r.path).toBe(`${r.name}/${r.name}.csv`);
      expect(readFileSync(join(distDir, "donnees", r.path)).length).toBe(r.bytes);
    }
  });

  it("each dataset page links its package from « Télécharger », and /donnees/ links the catalogue's", () => {
    for (const id of ids) {
      const { document } = parseHTML(readFileSync(join(distDir, "donnees", id, "index.html"), "utf8"));
      const hrefs = [...document.querySelectorAll('section[aria-labelledby="telecharger"] a')].map((a) => a.getAttribute("href"));
      expect(hrefs, id).toContain(`/donnees/${id}/datapackage.json`);
    }
    const { document } = parseHTML(readFileSync(join(distDir, "donnees", "index.html"), "utf8"));
    expect([...document.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toContain("/donnees/datapackage.json");
  });
});
