import type { Row } from "../lib/dataset.ts";
import { franceIj, PRESCRIPTIONS_FRANCE, IJ_DEPARTEMENTS } from "../lib/departement-prescriptions.ts";
import { defineChart, type ChartContext, type ChartSpec, type LegendItem } from "./define.ts";
import { percent, point } from "./prescriptions-series.ts";
import { COLORS, PALETTE } from "./style.ts";
import { yearlyLines } from "./yearly.ts";

export interface Place {
  code: string;
  name: string;
}

const COLUMNS = ["annee", "departement", "montant_ij", "montant_total", "part_ij", "evolution_2010", "evolution_2019", "source", "ligne_ij", "ligne_total"];

/**
 * The IJ share of one or more départements against France's, 2010 to the last year: the chart of a
 * département page and of a static comparison (a région's départements). Same unit on every line (a share,
 * on one scale), so the comparison is honest; the amounts are in the table.
 */
export function comparisonSerie(id: string, title: string, places: Place[]): ChartSpec {
  const codes = places.map((p) => p.code);
  const colour = (i: number) => (places.length === 1 ? COLORS.accent : PALETTE[i % PALETTE.length]!);
  const names = places.map((p) => p.name).join(", ");
  return defineChart({
    id,
    dataset: IJ_DEPARTEMENTS,
    theme: "Départements",
    title,
    subtitle: "Indemnités journalières résultant des arrêts prescrits par les médecins libéraux, en % de toutes leurs prescriptions, dans le département où exerce le prescripteur, tous régimes (calcul Sous objectif d’après la Cnam)",
    alt: `Courbes, de 2010 à la dernière année : la part des indemnités journalières dans les prescriptions des médecins libéraux, pour ${names} et pour la France.`,
    describe: (rows, ctx) => {
      const france = franceRows(ctx);
      const years = [...new Set(rows.map((r) => Number(r.annee)))];
      const line = (label: string, value: (year: number) => unknown) => `${label} : ${years.map((y) => { const v = value(y); return `${y} ${typeof v === "number" ? percent(v) : "n.d."}`; }).join(", ")}`;
      return `Courbes, en % des prescriptions. ${[
        ...places.map((p) => line(p.name, (y) => rows.find((r) => r.departement === p.code && Number(r.annee) === y)?.part_ij)),
        line("France", (y) => france.get(y)?.part_total)
      ].join(". ")}.`;
    },
    responsive: true,
    columns: COLUMNS,
    rows: (d) => d.rows.filter((r) => codes.includes(String(r.departement))).sort((a, b) => codes.indexOf(String(a.departement)) - codes.indexOf(String(b.departement)) || Number(a.annee) - Number(b.annee)),
    legend: (): LegendItem[] => [
      ...places.map((p, i) => ({ key: `dep-${p.code}`, label: p.name, color: colour(i), shape: "line" as const })),
      { key: "france", label: "France", color: COLORS.inkSoft, shape: "line" }
    ],
    plot: (rows, ctx) => {
      const franceDataset = ctx.catalogue?.datasets.get(PRESCRIPTIONS_FRANCE);
      const years = new Set(rows.map((r) => Number(r.annee)));
      const france = [...franceRows(ctx).values()].filter((r) => years.has(Number(r.annee)));
      return yearlyLines(
        [
          { key: "france", label: "France", color: COLORS.inkSoft, points: france.map((r) => point(r, r.part_total as number, "France", percent(r.part_total as number), { ...ctx, dataset: franceDataset })) },
          ...places.map((p, i) => ({
            key: `dep-${p.code}`,
            label: p.name,
            color: colour(i),
            strong: places.length === 1,
            points: rows.filter((r) => r.departement === p.code).map((r) => point(r, typeof r.part_ij === "number" ? r.part_ij : null, p.name, typeof r.part_ij === "number" ? percent(r.part_ij) : "", ctx, "ligne_ij"))
          }))
        ],
        ctx,
        { yLabel: "% des prescriptions", tick: (n) => `${n}` }
      );
    }
  });
}

/** A département page's chart: the département against France. */
export function departementSerie(code: string, name: string): ChartSpec {
  return comparisonSerie(`departement-${code.toLowerCase()}`, `${name} : part des indemnités journalières dans les prescriptions des médecins libéraux, comparée à la France`, [{ code, name }]);
}

function franceRows(ctx: ChartContext): Map<number, Row> {
  return ctx.catalogue ? franceIj(ctx.catalogue) : new Map();
}
