import { formatNumber } from "../lib/format.ts";
import { defineMap } from "./map/index.ts";
import { CNAM_LINE, percent } from "./prescriptions-series.ts";

const HEADING = "Part des IJ dans les prescriptions des médecins libéraux";

export default defineMap({
  id: "carte-part-ij",
  dataset: "ij-prescriptions-departements",
  title: "Part des indemnités journalières dans les prescriptions des médecins libéraux, par département",
  reviewedRows: "e8cccd32d2bf",
  heading: "Part des IJ dans les prescriptions, 2010-2024",
  subtitle:
    "Indemnités journalières résultant des arrêts prescrits par les médecins libéraux, en % du montant de toutes leurs prescriptions, dans le département où exerce le prescripteur, tous régimes (calcul Sous objectif d’après la Cnam). Médecins hospitaliers exclus ; ni des jours d’arrêt, ni des IJ par salarié, ni ce qu’ont reçu les habitants.",
  alt: "Carte des départements colorés selon la part des indemnités journalières dans les prescriptions des médecins libéraux, année choisie (la plus récente par défaut).",
  notes: [
    "Une part élevée peut venir d’IJ nombreuses ou d’autres prescriptions faibles : la carte de l’évolution et le classement donnent les montants.",
    "Les couleurs gardent les mêmes seuils pour toutes les années : d’une année à l’autre, un changement de couleur est un changement de valeur.",
    "Le poste des indemnités journalières du fichier de la Cnam est identifié par déduction : voir la fiche du jeu de données."
  ],
  columns: ["annee", "departement", "part_ij", "montant_ij", "montant_total", "source", "ligne_ij", "ligne_total"],
  rows: (d) => d.rows,
  frames: { column: "annee", label: "Année", param: "annee", unit: "%", digits: 2, heading: HEADING, source: CNAM_LINE },
  map: (rows) => ({
    values: rows
      .filter((r) => typeof r.part_ij === "number")
      .map((r) => ({
        code: String(r.departement),
        min: r.part_ij as number,
        max: r.part_ij as number,
        text: percent(r.part_ij as number),
        details: [`${HEADING}, ${r.annee}`, `${CNAM_LINE} ${formatNumber(r.ligne_ij as number)}`],
        year: String(r.annee),
        sourceIds: [String(r.source)],
        line: r.ligne_ij as number
      })),
    legendTitle: `${HEADING} (%) — calcul Sous objectif d’après la Cnam`,
    missing: "sans valeur (secret statistique)",
    missingDetail: "montant couvert par le secret statistique",
    labels: false
  })
});
