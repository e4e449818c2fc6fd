import * as Plot from "@observablehq/plot";
import type { Row } from "../lib/dataset.ts";
import { formatNumber } from "../lib/format.ts";
import { defineChart, type ChartContext } from "./define.ts";
import { tip } from "./helpers.ts";
import { percent } from "./prescriptions-series.ts";
import { COLORS } from "./style.ts";

const YEAR = 2024;

function names(ctx: ChartContext): Map<string, string> {
  return new Map((ctx.catalogue?.datasets.get("departements")?.rows ?? []).map((r) => [String(r.code), String(r.nom)]));
}

const nameOf = (row: Row, ctx: ChartContext, all = names(ctx)) => `${all.get(String(row.departement)) ?? row.departement} (${row.departement})`;

export default defineChart({
  id: "classement-departements",
  dataset: "ij-prescriptions-departements",
  theme: "Données ouvertes de la Cnam",
  title: "Part des indemnités journalières dans les prescriptions des médecins libéraux en 2024 : tous les départements classés",
  reviewedRows: "46ea60246679",
  subtitle:
    "Indemnités journalières résultant des arrêts prescrits par les médecins libéraux, en % du montant de toutes leurs prescriptions, en 2024, dans le département où exerce le prescripteur (calcul Sous objectif d’après la Cnam). Médecins hospitaliers exclus ; ni des jours d’arrêt, ni des IJ par salarié.",
  alt: "Barres horizontales, une par département, classées de la plus forte à la plus faible part des indemnités journalières dans les prescriptions des médecins libéraux en 2024.",
  describe: (rows, ctx) => {
    const all = names(ctx);
    return `Barres horizontales classées, part des indemnités journalières dans les prescriptions des médecins libéraux en ${YEAR}, du plus fort au plus faible : ${rows.map((r) => `${all.get(String(r.departement)) ?? r.departement} ${percent(r.part_ij as number)}`).join(" ; ")}.`;
  },
  notes: [
    "Le rang compare des parts, pas des montants : un petit département peut être en tête avec peu d’arrêts si ses autres prescriptions sont faibles.",
    "Le tableau donne aussi le montant des IJ et celui de toutes les prescriptions de chaque département."
  ],
  responsive: true,
  columns: ["annee", "departement", "montant_ij", "montant_total", "part_ij", "source", "ligne_ij", "ligne_total"],
  rows: (d) => d.rows.filter((r) => r.annee === YEAR && typeof r.part_ij === "number").sort((a, b) => (b.part_ij as number) - (a.part_ij as number) || String(a.departement).localeCompare(String(b.departement))),
  plot: (rows, ctx) => {
    const all = names(ctx);
    const data = rows.map((r, i) => ({
      name: nameOf(r, ctx, all),
      value: r.part_ij as number,
      label: percent(r.part_ij as number),
      tip: tip(`${i + 1}. ${nameOf(r, ctx, all)}`, `${percent(r.part_ij as number)} des prescriptions en ${YEAR}`, `IJ prescrites\u00a0: ${formatNumber(r.montant_ij as number)}\u00a0€ ; ensemble\u00a0: ${formatNumber(r.montant_total as number)}\u00a0€`, `Source\u00a0: Cnam (data.ameli.fr), lignes ${formatNumber(r.ligne_ij as number)} et ${formatNumber(r.ligne_total as number)}`)
    }));
    const max = Math.max(...data.map((d) => d.value));
    const row = ctx.narrow ? 15 : 16;
    return {
      height: data.length * row + 50,
      marginLeft: ctx.narrow ? 150 : 210,
      marginRight: 56,
      marginTop: 30,
      x: { domain: [0, max * 1.05], grid: true, axis: "top", label: "% des prescriptions", labelAnchor: "left", labelArrow: "none", tickFormat: (d: number) => formatNumber(d) },
      y: { domain: data.map((d) => d.name), label: null, tickSize: 0, padding: 0.25 },
      marks: [
        Plot.barX(data, { x: "value", y: "name", fill: COLORS.accent, title: "tip" }),
        Plot.text(data, { x: "value", y: "name", text: "label", dx: 4, textAnchor: "start", fill: COLORS.ink, pointerEvents: "none" }),
        Plot.ruleX([0], { stroke: COLORS.ink })
      ]
    };
  }
});
