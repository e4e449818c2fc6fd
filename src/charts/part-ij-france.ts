import { defineChart } from "./define.ts";
import { byYear, percent, point, POSTE_IJ } from "./prescriptions-series.ts";
import { COLORS } from "./style.ts";
import { yearlyLines } from "./yearly.ts";

export default defineChart({
  id: "part-ij-france",
  dataset: "prescriptions-france",
  theme: "Données ouvertes de la Cnam",
  title: "Les indemnités journalières pèsent 23,04 % des prescriptions des médecins libéraux en 2024, contre 16,10 % en 2010",
  reviewedRows: "cfb681313345",
  subtitle:
    "Part des indemnités journalières dans le montant de toutes les prescriptions des médecins libéraux (médicaments, biologie, transports, soins…), France entière, en % (calcul Sous objectif : indemnités journalières ÷ ensemble des prescriptions × 100)",
  alt: "Courbe de la part des indemnités journalières dans les prescriptions des médecins libéraux, en France, depuis 2010.",
  describe: (rows) =>
    `Courbe de la part des indemnités journalières dans les prescriptions des médecins libéraux, en pourcentage. Année par année : ${rows.map((r) => `${r.annee} : ${percent(r.part_total as number)}`).join(" ; ")}.`,
  notes: [
    "La part monte quand les IJ augmentent plus vite que le reste des prescriptions, ou quand le reste baisse : en 2020, le montant des médicaments et des soins de kinésithérapie a reculé.",
    "Le poste des indemnités journalières est identifié par déduction : voir la fiche du jeu « Prescriptions des médecins libéraux par poste »."
  ],
  responsive: true,
  rows: (d) => d.rows.filter((r) => r.poste === POSTE_IJ && typeof r.part_total === "number").sort(byYear),
  plot: (rows, ctx) =>
    yearlyLines(
      [{ key: "part", label: "Part des IJ", color: COLORS.accent, strong: true, points: rows.map((r) => point(r, r.part_total as number, "part des IJ dans les prescriptions", percent(r.part_total as number), ctx)) }],
      ctx,
      { yLabel: "% des prescriptions", tick: (n) => `${n}` }
    )
});
