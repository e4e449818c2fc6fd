import type { Row } from "../lib/dataset.ts";
import { barList, type BarItem } from "./bars.ts";
import { claim } from "./claims.ts";
import { defineChart, type ChartContext } from "./define.ts";
import { labelHead, legendFor, lowerFirst, rangeProse, rangeText, readingLines, readingValues, sourceOf, tip } from "./helpers.ts";
import { formatValue } from "../lib/format.ts";
import { groupReadings, isRange, type ReadingGroup } from "./readings.ts";
import { scopeColor } from "./style.ts";

const KEY = ["debut", "fin", "risque", "mesure", "type", "variante", "perimetre", "edition"];
const SECTIONS = ["maladie|journees", "maladie|montants", "at-mp|journees", "at-mp|montants", "maladie-at-mp|montants", "maladie-at-mp|journees", "ensemble|montants"];
const VARIANT: Record<string, string> = { "hors-covid": "hors Covid", "y-compris-covid": "Covid compris" };

const sectionOf = (r: Row) => `${r.risque}|${r.mesure}`;
const order = (r: Row) => {
  const i = SECTIONS.indexOf(sectionOf(r));
  return i < 0 ? SECTIONS.length : i;
};

function sectionTitle(r: Row, ctx: ChartContext): string {
  const risk = r.risque === "at-mp" ? "AT-MP" : r.risque === "maladie-at-mp" ? "Maladie et AT-MP ensemble" : ctx.label("risque", r.risque);
  return `${risk} — ${lowerFirst(ctx.label("mesure", r.mesure))}`;
}

function period(r: Row): string {
  const variant = r.variante ? VARIANT[String(r.variante)] : undefined;
  return `${r.debut}–${r.fin}${variant ? `, ${variant}` : ""}`;
}

function publishers(g: ReadingGroup, ctx: ChartContext): string {
  return [...new Set(g.sources.map((s) => sourceOf(ctx, s)))].join(" ; ");
}

/**
 * « augmentent plus vite depuis 2019 … selon la DREES »: every DREES annual rate of IJ maladie spending over
 * a period from 2019 on is above every one over a period that ends by 2019.
 */
function fasterSince2019(rows: Row[]): string | undefined {
  const drees = rows.filter((r) => r.perimetre === "DREES-SAL" && r.risque === "maladie" && r.mesure === "montants" && typeof r.valeur === "number");
  const after = drees.filter((r) => Number(r.debut) >= 2019).map((r) => r.valeur as number);
  const before = drees.filter((r) => Number(r.fin) <= 2019).map((r) => r.valeur as number);
  if (!after.length || !before.length) return "aucun taux DREES à la fois avant 2019 et depuis 2019";
  return Math.min(...after) > Math.max(...before) ? undefined : `taux depuis 2019 ${after.join(" / ")} %, jusqu'en 2019 ${before.join(" / ")} %`;
}

function groups(rows: Row[]): ReadingGroup[] {
  return groupReadings(rows, KEY);
}

export default defineChart({
  id: "ij-croissance-periodes",
  dataset: "ij-croissance",
  theme: "Dépenses d’indemnités journalières",
  title: "Les dépenses d’IJ maladie augmentent plus vite depuis 2019 : 6,3 à 6,4 % par an, contre 2,9 % entre 2010 et 2019 selon la DREES",
  reviewedRows: "3ec1b5f2741c",
  claims: [claim("augmentent plus vite depuis 2019", fasterSince2019)],
  subtitle:
    "Taux de croissance annuels moyens publiés, par période, en % par an — journées indemnisées et montants versés, maladie et AT-MP ; une couleur par périmètre, chaque barre nomme sa période et qui l’a publiée",
  alt: "Barres horizontales : taux de croissance annuels moyens des indemnités journalières publiés pour différentes périodes, par risque (maladie, AT-MP) et par mesure (journées, montants), avec l’éditeur de chaque taux.",
  describe: (rows, ctx) => {
    const parts = groups(rows).map((g) => {
      const r = g.rows[0]!;
      return `${sectionTitle(r, ctx)}, ${period(r)} : ${rangeProse(g.min!, g.max!, "%")} par an${isRange(g) ? " selon les sources" : ""} (${publishers(g, ctx)})`;
    });
    return `Barres horizontales des taux de croissance annuels moyens publiés. ${parts.join(" ; ")}.`;
  },
  notes: [
    "Un taux ne se compare qu’à un taux du même périmètre (même couleur), du même risque et de la même mesure.",
    "2019–2023, montants d’IJ maladie hors Covid au périmètre de la DREES : deux lectures, 6,3 % (Clés du social, d’après la DREES) et 6,4 % (Mutualité française, qui le déduit d’une hausse cumulée). La barre va de l’une à l’autre.",
    "Les évolutions d’une année sur l’autre et les hausses cumulées sont dans le jeu de données « ij-croissance », pas dans ce graphique."
  ],
  responsive: true,
  rows: (d) =>
    d.rows
      .filter((r) => r.type === "taux-annuel-moyen" && r.unite === "%" && typeof r.valeur === "number")
      .sort((a, b) => order(a) - order(b) || Number(a.debut) - Number(b.debut) || Number(a.fin) - Number(b.fin) || String(a.variante ?? "").localeCompare(String(b.variante ?? ""))),
  legend: (rows, ctx) => legendFor([...new Set(rows.map((r) => String(r.perimetre)))], "perimetre", ctx, (s, i) => scopeColor(s, i), "bar"),
  readings: { key: KEY },
  plot: (rows, ctx) => {
    const scopes = [...new Set(rows.map((r) => String(r.perimetre)))];
    const items: BarItem[] = groups(rows).map((g) => {
      const r = g.rows[0]!;
      const scope = String(r.perimetre);
      return {
        section: sectionTitle(r, ctx),
        label: `${period(r)} · ${publishers(g, ctx)}`,
        min: g.min,
        max: g.max,
        values: readingValues(g),
        valueText: rangeText(g.min!, g.max!, "%"),
        color: scopeColor(scope, scopes.indexOf(scope)),
        serie: scope,
        tip: tip(
          `${sectionTitle(r, ctx)} · ${period(r)}`,
          `Taux annuel moyen\u00a0: ${rangeText(g.min!, g.max!, "%")}${isRange(g) ? " selon les sources" : ""}`,
          g.rows.length > 1 ? readingLines(g, ctx, (row) => formatValue(row.valeur as number, "%")) : `Source\u00a0: ${publishers(g, ctx)}`,
          `Périmètre\u00a0: ${labelHead(ctx.label("perimetre", scope))}`
        )
      };
    });
    return barList(items, ctx);
  }
});
