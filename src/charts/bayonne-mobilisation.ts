import type { Row } from "../lib/dataset.ts";
import { formatDate, formatValue } from "../lib/format.ts";
import { barList, type BarItem } from "./bars.ts";
import { defineChart, type ChartContext } from "./define.ts";
import { qualified, rangeProse, rangeText, readingValues, sourceOf, tip, unitText } from "./helpers.ts";
import { groupReadings, isRange, type ReadingGroup } from "./readings.ts";

const KEY = ["indicateur"];
const ORDER = ["medecins-rassembles", "medecins-sous-surveillance-bayonne", "medecins-convoques-mso-64", "medecins-deja-convoques-bayonne", "generalistes-convoques-bayonne", "score-ij-medecin-auditionnee", "score-ij-moyenne-comparaison"];
const order = (r: Row) => {
  const i = ORDER.indexOf(String(r.indicateur));
  return i < 0 ? ORDER.length : i;
};

function value(g: ReadingGroup, ctx: ChartContext, unit: string): string {
  if (g.min === null || g.max === null) return "n.d.";
  if (isRange(g)) return rangeText(g.min, g.max, unit);
  const wordings = new Set(g.rows.map((r) => r.qualificatif ?? ""));
  return wordings.size === 1 ? qualified(g.rows[0]!, rangeText(g.min, g.max, unit), ctx) : rangeText(g.min, g.max, unit);
}

const reading = (row: Row, ctx: ChartContext) => `${sourceOf(ctx, String(row.source))} (${formatDate(String(row.date))})\u00a0: ${qualified(row, formatValue(row.valeur as number, unitText(row, ctx)), ctx)}`;

export default defineChart({
  id: "bayonne-mobilisation",
  dataset: "mobilisation-bayonne",
  theme: "Le terrain",
  title: "Bayonne, 21 novembre 2025 : 60 à 70 médecins rassemblés devant la CPAM",
  reviewedRows: "3f39a7007c35",
  subtitle:
    "Rassemblement du 21 novembre 2025 devant la CPAM de Bayonne et procédure de mise sous objectifs dans les Pyrénées-Atlantiques, en nombre de médecins ; score reproché à une généraliste, en indemnités journalières (IJ) par patient actif — articles de novembre 2025",
  alt: "Barres horizontales : nombre de médecins rassemblés à Bayonne le 21 novembre 2025 selon deux sources, médecins surveillés et convoqués, et score de prescription reproché à une généraliste comparé à la moyenne.",
  describe: (rows, ctx) => {
    const parts = groupReadings(rows, KEY).map((g) => {
      const r = g.rows[0]!;
      const unit = unitText(r, ctx);
      return `${ctx.label("indicateur", r.indicateur)} : ${isRange(g) ? `${rangeProse(g.min!, g.max!, unit)} selon les sources (${g.rows.map((row) => reading(row, ctx)).join(" ; ")})` : value(g, ctx, unit)}`;
    });
    return `Barres horizontales. ${parts.join(". ")}.`;
  },
  notes: [
    "Aucun comptage officiel du rassemblement n’a été trouvé : « près de 70 » selon CDN Data, « une soixantaine » selon Ici Pays Basque. La barre va de l’une à l’autre lecture.",
    "« Une cinquantaine » de médecins sous surveillance et « une dizaine » déjà convoqués : ordres de grandeur donnés par CDN Data, sans source primaire citée.",
    "Le score de 12,3 indemnités journalières par patient actif (contre une moyenne de 5,1) est celui qu’une généraliste dit s’être vu reprocher ; la caisse ne l’a pas publié."
  ],
  responsive: true,
  rows: (d) => d.rows.filter((r) => typeof r.valeur === "number").sort((a, b) => order(a) - order(b)),
  readings: { key: KEY },
  plot: (rows, ctx) => {
    const items: BarItem[] = groupReadings(rows, KEY).map((g) => {
      const r = g.rows[0]!;
      const unit = r.unite === "medecins" ? "" : "IJ";
      return {
        section: r.unite === "medecins" ? "Médecins, en nombre" : `${ctx.label("unite", r.unite).charAt(0).toUpperCase()}${ctx.label("unite", r.unite).slice(1)}`,
        label: ctx.label("indicateur", r.indicateur),
        min: g.min,
        max: g.max,
        values: readingValues(g),
        valueText: value(g, ctx, unit),
        color: r.indicateur === "score-ij-moyenne-comparaison" ? "#5d6670" : undefined,
        scale: String(r.unite),
        tip: tip(ctx.label("indicateur", r.indicateur), isRange(g) ? `${rangeText(g.min!, g.max!, unitText(r, ctx))} selon les sources` : undefined, g.rows.map((row) => reading(row, ctx)))
      };
    });
    return barList(items, ctx);
  }
});
