import type { Row } from "../lib/dataset.ts";
import { formatNumber, formatValue } from "../lib/format.ts";
import { barList, type BarItem } from "./bars.ts";
import { defineChart, type ChartContext } from "./define.ts";
import { sourceOf, tip, unitText } from "./helpers.ts";

const isShare = (r: Row) => r.unite === "%";
const received = (rows: Row[]) => rows.find((r) => r.question === "ensemble" && r.reponse === "reponses-recues");

/** « n = 25 réponses », from the row that counts them. */
function sample(rows: Row[]): string {
  const r = received(rows);
  return r ? `n\u00a0=\u00a0${formatNumber(r.valeur as number)}\u00a0réponses` : "n.d.";
}

function countLabel(r: Row, ctx: ChartContext): string {
  if (r.question === "ensemble") return ctx.label("reponse", r.reponse);
  return `${ctx.label("reponse", r.reponse).split(" (")[0]} à la question ${String(r.question).slice(1, 2)}, selon le corps du mémoire`;
}

export default defineChart({
  id: "enquete-llanta",
  dataset: "enquete-llanta-2017",
  theme: "Le terrain",
  title: "Pour 87 % des généralistes qui ont répondu, le médecin-conseil peut repérer leurs difficultés ; 39 % lui en ont déjà confié",
  reviewedRows: "fe346df2a1b6",
  subtitle:
    "Part des répondants ayant répondu oui à chaque question, en % — enquête du Dr Hélène Llanta auprès de généralistes qu’elle rencontrait comme médecin-conseil (Hérault, 2017) ; échantillon non représentatif",
  alt: "Barres horizontales : part des généralistes répondant oui à quatre questions sur le médecin-conseil, enquête de 2017, et effectifs de l’enquête.",
  describe: (rows, ctx) => {
    const shares = rows.filter(isShare).map((r) => `${ctx.label("question", r.question)} — oui : ${formatValue(r.valeur as number, "%")}`);
    const counts = rows.filter((r) => !isShare(r)).map((r) => `${countLabel(r, ctx)} : ${formatValue(r.valeur as number, unitText(r, ctx))}`);
    return `Barres horizontales, enquête de 2017 (${sample(rows)}). ${shares.join(" ; ")}. Effectifs : ${counts.join(" ; ")}.`;
  },
  notes: [
    "25 réponses seulement, recueillies par l’autrice auprès de médecins qu’elle rencontrait : l’enquête dégage une tendance d’opinion, pas une statistique valable pour l’ensemble des généralistes.",
    "Le mémoire ne donne pas le nombre de répondants de chaque pourcentage. Pour la question 4, son résumé indique 48 % et son corps « 15 réponses positives » ; l’écart n’est pas expliqué, les deux chiffres sont montrés."
  ],
  responsive: true,
  rows: (d) => d.rows.filter((r) => typeof r.valeur === "number"),
  plot: (rows, ctx) => {
    const shares: BarItem[] = rows.filter(isShare).map((r) => ({
      section: `Réponses « oui » (${sample(rows)})`,
      label: ctx.label("question", r.question),
      min: r.valeur as number,
      max: r.valeur as number,
      valueText: formatValue(r.valeur as number, "%"),
      scale: "%",
      domainMax: 100,
      tip: tip(ctx.label("question", r.question), `Oui\u00a0: ${formatValue(r.valeur as number, "%")} des répondants (${sample(rows)})`, `Source\u00a0: ${sourceOf(ctx, String(r.source))}`)
    }));
    const counts: BarItem[] = rows
      .filter((r) => !isShare(r))
      .map((r) => ({
        section: "Effectifs de l’enquête",
        label: countLabel(r, ctx),
        min: r.valeur as number,
        max: r.valeur as number,
        valueText: formatValue(r.valeur as number, unitText(r, ctx)),
        color: "#5d6670",
        scale: "n",
        tip: tip(countLabel(r, ctx), formatValue(r.valeur as number, unitText(r, ctx)), `Source\u00a0: ${sourceOf(ctx, String(r.source))}`)
      }));
    return barList([...shares, ...counts], ctx);
  }
});
