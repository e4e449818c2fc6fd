import type { Row } from "../lib/dataset.ts";
import { formatValue } from "../lib/format.ts";
import { barList, type BarItem } from "./bars.ts";
import { defineChart, type ChartContext } from "./define.ts";
import { labelHead, qualified, rangeProse, rangeText, readingLines, readingValues, sourceOf, tip } from "./helpers.ts";
import { groupReadings, isRange, type ReadingGroup } from "./readings.ts";
import { scopeColor } from "./style.ts";

const KEY = ["debut", "fin", "risque", "facteur", "perimetre"];
/** A factor that the source presents as a part of another (« l’effet démographique … se décompose en … »). */
const PARENT: Record<string, string> = {
  "population-active": "demographie",
  vieillissement: "demographie",
  "taux-recours": "sinistralite",
  "duree-arrets": "sinistralite"
};

const decompositionOf = (r: Row) => `${r.perimetre}|${r.debut}|${r.fin}|${r.risque}`;

function heading(r: Row, ctx: ChartContext): string {
  return `${labelHead(ctx.label("perimetre", r.perimetre)).split(", ")[0]} — IJ ${r.risque === "maladie" ? "maladie" : "maladie et AT-MP"}, ${r.debut}–${r.fin}`;
}

/** Figures of each decomposition, parts listed right under the factor they belong to. */
function ordered(rows: Row[]): ReadingGroup[] {
  const groups = groupReadings(rows, KEY);
  const out: ReadingGroup[] = [];
  for (const d of [...new Set(groups.map((g) => decompositionOf(g.rows[0]!)))]) {
    const own = groups.filter((g) => decompositionOf(g.rows[0]!) === d);
    const present = new Set(own.map((g) => String(g.rows[0]!.facteur)));
    const isChild = (g: ReadingGroup) => present.has(PARENT[String(g.rows[0]!.facteur)] ?? "");
    for (const g of own.filter((g) => !isChild(g))) {
      out.push(g);
      out.push(...own.filter((c) => isChild(c) && PARENT[String(c.rows[0]!.facteur)] === g.rows[0]!.facteur));
    }
  }
  return out;
}

function isPart(g: ReadingGroup, all: ReadingGroup[]): boolean {
  const r = g.rows[0]!;
  const parent = PARENT[String(r.facteur)];
  return parent !== undefined && all.some((o) => o.rows[0]!.facteur === parent && decompositionOf(o.rows[0]!) === decompositionOf(r));
}

function value(g: ReadingGroup, ctx: ChartContext): string {
  return g.rows.length === 1 || !isRange(g) ? qualified(g.rows[0]!, rangeText(g.min!, g.max!, "%"), ctx) : rangeText(g.min!, g.max!, "%");
}

export default defineChart({
  id: "ij-decomposition",
  dataset: "ij-decomposition",
  theme: "Dépenses d’indemnités journalières",
  title: "Salaires, emploi et vieillissement n’expliquent qu’environ 60 % de la hausse des IJ maladie",
  reviewedRows: "f53f8ba99e7e",
  subtitle: "Part de la croissance des dépenses d’indemnités journalières attribuée à chaque facteur, en % — une décomposition par éditeur et par période ; les parts ne s’additionnent pas d’une décomposition à l’autre",
  alt: "Barres horizontales : décompositions publiées de la hausse des indemnités journalières (DREES, gouvernement, Assurance maladie), part de la croissance attribuée à chaque facteur.",
  describe: (rows, ctx) => {
    const groups = ordered(rows);
    const parts = [...new Set(groups.map((g) => decompositionOf(g.rows[0]!)))].map((d) => {
      const own = groups.filter((g) => decompositionOf(g.rows[0]!) === d);
      const facts = own.map((g) => `${isPart(g, groups) ? "dont " : ""}${ctx.label("facteur", g.rows[0]!.facteur).toLowerCase()} ${isRange(g) ? rangeProse(g.min!, g.max!, "%") : value(g, ctx)}`);
      return `${heading(own[0]!.rows[0]!, ctx)} : ${facts.join(", ")}`;
    });
    return `Barres horizontales, en part de la croissance des dépenses d’IJ. ${parts.join(". ")}.`;
  },
  notes: [
    "Chaque groupe de barres est une décomposition publiée : ses parts ne se comparent qu’entre elles. Les lignes « dont » détaillent le facteur placé juste au-dessus.",
    "Assurance maladie, 2010–2022 : les parts publiées ne couvrent pas toute la hausse ; le reste n’est pas décrit dans l’article qui les rapporte. 2019–2023 : le libellé du troisième ensemble est coupé dans la copie consultée.",
    "DREES : l’étude ne précise pas la période de ses « 60 % » ; Carcept Prévoyance, qui cite la même étude, la situe entre 2010 et 2023."
  ],
  responsive: true,
  rows: (d) => d.rows.filter((r) => typeof r.valeur === "number"),
  readings: { key: KEY },
  plot: (rows, ctx) => {
    const groups = ordered(rows);
    const items: BarItem[] = groups.map((g) => {
      const r = g.rows[0]!;
      const part = isPart(g, groups);
      const scope = String(r.perimetre);
      return {
        section: heading(r, ctx),
        label: `${part ? "dont " : ""}${part ? ctx.label("facteur", r.facteur).charAt(0).toLowerCase() + ctx.label("facteur", r.facteur).slice(1) : ctx.label("facteur", r.facteur)}`,
        indent: part,
        min: g.min,
        max: g.max,
        values: readingValues(g),
        valueText: value(g, ctx),
        color: scopeColor(scope),
        serie: scope,
        tip: tip(
          heading(r, ctx),
          `${ctx.label("facteur", r.facteur)}\u00a0: ${value(g, ctx)} de la croissance`,
          g.rows.length > 1 ? readingLines(g, ctx, (row) => formatValue(row.valeur as number, "%")) : `Source\u00a0: ${sourceOf(ctx, String(r.source))}`
        )
      };
    });
    return barList(items, ctx);
  }
});
