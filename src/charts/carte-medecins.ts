import type { Row } from "../lib/dataset.ts";
import { defineMap, observationValues } from "./map/index.ts";
import type { ChartSpec } from "./define.ts";

/**
 * Doctors targeted per département during ONE campaign of controls: campaigns differ in size and stage,
 * so each has its own map and they are never drawn together.
 */

/** Indicators that count only the doctors an article cites, not the département's total. */
const PARTIAL = ["autres-medecins-vises", "medecins-convoques-audition"];

/** Whether some département has several stages (indicators) published for the campaign. */
function hasStages(rows: Row[]): boolean {
  const seen = new Map<string, string>();
  for (const r of rows) {
    const first = seen.get(String(r.departement));
    if (first !== undefined && first !== r.indicateur) return true;
    seen.set(String(r.departement), String(r.indicateur));
  }
  return false;
}

export function doctorsMap(id: string, campaign: string, title: string): ChartSpec {
  return defineMap({
    id,
    dataset: "observations-departementales",
    title,
    heading: `Médecins visés par la campagne ${campaign}`,
    subtitle: `Médecins généralistes convoqués, invités à un entretien ou placés sous surveillance par leur caisse primaire lors de la campagne ${campaign}, par département, tels que la presse les a rapportés (nombre de médecins). Le stade de la procédure diffère d'une caisse à l'autre ; la plupart des départements n'ont aucun chiffre publié (n.d.).`,
    alt: `Carte des départements de France, outre-mer compris. Seuls les départements pour lesquels un nombre de médecins visés a été publié pour la campagne ${campaign} sont colorés, avec ce nombre écrit sur la carte ; tous les autres sont hachurés « n.d. » : aucun chiffre trouvé, ce qui ne veut pas dire zéro.`,
    notes: [
      "Une absence de chiffre ne veut pas dire qu'aucun médecin n'a été visé : les caisses ne publient pas leurs listes, et seuls quelques chiffres locaux ont été repris par la presse.",
      "Les campagnes diffèrent par leur taille et par le stade de la procédure : chacune a sa carte, jamais additionnée ni comparée à une autre."
    ],
    rows: (d) => d.rows.filter((r) => r.campagne === campaign),
    map: (rows, ctx, catalogue) => ({
      values: observationValues(rows, catalogue.datasets.get("observations-departementales")!, ctx, { stages: true, partial: PARTIAL }),
      legendTitle: `Médecins visés par la caisse primaire lors de la campagne ${campaign} (${ctx.label("campagne", campaign)}), en nombre de médecins`,
      footnotes: [
        ...(hasStages(rows)
          ? ["Quand une caisse a publié plusieurs stades (convoqués, puis sanctionnés), la couleur suit le plus grand nombre ; chaque stade est détaillé dans l'infobulle et le tableau."]
          : []),
        ...(rows.some((r) => PARTIAL.includes(String(r.indicateur))) ? ["* Chiffre partiel (médecins cités par un article, pas le total du département)."] : [])
      ],
      missing: "sans chiffre publié pour cette campagne",
      missingDetail: `aucun chiffre publié trouvé pour la campagne ${campaign}`
    })
  });
}
