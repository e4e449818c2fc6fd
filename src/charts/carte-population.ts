import { formatValue } from "../lib/format.ts";
import { defineMap, rowSource } from "./map/index.ts";

export default defineMap({
  id: "carte-population",
  dataset: "departements",
  title: "Population des départements : un repère de contexte, pas un indicateur d'arrêts de travail",
  reviewedRows: "c9f23d5bf882",
  heading: "Population : le contexte",
  subtitle: "Population légale de chaque département (Insee, via le Code officiel géographique), en habitants. Contexte pour lire les autres cartes : ce n'est pas un indicateur d'arrêts de travail.",
  alt: "Carte des départements de France, outre-mer compris, colorés selon leur population légale, du plus clair (moins peuplé) au plus foncé (plus peuplé).",
  rows: (d) => d.rows,
  map: (rows, _ctx, catalogue) => {
    const years = [...new Set(rows.map((r) => String(r.population_annee)))].sort();
    const vintage = years.length > 1 ? `millésimes ${years.slice(0, -1).join(", ")} et ${years[years.length - 1]} (voir le tableau)` : `millésime ${years[0]}`;
    return {
      values: rows
        .filter((r) => typeof r.population === "number")
        .map((r) => ({
          code: String(r.code),
          min: r.population as number,
          max: r.population as number,
          text: formatValue(r.population as number, "habitants"),
          details: [`Population légale, millésime ${r.population_annee}`, `Région\u00a0: ${r.region}`, `Source\u00a0: ${rowSource(r, catalogue)}`],
          year: String(r.population_annee),
          sourceIds: [String(r.source)]
        })),
      legendTitle: `Population légale (habitants), ${vintage} — contexte, pas un indicateur d'arrêts de travail`,
      missing: "sans population connue",
      missingDetail: "population non renseignée",
      labels: false
    };
  }
});
