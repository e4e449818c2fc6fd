import { formatValue } from "../lib/format.ts";
import { defineChart, type ChartContext } from "./define.ts";
import { labelHead, legendFor, rangeProse, rangeText, unitText } from "./helpers.ts";
import { groupReadings, isRange } from "./readings.ts";
import { scopeSeries } from "./series.ts";
import { COLORS, scopeColor } from "./style.ts";
import type { Row } from "../lib/dataset.ts";

const KEY = ["annee", "risque", "mesure", "perimetre"];
/** The scope named « not stated » is never a series: its points stay apart. */
const UNSTATED = "NP";

function scopes(rows: Row[]): string[] {
  return [...new Set([...rows].sort((a, b) => Number(a.annee) - Number(b.annee)).map((r) => String(r.perimetre)))];
}

function colorOf(rows: Row[]): (scope: string) => string {
  const order = scopes(rows);
  return (scope) => (scope === UNSTATED ? COLORS.muted : scopeColor(scope, order.indexOf(scope)));
}

const reading = (ctx: ChartContext) => (r: Row) => formatValue(r.valeur as number, unitText(r, ctx));

export default defineChart({
  id: "ij-depenses-maladie",
  dataset: "ij-depenses",
  theme: "Dépenses d’indemnités journalières",
  title: "Dépenses d’IJ maladie : chaque source a son périmètre, aucune série ne couvre toute la période",
  reviewedRows: "ec28e73ec9e8",
  subtitle:
    "Dépenses d’indemnités journalières maladie publiées, par année, en milliards d’euros — un point par chiffre publié, une couleur par périmètre ; une ligne ne relie que deux années consécutives d’un même périmètre",
  alt: "Nuage de points : dépenses d’indemnités journalières maladie publiées année par année, une couleur par périmètre (DREES, rapport d’évaluation de la Sécurité sociale, Cour des comptes, régime général…).",
  describe: (rows, ctx) => {
    const groups = groupReadings(rows, KEY);
    const byScope = scopes(rows).map((scope) => {
      const own = groups.filter((g) => g.rows[0]!.perimetre === scope);
      const points = own.map((g) => `${g.rows[0]!.annee} : ${rangeProse(g.min!, g.max!, "Md€")}${isRange(g) ? " selon les sources" : ""}`);
      return `${labelHead(ctx.label("perimetre", scope))} — ${points.join(", ")}`;
    });
    return `Nuage de points des dépenses d’indemnités journalières maladie publiées, en milliards d’euros, par périmètre : ${byScope.join(" ; ")}. Les périmètres ne se comparent pas entre eux.`;
  },
  notes: [
    "Un point par chiffre publié. Quand deux sources donnent deux valeurs pour la même année et le même périmètre, le point devient un trait vertical allant de l’une à l’autre ; le détail est dans le tableau.",
    "Les périmètres (régimes couverts, salariés seuls ou avec les indépendants, DROM) diffèrent d’une source à l’autre : l’écart entre deux couleurs ne mesure pas une évolution.",
    "« Périmètre non précisé » (points creux) : chiffres dont la source ne dit pas le champ ; ils ne sont reliés à rien.",
    "Le chiffre de 2024 au périmètre de la DREES vient de la revue Acuité, qui ne nomme pas son producteur ; il reste à confirmer."
  ],
  responsive: true,
  rows: (d) =>
    d.rows
      .filter((r) => r.risque === "maladie" && r.mesure === "depense" && r.unite === "Md€" && typeof r.valeur === "number")
      .sort((a, b) => Number(a.annee) - Number(b.annee) || String(a.perimetre).localeCompare(String(b.perimetre))),
  legend: (rows, ctx) => {
    const color = colorOf(rows);
    return legendFor(scopes(rows), "perimetre", ctx, (s) => color(s), "dot").map((item) => (item.key === UNSTATED ? { ...item, shape: "ring" as const } : item));
  },
  readings: { key: KEY },
  plot: (rows, ctx) =>
    scopeSeries(rows, ctx, {
      key: KEY,
      serie: (r) => String(r.perimetre),
      value: (r) => (typeof r.valeur === "number" ? r.valeur : null),
      reading: reading(ctx),
      format: (min, max) => rangeText(min, max, "Md€"),
      heading: (g) => `${g.rows[0]!.annee} · ${labelHead(ctx.label("perimetre", g.rows[0]!.perimetre))}`,
      color: colorOf(rows),
      unjoined: (s) => s === UNSTATED,
      yLabel: "Milliards d’euros"
    })
});
