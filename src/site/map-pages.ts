/**
 * The site's two map pages. /carte/ holds the maps with a value for every département (the Cnam's
 * official series, the Insee's density for context); /carte/controles/ holds what the press reported of
 * the controls, département by département, with the population for scale. Nine maps on one page were
 * about a thousand links: too heavy for a phone (issue 10, Lighthouse), and two different kinds of evidence.
 */
import { isMap } from "../charts/map/index.ts";
import type { RenderedChart } from "../charts/render.ts";
import { REFERENCE_DATASET } from "../lib/catalogue.ts";
import { routes } from "../lib/routes.ts";

/** Datasets whose maps go to /carte/controles/: press observations, located events, and the population (context). */
const PRESS_PAGE_DATASETS = new Set(["observations-departementales", "evenements", REFERENCE_DATASET]);

/** What each map is, in a sentence or two, under its heading (no figure here: figures come from the data). Also their order. */
export const MAP_ABOUT: Record<string, string> = {
  "carte-part-ij":
    "Sur 100 euros prescrits par les médecins libéraux d'un département (médicaments, biologie, transports, soins, arrêts…), combien sont des indemnités journalières. Données ouvertes de l'Assurance maladie, complètes pour les 101 départements de 2010 à 2024 ; le curseur change d'année.",
  "carte-evolution-ij":
    "De combien le montant des indemnités journalières prescrites par les médecins libéraux du département a changé entre 2010 et 2024, en euros courants.",
  "carte-ij-par-habitant":
    "Le montant de 2023 rapporté à la population légale de la même année. Le médecin peut soigner des habitants d'autres départements, et tous les habitants ne travaillent pas : un repère, pas un taux d'arrêt.",
  "carte-densite-generalistes":
    "Combien de médecins généralistes, libéraux et salariés, pour 100 000 habitants au 1er janvier 2025, selon l'Insee. Un contexte pour lire les cartes de la Cnam, sur sa propre échelle.",
  "carte-medecins-cibles":
    "La campagne de mise sous objectifs et d'accord préalable lancée en juin 2025 vise les généralistes qui prescrivent le plus d'arrêts de travail. Les caisses primaires ne publient pas la liste des médecins concernés : seuls quelques chiffres locaux ont été rapportés par la presse, parfois partiels (les médecins cités par un article, pas le total du département).",
  "carte-medecins-cibles-2023":
    "La campagne précédente, lancée à l'été 2023. Les chiffres publiés ne portent pas tous sur le même stade de la procédure : médecins repérés, convoqués, placés sous surveillance ou sanctionnés. L'infobulle et le tableau disent lequel.",
  "carte-jours-ij-2010":
    "La Cour des comptes a comparé en 2012 le nombre de journées d'arrêt maladie indemnisées par salarié dans chaque département, pour l'année 2010. Son tableau complet n'a pas été retrouvé : seules les valeurs citées par la presse et les députés, surtout les extrêmes, figurent ici. Quand deux sources donnent deux valeurs, la carte montre la fourchette.",
  "carte-evenements":
    "Convocations, rassemblements de médecins, décisions d'une caisse : les événements de la chronologie qui ont un lieu précis. C'est un recensement de ce que la presse a rapporté, pas une mesure des contrôles.",
  "carte-population":
    "La population légale de chaque département, pour lire les autres cartes à la bonne échelle. Ce n'est pas un indicateur d'arrêts de travail."
};

export type MapPage = "officielles" | "controles";

/** The page a map is shown on. */
export const mapPageOf = (dataset: string): MapPage => (PRESS_PAGE_DATASETS.has(dataset) ? "controles" : "officielles");

/** The path of a map's place on its page. */
export const mapHref = (chart: Pick<RenderedChart, "spec">): string =>
  `${mapPageOf(chart.spec.dataset) === "controles" ? routes.mapControls() : routes.map()}#graphique-${chart.spec.id}`;

/** The maps of the site in reading order, each with its page. */
export function sortedMaps(charts: Iterable<RenderedChart>): RenderedChart[] {
  const order = Object.keys(MAP_ABOUT);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...charts].filter((c) => isMap(c.spec.id)).sort((a, b) => rank(a.spec.id) - rank(b.spec.id));
}
