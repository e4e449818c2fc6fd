import { formatValue } from "../lib/format.ts";
import { barList } from "./bars.ts";
import { defineChart } from "./define.ts";
import { frenchList, sourceOf, tip } from "./helpers.ts";

const unitLong = (v: number) => `${formatValue(v)} milliards d’euros`;

export default defineChart({
  id: "ij-risques-2023",
  dataset: "ij-depenses",
  theme: "Dépenses d’indemnités journalières",
  title: "Les arrêts maladie pèsent près de trois cinquièmes des indemnités journalières",
  reviewedRows: "9b3b08d1e9a7",
  subtitle: "Dépenses d’indemnités journalières en 2023, par risque, en milliards d’euros — salariés du privé et contractuels de la fonction publique, régime général, France entière (DREES)",
  alt: "Barres horizontales : dépenses d’indemnités journalières de 2023 par risque (maladie, accidents du travail et maladies professionnelles, maternité), selon la DREES.",
  describe: (rows, { label }) =>
    `Barres horizontales : en 2023, selon la DREES, les indemnités journalières versées aux salariés du privé et aux contractuels de la fonction publique ont représenté ${frenchList(
      rows.map((r) => `${unitLong(r.valeur as number)} pour le risque « ${label("risque", r.risque)} »`)
    )}.`,
  responsive: true,
  rows: (d) => d.rows.filter((r) => r.annee === 2023 && r.perimetre === "DREES-SAL" && r.mesure === "depense" && r.unite === "Md€" && r.risque !== "ensemble"),
  plot: (rows, ctx) =>
    barList(
      rows.map((r) => ({
        label: ctx.label("risque", r.risque),
        min: r.valeur as number,
        max: r.valeur as number,
        valueText: formatValue(r.valeur as number, "Md€"),
        tip: tip(ctx.label("risque", r.risque), `${formatValue(r.valeur as number, "Md€")} en 2023`, `Source\u00a0: ${sourceOf(ctx, String(r.source))}`)
      })),
      ctx
    )
});
