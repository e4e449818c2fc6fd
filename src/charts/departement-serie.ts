import type { Row } from "../lib/dataset.ts";
import { PRESCRIPTIONS_FRANCE, IJ_DEPARTEMENTS } from "../lib/departement-prescriptions.ts";
import { defineChart, type ChartSpec } from "./define.ts";
import { percent, point } from "./prescriptions-series.ts";
import { COLORS } from "./style.ts";
import { yearlyLines } from "./yearly.ts";

/**
 * The IJ share of one département against France's, 2010 to the last year: the chart of a département
 * page. Same unit on both lines (a share), so the comparison is honest; the amounts are in the table.
 */
export function departementSerie(code: string, name: string): ChartSpec {
  return defineChart({
    id: `departement-${code.toLowerCase()}`,
    dataset: IJ_DEPARTEMENTS,
    theme: "Départements",
    title: `${name} : part des indemnités journalières dans les prescriptions des médecins libéraux, comparée à la France`,
    subtitle: "Indemnités journalières résultant des arrêts prescrits par les médecins libéraux, en % de toutes leurs prescriptions, dans le département où exerce le prescripteur, tous régimes (calcul Sous objectif d’après la Cnam)",
    alt: `Deux courbes, de 2010 à la dernière année : la part des indemnités journalières dans les prescriptions des médecins libéraux, pour ${name} et pour la France.`,
    describe: (rows, ctx) => {
      const france = franceRows(ctx.catalogue?.datasets.get(PRESCRIPTIONS_FRANCE)?.rows ?? []);
      return `Deux courbes, en % des prescriptions. ${name} : ${rows.map((r) => `${r.annee} ${typeof r.part_ij === "number" ? percent(r.part_ij) : "n.d."}`).join(", ")}. France : ${rows.map((r) => { const f = france.get(Number(r.annee)); return `${r.annee} ${f && typeof f.part_total === "number" ? percent(f.part_total) : "n.d."}`; }).join(", ")}.`;
    },
    responsive: true,
    columns: ["annee", "departement", "montant_ij", "montant_total", "part_ij", "evolution_2010", "evolution_2019", "source", "ligne_ij", "ligne_total"],
    rows: (d) => d.rows.filter((r) => r.departement === code).sort((a, b) => Number(a.annee) - Number(b.annee)),
    legend: () => [
      { key: "departement", label: name, color: COLORS.accent, shape: "line" },
      { key: "france", label: "France", color: COLORS.inkSoft, shape: "line" }
    ],
    plot: (rows, ctx) => {
      const franceDataset = ctx.catalogue?.datasets.get(PRESCRIPTIONS_FRANCE);
      const france = [...franceRows(franceDataset?.rows ?? []).values()].filter((r) => rows.some((d) => d.annee === r.annee));
      return yearlyLines(
        [
          { key: "france", label: "France", color: COLORS.inkSoft, points: france.map((r) => point(r, r.part_total as number, "France", percent(r.part_total as number), { ...ctx, dataset: franceDataset })) },
          { key: "departement", label: name, color: COLORS.accent, strong: true, points: rows.map((r) => point(r, typeof r.part_ij === "number" ? r.part_ij : null, name, typeof r.part_ij === "number" ? percent(r.part_ij) : "", ctx, "ligne_ij")) }
        ],
        ctx,
        { yLabel: "% des prescriptions", tick: (n) => `${n}` }
      );
    }
  });
}

function franceRows(rows: Row[]): Map<number, Row> {
  return new Map(rows.filter((r) => r.poste === "7").map((r) => [Number(r.annee), r]));
}
