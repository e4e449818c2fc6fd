import type { Row } from "../lib/dataset.ts";
import { formatValue } from "../lib/format.ts";
import { barList, type BarItem } from "./bars.ts";
import { change } from "./claims.ts";
import { defineChart, type ChartContext } from "./define.ts";
import { labelHead, legendFor, qualified, rangeProse, rangeText, readingValues, sourceOf, tip, unitText } from "./helpers.ts";
import { groupReadings, isRange, type ReadingGroup } from "./readings.ts";
import { PALETTE } from "./style.ts";

/** Controls of insured people and fraud detected, in reading order; each keeps its scope. */
const INDICATORS = [
  "actions-service-medical",
  "assures-rencontres",
  "controles-cibles-examen",
  "part-arrets-non-justifies",
  "fraude-arrets-detectee",
  "faux-arrets-detectes",
  "fraude-toutes-detectee",
  "avis-rendus-ij",
  "part-avis-defavorables"
];
const SCOPES = ["arrets-de-travail", "toutes-fraudes", "drsm-idf"];
const KEY = ["annee", "indicateur", "perimetre"];

const order = (r: Row) => SCOPES.indexOf(String(r.perimetre)) * 100 + INDICATORS.indexOf(String(r.indicateur));
const colorOf = (scope: string) => PALETTE[[0, 7, 3][SCOPES.indexOf(scope)] ?? 0]!;

function heading(r: Row, ctx: ChartContext): string {
  // A regional figure says so in its heading; national ones are named by their indicator.
  const scope = r.perimetre === "drsm-idf" ? `${labelHead(ctx.label("perimetre", r.perimetre)).split(",")[0]} — ` : "";
  return `${scope}${ctx.label("indicateur", r.indicateur)}`;
}

function value(g: ReadingGroup, ctx: ChartContext, unit: string): string {
  if (g.min === null || g.max === null) return "n.d.";
  if (isRange(g)) return rangeText(g.min, g.max, unit);
  const wordings = new Set(g.rows.map((r) => r.qualificatif ?? ""));
  return wordings.size === 1 ? qualified(g.rows[0]!, rangeText(g.min, g.max, unit), ctx) : rangeText(g.min, g.max, unit);
}

/** Units drawn as is: counts and euros take no unit on the bar (the heading names it), % and M€ do. */
const shortUnit = (r: Row) => (r.unite === "%" || r.unite === "M€" ? String(r.unite) : "");

export default defineChart({
  id: "controles-assures",
  dataset: "controles-assures",
  theme: "Contrôles des médecins et des assurés",
  title: "Plus de contrôles, plus de fraudes détectées : les indicateurs publiés progressent tous entre 2023 et 2024",
  reviewedRows: "9f13ddc40dc5",
  claims: [
    change("les indicateurs publiés progressent tous entre 2023 et 2024", {
      value: (r) => (typeof r.valeur === "number" ? r.valeur : null),
      each: (r) => `${r.indicateur} (${r.perimetre})`,
      from: 2023,
      to: 2024,
      trend: "up"
    })
  ],
  subtitle:
    "Contrôles des assurés en arrêt de travail et fraudes détectées, par année — nombre, % ou millions d’euros selon l’indicateur ; arrêts de travail d’une part, toutes fraudes à l’Assurance maladie d’autre part, jamais additionnés",
  alt: "Barres horizontales par indicateur et par année : actions du service médical, assurés convoqués, contrôles ciblés, part des arrêts jugés non justifiés, fraudes aux arrêts de travail, faux arrêts, fraudes de tous types.",
  describe: (rows, ctx) => {
    const groups = groupReadings(rows, KEY);
    const parts = [...new Set(groups.map((g) => heading(g.rows[0]!, ctx)))].map((h) => {
      const own = groups.filter((g) => heading(g.rows[0]!, ctx) === h);
      return `${h} : ${own.map((g) => `${g.rows[0]!.annee}, ${isRange(g) ? `${rangeProse(g.min!, g.max!, unitText(g.rows[0]!, ctx))} selon les sources` : value(g, ctx, unitText(g.rows[0]!, ctx))}`).join(" ; ")}`;
    });
    return `Barres horizontales, un groupe par indicateur. ${parts.join(". ")}.`;
  },
  notes: [
    "Chaque groupe a sa propre échelle : on compare les années d’un même indicateur, pas les indicateurs entre eux.",
    "Les fraudes « toutes fraudes » portent sur l’ensemble des prestations de l’Assurance maladie et tous les fraudeurs (assurés, professionnels, établissements) : elles ne se comparent pas aux fraudes aux seuls arrêts de travail.",
    "Faux arrêts : l’Assurance maladie indique près de 30 M€ en 2024 et 8 M€ en 2023 ; Assurland et Hellowork présentent 42 M€ et 17 M€ comme le montant des seuls faux arrêts, ce que contredit la ventilation de la Cnam. Les deux lectures sont montrées.",
    "La part d’arrêts jugés non justifiés porte sur les contrôles ciblés avec examen médical, pas sur l’ensemble des arrêts. La ligne Île-de-France de 2011 est régionale."
  ],
  responsive: true,
  rows: (d) =>
    d.rows
      .filter((r) => INDICATORS.includes(String(r.indicateur)) && SCOPES.includes(String(r.perimetre)) && typeof r.valeur === "number")
      .sort((a, b) => order(a) - order(b) || Number(a.annee) - Number(b.annee)),
  legend: (rows, ctx) => legendFor([...new Set(rows.map((r) => String(r.perimetre)))], "perimetre", ctx, colorOf, "bar").map((i) => ({ ...i, label: i.label.split(" ; ")[0]!.split(" (")[0]! })),
  readings: { key: KEY },
  plot: (rows, ctx) => {
    const items: BarItem[] = groupReadings(rows, KEY).map((g) => {
      const r = g.rows[0]!;
      const scope = String(r.perimetre);
      const unit = shortUnit(r);
      return {
        section: heading(r, ctx),
        label: String(r.annee),
        min: g.min,
        max: g.max,
        values: readingValues(g),
        valueText: value(g, ctx, unit),
        color: colorOf(scope),
        serie: scope,
        scale: `${scope}|${unit || "nombre"}`,
        domainMax: r.unite === "%" ? 100 : undefined,
        inline: true,
        tip: tip(
          `${heading(r, ctx)} · ${r.annee}`,
          isRange(g) ? `${rangeText(g.min!, g.max!, unitText(r, ctx))} selon les sources` : undefined,
          g.rows.map((row) => `${sourceOf(ctx, String(row.source))}\u00a0: ${qualified(row, formatValue(row.valeur as number, unitText(row, ctx)), ctx)}`)
        )
      };
    });
    return barList(items, ctx);
  }
});
