import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkArticleFigures, figureRows } from "../../src/lib/article-figures.ts";
import { formatProblem } from "../../src/lib/problems.ts";
import { loadSite } from "../../src/site/site.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
const site = loadSite();

/** The check as loadSite (and so `npm run data:check` and the build) runs it, on one article's text. */
function figureProblems(file: string, edit: (body: string) => string): string[] {
  const article = site.articles.find((a) => a.file === file)!;
  const cited = [...new Set([...article.datasets, ...article.charts.flatMap((c) => site.charts.get(c.id)?.spec.dataset ?? [])])];
  const rows = cited.flatMap((id) => figureRows(site.catalogue.datasets.get(id)!));
  return checkArticleFigures({ ...article, body: edit(article.body) }, rows, cited).map(formatProblem);
}

describe("every figure in an article is a row of the datasets it cites (same unit, year, scope)", () => {
  for (const article of site.articles)
    it(article.file, () => {
      expect(site.problems.filter((p) => p.file === article.file && p.code?.startsWith("figure/")).map(formatProblem)).toEqual([]);
    });
});

describe("a wrong figure written into a dossier is caught", () => {
  const file = "content/articles/pourquoi-les-ij-augmentent.md";
  it("a value that exists elsewhere in the data with another year (« 10,4 milliards » for 2023; 10.4 is a 2015 value)", () => {
    const found = figureProblems(file, (b) => b.replace("la DREES annonce 10,2 milliards", "la DREES annonce 10,4 milliards"));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^content\/articles\/pourquoi-les-ij-augmentent\.md:\d+:\d+ chiffre "10,4 Md€" : attendu une ligne de 2023 .*data\/ij-depenses\.csv:\d+ \(2015\)/);
  });
  it("a value that exists nowhere", () => {
    const found = figureProblems(file, (b) => b.replace("la DREES annonce 10,2 milliards", "la DREES annonce 10,9 milliards"));
    expect(found).toEqual([expect.stringMatching(/chiffre "10,9" : attendu une valeur en Md€ dans ij-depenses, .*, trouvé aucune$/)]);
  });
  it("« 2 000 médecins » is a count, never skipped as a year", () => {
    const found = figureProblems("content/articles/entretiens-alerte-mso.md", (b) => b.replace("6 000 médecins", "2 000 médecins"));
    expect(found).toEqual([expect.stringMatching(/chiffre "2 000" : attendu une valeur en nombre de medecin dans .*, trouvé aucune$/)]);
  });
});

describe("npm run data:check reports a wrong article figure with file:line and a hint", () => {
  it("exits 1 and names the article and line", () => {
    const copy = mkdtempSync(join(tmpdir(), "so-check-"));
    try {
      for (const entry of ["data", "content"]) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
      const article = join(copy, "content", "articles", "pourquoi-les-ij-augmentent.md");
      const text = readFileSync(article, "utf8");
      const line = text.split("\n").findIndex((l) => l.includes("la DREES annonce 10,2 milliards")) + 1;
      writeFileSync(article, text.replace("la DREES annonce 10,2 milliards", "la DREES annonce 10,4 milliards"));
      const run = spawnSync(process.execPath, [join(ROOT, "scripts", "check-data.ts"), copy], { cwd: ROOT, encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`content/articles/pourquoi-les-ij-augmentent.md:${line}:`);
      expect(run.stderr).toMatch(/chiffre "10,4 Md€" : attendu une ligne de 2023[^\n]*\n\s+conseil : /);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
