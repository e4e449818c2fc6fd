import type { Row } from "../lib/dataset.ts";
import { defineMap, observationValues } from "./map/index.ts";
import { PALETTES } from "./map/style.ts";
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

/** `reviewedRows`: see ChartSpec; each campaign module stores its own, next to its title. */
export function doctorsMap(id: string, campaign: string, title: string, { reviewedRows }: { reviewedRows?: string } = {}): ChartSpec {
  return defineMap({
    id,
    dataset: "observations-departementales",
    title,
    ...(reviewedRows ? { reviewedRows } : {}),
    heading: `Médecins visés par la campagne ${campaign}`,
    subtitle: `Médecins généralistes convoqués, invités à un entretien ou placés sous surveillance par leur caisse primaire lors de la campagne ${campaign}, par département, tels que la presse les a rapportés (nombre de médecins). Le stade de la procédure diffère d'une caisse à l'autre ; la plupart des départements n'ont aucun chiffre publié (n.d.).`,
    alt: `Carte des départements de France, outre-mer compris. Seuls les départements pour lesquels un nombre de médecins visés a été publié pour la campagne ${campaign} sont colorés, avec ce nombre écrit sur la carte ; tous les autres sont hachurés « n.d. » : aucun chiffre trouvé, ce qui ne veut pas dire zéro.`,
    notes: [
      "Une absence de chiffre ne veut pas dire qu'aucun médecin n'a été visé : les caisses ne publient pas leurs listes, et seuls quelques chiffres locaux ont été repris par la presse.",
      "Les campagnes diffèrent par leur taille et par le stade de la procédure : chacune a sa carte, jamais additionnée ni comparée à une autre."
    ],
    rows: (d) => d.rows.filter((r) => r.campagne === campaign),
    map: (rows, ctx, catalogue) => {
      const values = observationValues(rows, catalogue.datasets.get("observations-departementales")!, ctx, { stages: true, partial: PARTIAL });
      // One indicator per colour layer. Caisses published different stages (placed under watch, invited to an
      // interview, summoned, referred to the penalties board…): a colour ramp over those numbers would compare
      // unlike things. So the colour says one thing only, « a figure was published », and each number on the
      // map carries the letter of what it counts, spelled out under the map.
      const indicators = [...new Set(rows.filter((r) => typeof r.valeur === "number").map((r) => String(r.indicateur)))];
      const single = indicators.length <= 1;
      const letters = new Map(indicators.map((code, i) => [code, String.fromCharCode(65 + i)]));
      const primary = (code: string) => {
        const own = rows.filter((r) => r.departement === code && typeof r.valeur === "number");
        return String(own.reduce((a, b) => ((b.valeur as number) > (a.valeur as number) ? b : a)).indicateur);
      };
      const marked = single ? values : values.map((v) => ({ ...v, mark: `\u00a0${letters.get(primary(v.code))}${v.mark ?? ""}` }));
      return {
      values: marked,
      ...(single ? {} : { classes: { breaks: [], singles: [], colors: [PALETTES[1]![0]!], labels: ["chiffre publié (sa lettre dit ce qu’il compte)"] } }),
      legendTitle: `Médecins visés par la caisse primaire lors de la campagne ${campaign} (${ctx.label("campagne", campaign)}), en nombre de médecins`,
      footnotes: [
        ...(single ? [] : indicators.map((code) => `${letters.get(code)}\u00a0: ${ctx.label("indicateur", code)}`)),
        ...(hasStages(rows)
          ? ["Quand une caisse a publié plusieurs stades (convoqués, puis sanctionnés), le nombre écrit est le plus grand ; chaque stade est détaillé dans l'infobulle et le tableau."]
          : []),
        ...(rows.some((r) => PARTIAL.includes(String(r.indicateur))) ? ["* Chiffre partiel (médecins cités par un article, pas le total du département)."] : [])
      ],
      missing: "sans chiffre publié pour cette campagne",
      missingDetail: `aucun chiffre publié trouvé pour la campagne ${campaign}`
      };
    }
  });
}
