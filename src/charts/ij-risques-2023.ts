import * as Plot from "@observablehq/plot";
import { formatValue } from "../lib/format.ts";
import { defineChart } from "./define.ts";

export default defineChart({
  id: "ij-risques-2023",
  dataset: "ij-depenses",
  title: "Les arrêts maladie pèsent près de trois cinquièmes des indemnités journalières",
  subtitle: "Dépenses d'indemnités journalières en 2023, par risque, en milliards d'euros — salariés du privé et contractuels de la fonction publique, régime général, France entière (DREES)",
  alt: "Barres horizontales : en 2023, les indemnités journalières ont représenté 10,2 milliards d'euros pour la maladie, 4,1 milliards pour les accidents du travail et maladies professionnelles et 2,7 milliards pour la maternité et l'adoption, selon la DREES.",
  rows: (d) => d.rows.filter((r) => r.annee === 2023 && r.perimetre === "DREES-SAL" && r.mesure === "depense" && r.unite === "Md€" && r.risque !== "ensemble"),
  plot: (rows, { label }) => ({
    marginLeft: 190,
    height: 160,
    x: { label: "Milliards d'euros", grid: true, tickFormat: (d: number) => formatValue(d) },
    y: { label: null, domain: rows.map((r) => String(r.risque)), tickFormat: (r: string) => label("risque", r) },
    marks: [
      Plot.barX(rows, { x: "valeur", y: "risque", fill: "#1f5f8b", title: (r) => `${formatValue(r.valeur as number, "Md€")}` }),
      Plot.text(rows, { x: "valeur", y: "risque", text: (r) => formatValue(r.valeur as number, "Md€"), dx: 6, textAnchor: "start" }),
      Plot.ruleX([0])
    ]
  })
});
