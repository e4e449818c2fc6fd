import { formatNumber } from "../lib/format.ts";
import { defineMap } from "./map/index.ts";
import { CNAM_LINE } from "./prescriptions-series.ts";

const YEAR = 2023;

export default defineMap({
  id: "carte-ij-par-habitant",
  dataset: "ij-prescriptions-departements",
  title: "Indemnités journalières prescrites par les médecins libéraux, par habitant, en 2023",
  reviewedRows: "b3e653ecceb7",
  heading: "IJ prescrites par habitant, 2023",
  subtitle:
    "Montant des indemnités journalières résultant des arrêts prescrits par les médecins libéraux du département en 2023, divisé par la population légale 2023 du département, en euros par habitant (calcul Sous objectif d’après la Cnam et l’Insee). Le prescripteur peut soigner des habitants d’autres départements ; tous les habitants ne travaillent pas.",
  alt: "Carte des départements colorés selon le montant des indemnités journalières prescrites par les médecins libéraux en 2023, par habitant.",
  notes: [
    "Calculé seulement pour 2023, l’année de la population légale que détient le site : aucune population n’est estimée pour les autres années.",
    "Mayotte est hachurée : la population que détient le site pour elle date du recensement de 2017, pas de 2023.",
    "Rapporté aux habitants, pas aux salariés : un département où vivent beaucoup de retraités ou de jeunes a mécaniquement moins d’arrêts par habitant."
  ],
  columns: ["annee", "departement", "montant_ij", "population", "ij_par_habitant", "source", "ligne_ij"],
  rows: (d) => d.rows.filter((r) => r.annee === YEAR && typeof r.ij_par_habitant === "number"),
  map: (rows) => ({
    values: rows.map((r) => ({
      code: String(r.departement),
      min: r.ij_par_habitant as number,
      max: r.ij_par_habitant as number,
      text: `${formatNumber(r.ij_par_habitant as number, 0)}\u00a0€ par habitant`,
      details: [`IJ prescrites en ${YEAR}\u00a0: ${formatNumber(r.montant_ij as number)}\u00a0€ pour ${formatNumber(r.population as number)} habitants`, `${CNAM_LINE} ${formatNumber(r.ligne_ij as number)} ; population légale 2023 (Insee)`],
      year: String(YEAR),
      sourceIds: [String(r.source)],
      line: r.ligne_ij as number
    })),
    legendTitle: `IJ prescrites par les médecins libéraux en ${YEAR}, en euros par habitant — calcul Sous objectif d’après la Cnam et l’Insee`,
    missing: "sans population 2023 (Mayotte : recensement de 2017)",
    missingDetail: "population légale 2023 non détenue par le site",
    labels: false
  })
});
