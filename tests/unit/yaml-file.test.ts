import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DatasetMetaSchema } from "../../src/lib/dataset-meta.ts";
import { describeProblem, formatProblemWithHint } from "../../src/lib/problems.ts";
import { closest, declaredKeys, parseYaml, parseYamlList } from "../../src/lib/yaml-file.ts";
import { FIXTURES, reportWithHints, siteWith } from "../setup/fixture-site.ts";
import { readdirSync } from "node:fs";
import { join } from "node:path";

describe("closest(key, declared): the did-you-mean of an unknown key", () => {
  it("suggests the nearest declared key, within a few edits", () => {
    expect(closest("lable", ["name", "type", "label"])).toBe("label");
    expect(closest("license", ["licence", "title"])).toBe("licence");
    expect(closest("publsher", ["publisher", "url"])).toBe("publisher");
  });
  it("suggests nothing for a key unlike any other", () => {
    expect(closest("commentaire", ["name", "type", "label"])).toBeUndefined();
  });
});

describe("declaredKeys(schema, path): the keys a schema declares where the unknown key sits", () => {
  it("reads through lists, defaults and refinements", () => {
    expect(declaredKeys(DatasetMetaSchema, ["columns", 0])).toEqual(expect.arrayContaining(["name", "type", "label", "figure"]));
    expect(declaredKeys(DatasetMetaSchema, [])).toEqual(expect.arrayContaining(["title", "licence", "columns"]));
  });
});

describe("one error map for every YAML file and front matter", () => {
  const Schema = z.object({ label: z.string(), items: z.array(z.object({ name: z.string(), n: z.number().optional() }).strict()).default([]), ok: z.boolean().default(false) }).strict();
  it("names an unknown key at its own line and column, with a suggestion, a code and a hint", () => {
    const { problems } = parseYaml("label: x\nitems:\n  - name: a\n    nn: 2\n", "f.yaml", Schema);
    expect(problems).toEqual([
      {
        file: "f.yaml",
        line: 4,
        column: 5,
        message: 'champ "items.0.nn" : clé inconnue : attendu une clé que déclare le schéma, trouvé "nn"',
        code: "yaml/unknown-key",
        hint: 'vouliez-vous dire "n" ? renommez la clé'
      }
    ]);
  });
  it("reports a misspelt required key once, at the misspelling", () => {
    expect(parseYaml("lable: x\n", "f.yaml", Schema).problems.map(formatProblemWithHint)).toEqual([
      'f.yaml:1:1 champ "lable" : clé inconnue : attendu une clé que déclare le schéma, trouvé "lable" [yaml/unknown-key]\n    conseil : vouliez-vous dire "label" ? renommez la clé'
    ]);
  });
  it("writes zod's type errors in the house style, in French (« attendu …, trouvé … »)", () => {
    expect(parseYaml('label: x\nok: "yes"\n', "f.yaml", Schema).problems.map((p) => p.message)).toEqual(['champ "ok" : attendu true ou false, trouvé "yes"']);
  });
  it("leaves no zod message in English: the issues the house style does not word get zod's French text", () => {
    const Short = z.object({ code: z.string().max(3) }).strict();
    expect(parseYaml("code: abcdef\n", "f.yaml", Short).problems.map((p) => p.message)).toEqual([expect.stringMatching(/^champ "code" : Trop grand : /)]);
  });
  it("says a YAML syntax error in French, at its position", () => {
    expect(parseYaml('label: "x\nok: true\n', "f.yaml", Schema).problems.map((p) => p.message)).toEqual(['YAML invalide : guillemet fermant " manquant']);
  });
  it("lists the declared keys in the hint when no key is near", () => {
    expect(parseYaml("label: x\ncommentaire: y\n", "f.yaml", Schema).problems[0]!.hint).toBe("supprimez la clé ; clés déclarées ici : label, items, ok");
  });
  it("locates unknown keys in list items too (sources)", () => {
    const { problems } = parseYamlList("- name: a\n- name: b\n  nme: c\n", "s.yaml", z.object({ name: z.string() }).strict());
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([[3, 3, 'champ "1.nme" : clé inconnue : attendu une clé que déclare le schéma, trouvé "nme"']]);
  });
});

describe("every problem has a code and a hint", () => {
  it("no case of the bad-data corpus falls back to the generic kind", () => {
    const others = readdirSync(join(FIXTURES, "bad"))
      .flatMap((name) => reportWithHints(siteWith(join(FIXTURES, "bad", name))).split("\n").filter((l) => / \[other\]$/.test(l)).map((l) => `${name}: ${l}`));
    expect(others).toEqual([]);
  });
  it("a problem's own code and hint win over its kind's", () => {
    expect(describeProblem({ file: "x", message: 'colonne "a" : attendu un nombre, trouvé "x"' })).toEqual({ code: "csv/not-a-number", hint: expect.stringMatching(/séparateur décimal/) });
    expect(describeProblem({ file: "x", message: "m", code: "a/b", hint: "h" })).toEqual({ code: "a/b", hint: "h" });
  });
});
