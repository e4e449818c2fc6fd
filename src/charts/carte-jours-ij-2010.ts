import { REFERENCE_DATASET } from "../lib/catalogue.ts";
import { farValues, farValuesFootnote } from "./map/far-values.ts";
import { defineMap, observationValues } from "./map/index.ts";

export default defineMap({
  id: "carte-jours-ij-2010",
  dataset: "observations-departementales",
  title: "Journées d'arrêt maladie indemnisées par salarié en 2010 : les seuls départements dont le chiffre a été cité",
  reviewedRows: "51c898b9a0c1",
  heading: "Journées d'arrêt maladie par salarié en 2010",
  subtitle:
    "Journées d'arrêt maladie indemnisées par salarié en 2010, régime général, d'après la Cour des comptes (communication de 2012 à l'Assemblée nationale), telles que la presse et les députés les ont citées. Le tableau complet des départements n'a pas été retrouvé ; les départements d'outre-mer n'y figurent pas.",
  alt: "Carte des départements de France, outre-mer compris. Seuls les départements dont le nombre de journées d'arrêt maladie indemnisées par salarié en 2010 a été cité sont colorés, avec leur valeur écrite sur la carte ; quand deux sources donnent deux valeurs, la fourchette est écrite. Tous les autres sont hachurés « n.d. ».",
  notes: [
    "Ces valeurs viennent d'une même étude de la Cour des comptes (données 2010 de la CNAMTS et de l'Insee), reprises par la presse : ce sont surtout les extrêmes, pas un échantillon représentatif.",
    "Quand deux sources donnent deux valeurs pour un même département, les deux sont gardées : la carte montre la fourchette et nomme chaque source."
  ],
  rows: (d) => d.rows.filter((r) => r.indicateur === "jours-ij-par-salarie" && r.perimetre === "CDC-2010" && r.annee === 2010),
  map: (rows, ctx, catalogue) => {
    const values = observationValues(rows, catalogue.datasets.get("observations-departementales")!, ctx);
    const names = new Map(catalogue.datasets.get(REFERENCE_DATASET)?.rows.map((r) => [String(r.code), String(r.nom)]) ?? []);
    return {
    values,
    // A value far from all the others (Paris, 2,7 days) is said so under the map, not left to look like a typo.
    footnotes: farValuesFootnote(farValues(values), values, (code) => names.get(code) ?? code),
    legendTitle: "Journées d'arrêt maladie indemnisées par salarié en 2010 (jours), régime général, Cour des comptes",
    missing: "sans valeur citée",
    missingDetail: "valeur 2010 non citée par les sources trouvées"
    };
  }
});
