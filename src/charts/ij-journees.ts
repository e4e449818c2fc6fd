import type { Row } from "../lib/dataset.ts";
import { formatNumber, formatValue } from "../lib/format.ts";
import { change } from "./claims.ts";
import { defineChart, type ChartContext, type LegendItem } from "./define.ts";
import { labelHead, lowerFirst, rangeText, sourceOf, unitText } from "./helpers.ts";
import { groupReadings } from "./readings.ts";
import { scopeSeries } from "./series.ts";
import { scopeColor } from "./style.ts";

const KEY = ["annee", "risque", "mesure", "perimetre"];
const MEASURES = ["journees", "journees-non-travaillees"];

/** Days in millions: the exact counts (« 285 886 324 journées ») and the rounded ones (« 286 millions ») on one axis. */
function millions(r: Row): number | null {
  if (typeof r.valeur !== "number") return null;
  if (r.unite === "journées") return r.valeur / 1e6;
  if (r.unite === "millions de journées") return r.valeur;
  return null;
}

/** A reading as published: « 245 124 624 journées », « 327 millions de journées ». */
const published = (r: Row, ctx: ChartContext) => formatValue(r.valeur as number, r.unite === "journées" ? "journées" : unitText(r, ctx));

/** The series the title is about: days of sick leave paid, DREES scope (every reading of it). */
const sickDays = (r: Row) => r.risque === "maladie" && r.mesure === "journees" && r.perimetre === "DREES-SAL";

const serieOf = (r: Row) => `${r.perimetre}|${r.risque}|${r.mesure}`;

function series(rows: Row[]): string[] {
  return [...new Set(rows.map(serieOf))];
}

function serieName(serie: string, ctx: ChartContext): string {
  const [scope, risk, measure] = serie.split("|");
  const riskLabel = risk === "at-mp" ? "AT-MP" : ctx.label("risque", risk ?? null);
  return `${riskLabel}, ${lowerFirst(ctx.label("mesure", measure ?? null))} — ${labelHead(ctx.label("perimetre", scope ?? null))}`;
}

export default defineChart({
  id: "ij-journees",
  dataset: "ij-depenses",
  theme: "Dépenses d’indemnités journalières",
  title: "Les journées d’arrêt maladie indemnisées ont reculé en 2023 par rapport à 2022, sans revenir au niveau de 2019",
  reviewedRows: "08fb503fa881",
  claims: [
    change("ont reculé en 2023 par rapport à 2022", { where: sickDays, value: millions, from: 2022, to: 2023, trend: "down" }),
    change("sans revenir au niveau de 2019", { where: sickDays, value: millions, from: 2019, to: 2023, trend: "up" })
  ],
  subtitle:
    "Journées indemnisées au titre de la maladie (et journées non travaillées au titre des AT-MP), par année, en millions de journées — salariés du privé et contractuels de la fonction publique (DREES) ; AT-MP : régime général",
  alt: "Points par année : journées d’arrêt maladie indemnisées selon la DREES, et journées non travaillées pour accident du travail ou maladie professionnelle selon l’Assurance maladie.",
  describe: (rows, ctx) => {
    const groups = groupReadings(rows, KEY, millions);
    const parts = series(rows).map((serie) => {
      const own = groups.filter((g) => serieOf(g.rows[0]!) === serie);
      const figure = (g: (typeof own)[number]) =>
        g.rows.length > 1 ? g.rows.map((r) => `${published(r, ctx)} selon ${sourceOf(ctx, String(r.source))}`).join(", ") : published(g.rows[0]!, ctx);
      return `${serieName(serie, ctx)} : ${own.map((g) => `${g.rows[0]!.annee}, ${figure(g)}`).join(" ; ")}`;
    });
    return `Points par année, sur une échelle en millions de journées. ${parts.join(". ")}. Une ligne ne relie que deux années consécutives d’un même périmètre.`;
  },
  notes: [
    "Les nombres exacts de 2019 et 2023 (245 124 624 et 285 886 324 journées) viennent d’un site qui réécrit automatiquement des articles de presse ; franceinfo, qui cite la même étude, donne 286 millions pour 2023. Les deux lectures de 2023 sont gardées.",
    "Les journées AT-MP sont des « journées non travaillées » de la branche risques professionnels du régime général : une autre mesure, sur un autre champ, qui n’est reliée à rien.",
    "Aucune série annuelle complète des journées indemnisées n’a été trouvée dans un même périmètre : les années manquantes ne sont pas estimées."
  ],
  responsive: true,
  rows: (d) =>
    d.rows
      .filter((r) => MEASURES.includes(String(r.mesure)) && millions(r) !== null)
      .sort((a, b) => Number(a.annee) - Number(b.annee)),
  legend: (rows, ctx): LegendItem[] => series(rows).map((s, i) => ({ key: s, label: serieName(s, ctx), color: scopeColor(s.split("|")[0]!, i), shape: "dot" })),
  readings: { key: KEY, value: millions, format: (v) => `${formatNumber(v, 1)}\u00a0millions de journées` },
  plot: (rows, ctx) =>
    scopeSeries(rows, ctx, {
      key: KEY,
      serie: serieOf,
      value: millions,
      reading: (r) => published(r, ctx),
      format: (min, max) => rangeText(min, max, "millions", 1),
      heading: (g) => `${g.rows[0]!.annee} · ${serieName(serieOf(g.rows[0]!), ctx)}`,
      color: (s) => scopeColor(s.split("|")[0]!),
      yLabel: "Millions de journées"
    })
});
