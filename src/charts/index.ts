import type { ChartSpec } from "./define.ts";
import carteDensiteGeneralistes from "./carte-densite-generalistes.ts";
import carteEvolutionIj from "./carte-evolution-ij.ts";
import carteIjParHabitant from "./carte-ij-par-habitant.ts";
import cartePartIj from "./carte-part-ij.ts";
import classementDepartements from "./classement-departements.ts";
import ijPrescritesFrance from "./ij-prescrites-france.ts";
import partIjFrance from "./part-ij-france.ts";
import postesIndiceFrance from "./postes-indice-france.ts";
import bayonneMobilisation from "./bayonne-mobilisation.ts";
import campagnesMedecins from "./campagnes-medecins.ts";
import chronologieEvenements from "./chronologie-evenements.ts";
import controlesAssures from "./controles-assures.ts";
import enqueteLlanta from "./enquete-llanta.ts";
import carteEvenements from "./carte-evenements.ts";
import carteJoursIj2010 from "./carte-jours-ij-2010.ts";
import carteMedecinsCibles from "./carte-medecins-cibles.ts";
import carteMedecinsCibles2023 from "./carte-medecins-cibles-2023.ts";
import cartePopulation from "./carte-population.ts";
import ijCroissancePeriodes from "./ij-croissance-periodes.ts";
import ijDecomposition from "./ij-decomposition.ts";
import ijDepensesMaladie from "./ij-depenses-maladie.ts";
import ijJournees from "./ij-journees.ts";
import ijRisques2023 from "./ij-risques-2023.ts";

/** Every chart of the site. Adding a chart: one module in this folder, one line here. */
export const charts: ChartSpec[] = [
  // Official open data (Cnam, Insee): complete series first.
  ijPrescritesFrance,
  postesIndiceFrance,
  partIjFrance,
  classementDepartements,
  ijDepensesMaladie,
  ijRisques2023,
  ijJournees,
  ijCroissancePeriodes,
  ijDecomposition,
  campagnesMedecins,
  controlesAssures,
  enqueteLlanta,
  bayonneMobilisation,
  chronologieEvenements,
  // Maps (src/charts/map/): one per line; complete maps first.
  cartePartIj,
  carteEvolutionIj,
  carteIjParHabitant,
  carteDensiteGeneralistes,
  carteMedecinsCibles,
  carteMedecinsCibles2023,
  carteJoursIj2010,
  carteEvenements,
  cartePopulation
];
