import { formatDate } from "../lib/format.ts";
import { defineMap, groupBy, rowSource } from "./map/index.ts";

export default defineMap({
  id: "carte-evenements",
  dataset: "evenements",
  title: "Où se sont passés les événements locaux de la chronologie",
  reviewedRows: "ee29d4084a06",
  heading: "Où se sont passés les événements locaux",
  subtitle:
    "Nombre d'événements locaux (convocations, rassemblements, décisions d'une caisse…) recensés par Sous objectif dans chaque département, d'après la presse et les documents publics. Un recensement, pas une mesure : les événements nationaux n'y figurent pas.",
  alt: "Carte des départements de France, outre-mer compris. Les départements où la chronologie de Sous objectif situe au moins un événement local sont colorés, avec le nombre d'événements écrit sur la carte ; les autres sont hachurés : aucun événement local recensé.",
  notes: ["Un département sans événement recensé n'est pas un département sans contrôle : la chronologie ne retient que ce que la presse et les documents publics ont rapporté."],
  rows: (d) => d.rows.filter((r) => r.departement !== null),
  map: (rows, _ctx, catalogue) => ({
    values: [...groupBy(rows, (r) => String(r.departement))].map(([code, group]) => {
      const events = groupBy(group, (r) => String(r.id));
      const n = events.size;
      const lines = [...events.values()]
        .sort((a, b) => String(a[0]!.date).localeCompare(String(b[0]!.date)))
        .map((same) => `${[...new Set(same.map((r) => formatDate(String(r.date))))].join(" ou ")} · ${same[0]!.titre}`);
      const sources = [...new Set(group.map((r) => rowSource(r, catalogue)))];
      const years = [...new Set(group.map((r) => String(r.date).slice(0, 4)))].sort();
      return {
        code,
        min: n,
        max: n,
        text: `${n}\u00a0événement${n > 1 ? "s" : ""}`,
        details: [...lines, `${sources.length > 1 ? "Sources" : "Source"}\u00a0: ${sources.join(" ; ")}`],
        year: years.join(", "),
        sourceIds: [...new Set(group.map((r) => String(r.source)))]
      };
    }),
    legendTitle: "Événements locaux recensés dans la chronologie de Sous objectif (nombre d'événements distincts)",
    missing: "sans événement local recensé",
    missingDetail: "aucun événement local recensé dans la chronologie"
  })
});
