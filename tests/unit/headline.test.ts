import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { change, risesEachYear } from "../../src/charts/claims.ts";
import { defineChart } from "../../src/charts/define.ts";
import { checkHeadline, directionWords, rowsFingerprint } from "../../src/charts/headline.ts";
import ijJournees from "../../src/charts/ij-journees.ts";
import ijPrescritesFrance from "../../src/charts/ij-prescrites-france.ts";
import type { Dataset, Row } from "../../src/lib/dataset.ts";

/**
 * Headlines stay true (issue 13, point 6): the rows a chart draws are fingerprinted next to its title; a
 * change names the chart and its title until someone re-reads it; directions the title states are
 * checked on the rows.
 */
const ROOT = resolve(import.meta.dirname, "..", "..");

const dataset = {
  id: "t",
  meta: { columns: [{ name: "annee", type: "integer" }, { name: "valeur", type: "number" }, { name: "source", type: "source" }, { name: "extrait", type: "text" }] },
  rows: [],
  lines: []
} as unknown as Dataset;
const rows: Row[] = [
  { annee: 2022, valeur: 327, source: "a", extrait: "327 millions" },
  { annee: 2023, valeur: 286, source: "a", extrait: "286 millions" }
];

describe("rowsFingerprint", () => {
  it("changes with a value or a row, not with the order of rows, a source or a quote", () => {
    const fp = rowsFingerprint(rows, dataset);
    expect(fp).toMatch(/^[0-9a-f]{12}$/);
    expect(rowsFingerprint([...rows].reverse(), dataset)).toBe(fp);
    expect(rowsFingerprint(rows.map((r) => ({ ...r, source: "b", extrait: "autre extrait" })), dataset)).toBe(fp);
    expect(rowsFingerprint([rows[0]!, { ...rows[1]!, valeur: 287 }], dataset)).not.toBe(fp);
    expect(rowsFingerprint([...rows, { annee: 2024, valeur: 300, source: "a", extrait: "" }], dataset)).not.toBe(fp);
  });
});

describe("directions a headline states", () => {
  it("reads verbs and « en hausse », not nouns", () => {
    expect(directionWords("Les journées ont reculé en 2023, les montants augmentent plus vite").map((d) => d.word)).toEqual(["reculé", "augmentent", "plus vite"]);
    expect(directionWords("Les dépenses sont en baisse").map((d) => d.word)).toEqual(["en baisse"]);
    expect(directionWords("60 % de la hausse des IJ")).toEqual([]);
  });

  it("a fall holds only if every reading fell; a rise each year fails on a gap or a fall", () => {
    const fell = change("ont reculé", { value: (r) => r.valeur as number, from: 2022, to: 2023, trend: "down" });
    expect(fell.check(rows)).toBeUndefined();
    expect(fell.check([...rows, { annee: 2023, valeur: 330 }])).toMatch(/pas de baisse .*2022 327, 2023 286 \/ 330/);
    expect(fell.check([rows[0]!])).toMatch(/aucune série avec des valeurs pour 2022 et pour 2023/);
    const each = risesEachYear("ont augmenté chaque année", { value: (r) => r.valeur as number, since: 2020, except: [2022] });
    const series = [2020, 2021, 2022, 2023].map((annee, i) => ({ annee, valeur: [10, 11, 10.5, 12][i]! }));
    expect(each.check(series)).toBeUndefined();
    expect(each.check(series.map((r) => (r.annee === 2022 ? { ...r, valeur: 12 } : r)))).toMatch(/2021 11 → 2022 12/);
    expect(each.check(series.filter((r) => r.annee !== 2021))).toMatch(/aucune valeur pour 2021/);
  });

  it("the real headlines' claims fail on rows that contradict them", () => {
    const days = (annee: number, valeur: number): Row => ({ annee, risque: "maladie", mesure: "journees", perimetre: "DREES-SAL", valeur, unite: "millions de journées" });
    const [recul, niveau2019] = ijJournees.claims!;
    expect(recul!.check([days(2022, 327), days(2023, 286)])).toBeUndefined();
    expect(recul!.check([days(2022, 327), days(2023, 286), days(2023, 330)])).toBeDefined();
    expect(niveau2019!.check([days(2019, 300), days(2023, 286)])).toBeDefined();
    const ij = (annee: number, montant: number): Row => ({ annee, poste: "7", montant });
    const [chaqueAnnee] = ijPrescritesFrance.claims!;
    const years = Array.from({ length: 13 }, (_, i) => ij(2012 + i, 7 + i - (2012 + i >= 2021 ? 1.5 : 0)));
    expect(chaqueAnnee!.check(years)).toBeUndefined();
    expect(chaqueAnnee!.check([...years, ij(2025, 1)])).toMatch(/2024 .* → 2025 1/);
  });

  it("checkHeadline names an unreviewed headline, a direction without a claim, a claim the title does not say", () => {
    const spec = defineChart({ id: "t", dataset: "t", title: "Les dépenses ont reculé", subtitle: "", alt: "", rows: (d) => d.rows, claims: [change("sont en baisse", { value: () => 1, from: 1, to: 2, trend: "down" })] });
    const codes = checkHeadline("src/charts/t.ts", spec, rows, dataset).map((p) => p.code);
    expect(codes).toEqual(["headline/unreviewed", "headline/stale-claim", "headline/unchecked-direction"]);
    const fp = rowsFingerprint(rows, dataset);
    const ok = defineChart({ ...spec, reviewedRows: fp, claims: [change("ont reculé", { value: (r) => r.valeur as number, from: 2022, to: 2023, trend: "down" })] });
    expect(checkHeadline("src/charts/t.ts", ok, rows, dataset)).toEqual([]);
    expect(checkHeadline("src/charts/t.ts", ok, [rows[0]!, { ...rows[1]!, valeur: 400 }], dataset).map((p) => p.code)).toEqual(["headline/rows-changed", "headline/claim-false"]);
  });
});

describe("a new row in a copy of the project", () => {
  const copy = mkdtempSync(join(tmpdir(), "so-headline-"));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));
  for (const part of ["src", "scripts", "data", "content", "package.json", "tsconfig.json"]) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["scripts/check-data.ts", ...args], { cwd: copy, encoding: "utf8" });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  };
  const headlineLines = (out: string) => out.split("\n").filter((l) => /\[headline\//.test(l));

  it("makes data:check name the chart whose drawn rows changed, with its headline, and --accept-headlines store the new fingerprint", () => {
    // A valid 2024 reading of the days of sick leave paid: the rows ij-journees draws change.
    appendFileSync(
      join(copy, "data", "ij-depenses.csv"),
      '2024,maladie,journees,DREES-SAL,301,millions de journées,,francetvinfo-2024-12-13-arrets-indemnises-recul,"301 millions de journées indemnisées en 2024"\n'
    );
    const before = run();
    expect(before.status).toBe(1);
    const lines = headlineLines(before.out);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("src/charts/ij-journees.ts");
    expect(lines[0]).toContain(`graphique "ij-journees" : lignes tracées modifiées depuis la relecture de son titre ; relisez le titre « ${ijJournees.title} »`);
    expect(lines[0]).toContain("[headline/rows-changed]");
    const found = /trouvé "([0-9a-f]{12})"/.exec(lines[0]!)![1]!;
    expect(before.out).toContain(`écrivez reviewedRows: "${found}"`);
    expect(before.out).toContain("npm run data:check -- --accept-headlines");

    const accepted = run("--accept-headlines");
    expect(accepted.out).toContain(`À relire — ij-journees (src/charts/ij-journees.ts) :\n  « ${ijJournees.title} »\n  empreinte ${ijJournees.reviewedRows} → ${found} enregistrée`);
    const module = readFileSync(join(copy, "src", "charts", "ij-journees.ts"), "utf8");
    expect(module).toContain(`reviewedRows: "${found}"`);
    expect(module.replace(`reviewedRows: "${found}"`, `reviewedRows: "${ijJournees.reviewedRows}"`)).toBe(readFileSync(join(ROOT, "src", "charts", "ij-journees.ts"), "utf8"));
    expect(headlineLines(accepted.out)).toEqual([]);
  });
});
