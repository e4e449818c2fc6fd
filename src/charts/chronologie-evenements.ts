import * as Plot from "@observablehq/plot";
import type { Row } from "../lib/dataset.ts";
import { formatDate, formatNumber } from "../lib/format.ts";
import { defineChart, seriesClass, type ChartContext, type LegendItem } from "./define.ts";
import { frenchList, qualified, rangeProse, sourceOf, tip, unitText, yearFormat } from "./helpers.ts";
import { groupReadings, type ReadingGroup } from "./readings.ts";

/** Event types, gathered in a few families a reader can tell apart by colour (the exact type is in the tooltip). */
const FAMILIES: { key: string; label: string; color: string; types: string[] }[] = [
  { key: "campagnes", label: "Campagnes et contrôles de l’Assurance maladie", color: "#1f5f8b", types: ["campagne", "decision-administrative", "objectif", "dispositif"] },
  { key: "regles", label: "Lois, décrets, votes et décisions", color: "#2f7d5b", types: ["loi", "decret", "reforme-reglementaire", "projet-de-loi", "vote", "entree-en-vigueur", "annonce", "decision-justice", "nomination"] },
  { key: "service-medical", label: "Réorganisation du service médical", color: "#7b4f9d", types: ["reforme-organisation"] },
  { key: "mobilisations", label: "Mobilisations, communiqués et recours des médecins", color: "#c2571a", types: ["mobilisation", "communique", "recours"] },
  { key: "rapports", label: "Rapports, études et négociations", color: "#5d6670", types: ["rapport", "etude", "convention", "rencontre"] }
];
const OTHER = { key: "autres", label: "Autres événements", color: "#8a929b", types: [] as string[] };
const familyOf = (type: string) => FAMILIES.find((f) => f.types.includes(type)) ?? OTHER;

interface Event {
  group: ReadingGroup;
  year: number;
  date: string;
  family: (typeof FAMILIES)[number];
  stack: number;
}

function events(rows: Row[]): Event[] {
  const list = groupReadings(rows, ["id"]).map((group) => {
    const dates = group.rows.map((r) => String(r.date)).sort();
    return { group, date: dates[0]!, year: Number(dates[0]!.slice(0, 4)), family: familyOf(String(group.rows[0]!.type)), stack: 0 };
  });
  const familyIndex = (e: Event) => FAMILIES.indexOf(e.family as (typeof FAMILIES)[number]);
  for (const year of new Set(list.map((e) => e.year))) {
    list
      .filter((e) => e.year === year)
      .sort((a, b) => familyIndex(a) - familyIndex(b) || a.date.localeCompare(b.date))
      .forEach((e, i) => (e.stack = i + 1));
  }
  return list.sort((a, b) => a.year - b.year || a.stack - b.stack);
}

function when(g: ReadingGroup): string {
  const spans = [...new Set(g.rows.map((r) => (r.date_fin ? `du ${formatDate(String(r.date))} au ${formatDate(String(r.date_fin))}` : formatDate(String(r.date)))))];
  return spans.length > 1 ? `${spans.join(" ou ")} selon les sources` : spans[0]!;
}

function figure(g: ReadingGroup, ctx: ChartContext): string | undefined {
  if (g.min === null || g.max === null) return undefined;
  const first = g.readings[0]!.row;
  const unit = unitText(first, ctx);
  if (g.min === g.max) return g.readings.length === 1 ? qualified(first, `${formatNumber(g.min)}\u00a0${unit}`, ctx) : `${formatNumber(g.min)}\u00a0${unit}`;
  return `${rangeProse(g.min, g.max, unit)} selon les sources (${g.readings.map((r) => `${sourceOf(ctx, r.source)}\u00a0: ${qualified(r.row, formatNumber(r.value), ctx)}`).join(" ; ")})`;
}

export default defineChart({
  id: "chronologie-evenements",
  dataset: "evenements",
  theme: "Chronologie",
  // What the chart counts is our own collection, not the controls: the title says so, so that a taller
  // recent column is not read as « les contrôles se sont intensifiés ».
  title: "Les événements recensés dans cette chronologie, par année : notre collecte, plus fournie pour les années récentes",
  reviewedRows: "85a49647b201",
  subtitle: "Ce que nous avons retrouvé et daté dans les sources (lois, campagnes, réorganisations, mobilisations…), et non une mesure du nombre de contrôles ; un point par événement, une couleur par famille d’événements — France entière et événements locaux",
  alt: "Points empilés par année, un point par événement, colorés par famille (campagnes, lois et votes, service médical, mobilisations, rapports), de 2004 à 2026.",
  describe: (rows, ctx) => {
    const list = events(rows);
    const years = [...new Set(list.map((e) => e.year))];
    const count = (y: number) => list.filter((e) => e.year === y).length;
    const perYear = years.map((y) => {
      const own = list.filter((e) => e.year === y);
      const families = [...FAMILIES, OTHER].filter((f) => own.some((e) => e.family.key === f.key));
      return `${y} : ${frenchList(families.map((f) => `${f.label.charAt(0).toLowerCase()}${f.label.slice(1)}`))}`;
    });
    const tallest = years.filter((y) => count(y) === Math.max(...years.map(count)));
    return `Points empilés par année, un point par événement (le détail de chacun est dans le tableau) ; la colonne la plus haute est celle de ${frenchList(tallest.map(String))}. Familles d’événements par année — ${perYear.join(" ; ")}.`;
  },
  notes: [
    "Un point par événement : quand plusieurs sources rapportent le même événement, elles sont réunies dans son infobulle et chacune a sa ligne dans le tableau.",
    "Une année sans point est une année où aucun événement n’a été recensé dans les sources consultées, pas une année sans contrôle.",
    "La chronologie détaillée, événement par événement, est sur la page Chronologie du site."
  ],
  responsive: true,
  rows: (d) => [...d.rows].sort((a, b) => String(a.date).localeCompare(String(b.date)) || String(a.id).localeCompare(String(b.id))),
  readings: { key: ["id"] },
  legend: (rows): LegendItem[] => {
    const used = new Set(events(rows).map((e) => e.family.key));
    return [...FAMILIES, OTHER].filter((f) => used.has(f.key)).map((f) => ({ key: f.key, label: f.label, color: f.color, shape: "dot" }));
  },
  plot: (rows, ctx) => {
    const list = events(rows);
    const years = list.map((e) => e.year);
    const domain: number[] = [];
    for (let y = Math.min(...years); y <= Math.max(...years); y++) domain.push(y);
    const maxStack = Math.max(...list.map((e) => e.stack));
    const step = ctx.narrow ? 11 : 13;
    const ticks = domain.filter((y) => y % (ctx.narrow ? 4 : 2) === 0);
    const tipOf = (e: Event) => {
      const r = e.group.rows[0]!;
      const place = r.lieu && r.lieu !== "France" ? `${r.lieu}${r.departement ? ` (${r.departement})` : ""}` : undefined;
      return tip(`${when(e.group)} · ${ctx.label("type", r.type)}`, String(r.titre), place, figure(e.group, ctx), `${e.group.sources.length > 1 ? "Sources" : "Source"}\u00a0: ${[...new Set(e.group.sources.map((s) => sourceOf(ctx, s)))].join(" ; ")}`);
    };
    return {
      height: maxStack * step + 60,
      marginLeft: 30,
      marginRight: 8,
      marginTop: 24,
      x: { type: "band", domain, ticks, tickFormat: yearFormat, label: null, paddingInner: 0.1 },
      y: { domain: [0, maxStack + 0.5], ticks: Math.min(maxStack, 6), tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : ""), label: "Événements", labelAnchor: "top", labelArrow: "none", grid: true },
      marks: [
        Plot.ruleY([0], { stroke: "#1b1f24" }),
        ...[...FAMILIES, OTHER].map((f) =>
          Plot.dot(
            list.filter((e) => e.family.key === f.key),
            { x: "year", y: (e: Event) => e.stack - 0.5, r: ctx.narrow ? 4.5 : 5.5, fill: f.color, stroke: "#fff", strokeWidth: 1, title: tipOf, className: seriesClass(f.key) }
          )
        )
      ]
    };
  }
});
