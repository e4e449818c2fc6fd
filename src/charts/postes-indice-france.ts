import type { Row } from "../lib/dataset.ts";
import { formatNumber } from "../lib/format.ts";
import { claim } from "./claims.ts";
import { defineChart, type ChartContext, type LegendItem } from "./define.ts";
import { byYear, point, POSTE_IJ, POSTE_TOTAL } from "./prescriptions-series.ts";
import { COLORS, PALETTE } from "./style.ts";
import { yearlyLines } from "./yearly.ts";

/** The IJ, the whole, and every other poste in a quiet colour: the comparison the chart is about stays legible. */
const ORDER = [POSTE_IJ, POSTE_TOTAL, "1", "2", "3", "4", "5", "6", "8"];
const color = (poste: string) => (poste === POSTE_IJ ? COLORS.accent : poste === POSTE_TOTAL ? COLORS.ink : PALETTE[7]!);
const name = (poste: string, ctx: ChartContext) => ctx.label("poste", poste);

/**
 * « ont progressé bien plus vite que l’ensemble »: in the last year drawn, the IJ index gained at least
 * twice what the index of all prescriptions gained since 2010 (« bien plus vite »), and gained at all.
 */
function muchFaster(rows: Row[]): string | undefined {
  const last = Math.max(...rows.map((r) => Number(r.annee)));
  const at = (poste: string) => rows.find((r) => Number(r.annee) === last && r.poste === poste)?.indice_2010;
  const ij = at(POSTE_IJ);
  const total = at(POSTE_TOTAL);
  if (typeof ij !== "number" || typeof total !== "number") return `pas d'indice des IJ et de l'ensemble pour ${last}`;
  return ij > 100 && ij - 100 >= 2 * (total - 100) ? undefined : `en ${last}, indice des IJ ${ij}, ensemble des prescriptions ${total}`;
}

function postes(rows: Row[]): string[] {
  const present = new Set(rows.map((r) => String(r.poste)));
  return ORDER.filter((p) => present.has(p));
}

export default defineChart({
  id: "postes-indice-france",
  dataset: "prescriptions-france",
  theme: "Données ouvertes de la Cnam",
  title: "Les indemnités journalières prescrites ont progressé bien plus vite que l’ensemble des prescriptions des médecins libéraux : en 2024, indice 181,2 contre 126,7 (base 100 en 2010)",
  reviewedRows: "77ea026a2484",
  claims: [claim("ont progressé bien plus vite que l’ensemble des prescriptions", muchFaster)],
  subtitle:
    "Montants prescrits par les médecins libéraux, par poste, France entière, en indice base 100 en 2010 (calcul Sous objectif : montant de l’année ÷ montant de 2010 × 100), euros courants",
  alt: "Courbes indicées, base 100 en 2010 : indemnités journalières, ensemble des prescriptions et chacun des autres postes (médicaments, dispositifs médicaux, biologie, soins infirmiers, kinésithérapie, transports, autres).",
  describe: (rows, ctx) => {
    const last = Math.max(...rows.map((r) => Number(r.annee)));
    const end = rows.filter((r) => Number(r.annee) === last && typeof r.indice_2010 === "number").sort((a, b) => (b.indice_2010 as number) - (a.indice_2010 as number));
    return `Courbes indicées, base 100 en 2010, une par poste de prescription des médecins libéraux. En ${last}, par ordre décroissant : ${end.map((r) => `${name(String(r.poste), ctx)} ${formatNumber(r.indice_2010 as number, 1)}`).join(" ; ")}.`;
  },
  notes: [
    "Un indice compare des rythmes, pas des montants : les médicaments pèsent plus que les indemnités journalières, mais leur montant a baissé depuis 2010.",
    "Les soins infirmiers ont progressé à un rythme voisin de celui des indemnités journalières ; la biologie et les médicaments ont reculé.",
    "Le poste des indemnités journalières est identifié par déduction : voir la fiche du jeu « Prescriptions des médecins libéraux par poste »."
  ],
  responsive: true,
  rows: (d) => d.rows.filter((r) => typeof r.indice_2010 === "number").sort((a, b) => ORDER.indexOf(String(a.poste)) - ORDER.indexOf(String(b.poste)) || byYear(a, b)),
  legend: (rows, ctx): LegendItem[] => postes(rows).map((p) => ({ key: `poste-${p}`, label: name(p, ctx), color: color(p), shape: "line" })),
  plot: (rows, ctx) =>
    yearlyLines(
      postes(rows).map((p) => ({
        key: `poste-${p}`,
        label: name(p, ctx),
        color: color(p),
        strong: p === POSTE_IJ || p === POSTE_TOTAL,
        points: rows.filter((r) => r.poste === p).map((r) => point(r, r.indice_2010 as number, name(p, ctx), `indice ${formatNumber(r.indice_2010 as number, 1)} (base 100 en 2010)`, ctx))
      })),
      ctx,
      { yLabel: "Indice, base 100 en 2010", zero: false, rule: 100, endLabels: !ctx.narrow }
    )
});
