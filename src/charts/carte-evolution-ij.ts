import { formatNumber } from "../lib/format.ts";
import { defineMap } from "./map/index.ts";
import { billions, CNAM_LINE, signed } from "./prescriptions-series.ts";

const LAST = 2024;

export default defineMap({
  id: "carte-evolution-ij",
  dataset: "ij-prescriptions-departements",
  title: "Évolution des indemnités journalières prescrites par les médecins libéraux entre 2010 et 2024, par département",
  reviewedRows: "4f5132f0eb5b",
  heading: "Évolution des IJ prescrites, 2010-2024",
  subtitle:
    "Évolution, en %, du montant des indemnités journalières résultant des arrêts prescrits par les médecins libéraux du département, entre 2010 et 2024, en euros courants (calcul Sous objectif d’après la Cnam). Médecins hospitaliers exclus ; ni des jours d’arrêt, ni des IJ par salarié.",
  alt: "Carte des départements colorés selon l’évolution, en pourcentage, des indemnités journalières prescrites par les médecins libéraux entre 2010 et 2024.",
  notes: [
    "Euros courants : une part de la hausse vient de celle des salaires, qui fixe le montant d’une journée indemnisée.",
    "Le montant suit aussi le nombre de médecins libéraux installés et la population du département, qui ont changé depuis 2010 : une forte hausse ne dit pas, à elle seule, que chaque médecin prescrit plus."
  ],
  columns: ["annee", "departement", "montant_ij", "evolution_2010", "source", "ligne_ij"],
  rows: (d) => d.rows.filter((r) => r.annee === LAST && typeof r.evolution_2010 === "number"),
  map: (rows, _ctx, catalogue) => {
    const at2010 = new Map(catalogue.datasets.get("ij-prescriptions-departements")!.rows.filter((r) => r.annee === 2010).map((r) => [String(r.departement), r]));
    return {
      values: rows.map((r) => {
        const before = at2010.get(String(r.departement));
        return {
          code: String(r.departement),
          min: r.evolution_2010 as number,
          max: r.evolution_2010 as number,
          text: signed(r.evolution_2010 as number),
          details: [
            `IJ prescrites\u00a0: ${before && typeof before.montant_ij === "number" ? billions(before.montant_ij) : "n.d."} en 2010, ${billions(r.montant_ij as number)} en ${LAST}`,
            `${CNAM_LINE}s ${before ? formatNumber(before.ligne_ij as number) : "n.d."} et ${formatNumber(r.ligne_ij as number)}`
          ],
          year: `2010-${LAST}`,
          sourceIds: [String(r.source)],
          lineText: `${before ? formatNumber(before.ligne_ij as number) : "n.d."} (2010) et ${formatNumber(r.ligne_ij as number)} (${LAST})`
        };
      }),
      legendTitle: `Évolution des IJ prescrites par les médecins libéraux, 2010-${LAST} (%) — calcul Sous objectif d’après la Cnam`,
      missing: "sans valeur (secret statistique)",
      missingDetail: "montant couvert par le secret statistique",
      labels: false
    };
  }
});
