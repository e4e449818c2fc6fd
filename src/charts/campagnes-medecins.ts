import type { Row } from "../lib/dataset.ts";
import { formatNumber, formatValue } from "../lib/format.ts";
import { barList, type BarItem } from "./bars.ts";
import { defineChart, type ChartContext } from "./define.ts";
import { qualified, rangeProse, rangeText, readingValues, sourceOf, tip } from "./helpers.ts";
import { groupReadings, isRange, type ReadingGroup } from "./readings.ts";

/** Steps of a campaign, from the widest net to the sanctions. */
const STEPS = ["medecins-preidentifies", "entretiens-demandes", "entretiens-premiere-vague", "medecins-identifies", "mso-acceptees", "refus-mso", "msap"];
/** Scopes drawn: national readings, whoever reports them; the USMY figures (scope uncertain) stay out. */
const SCOPES = ["national", "national-selon-france-info", "national-selon-mg-france", "national-selon-fmf", "national-selon-comeli"];
const KEY = ["campagne", "etape"];

const stepOrder = (r: Row) => STEPS.indexOf(String(r.etape));

/**
 * A « médecins ciblés » reading equal to the number of interview requests of the same campaign: according
 * to franceinfo, that figure (5 000 in 2023) counts the doctors asked to an interview, not those targeted.
 * It is drawn apart from the range, on the same line, and named in the tooltip and the table.
 */
function confused(row: Row, rows: Row[]): boolean {
  return (
    row.etape === "medecins-identifies" &&
    rows.some((o) => o.campagne === row.campagne && o.etape === "entretiens-demandes" && o.valeur === row.valeur)
  );
}

const APART_REASON = "selon franceinfo, ce nombre est celui des médecins invités à un entretien, pas celui des médecins ciblés";

interface Figure {
  group: ReadingGroup;
  kept: ReadingGroup;
  apart: Row[];
}

function figures(rows: Row[]): Figure[] {
  return groupReadings(rows, KEY).map((group) => {
    const apart = group.rows.filter((r) => confused(r, rows));
    const kept = groupReadings(group.rows.filter((r) => !apart.includes(r)), KEY)[0] ?? { ...group, rows: [], readings: [], min: null, max: null, sources: [] };
    return { group, kept, apart };
  });
}

const reading = (ctx: ChartContext) => (row: Row) => qualified(row, formatValue(row.valeur as number, "médecins"), ctx);

function valueText(f: Figure, ctx: ChartContext): string {
  const g = f.kept;
  if (g.min === null || g.max === null) return "n.d.";
  if (isRange(g)) return rangeText(g.min, g.max);
  const wordings = new Set(g.rows.map((r) => r.qualificatif ?? ""));
  return wordings.size === 1 ? qualified(g.rows[0]!, formatNumber(g.min), ctx) : formatNumber(g.min);
}

export default defineChart({
  id: "campagnes-medecins",
  dataset: "campagnes-prescripteurs",
  theme: "Contrôles des médecins et des assurés",
  title: "En 2023, l’Assurance maladie a ciblé environ un millier de médecins ; 416 ont accepté une mise sous objectifs",
  reviewedRows: "4eaeadb2e905",
  subtitle:
    "Médecins concernés à chaque étape des campagnes contre les « gros prescripteurs » d’arrêts de travail, par campagne, en nombre de médecins — France entière ; quand les sources divergent, la barre va de la plus basse à la plus haute lecture",
  alt: "Barres horizontales par campagne (2006 à 2025-2026) : médecins repérés, invités à un entretien, ciblés, mis sous objectifs, ayant refusé, mis sous accord préalable.",
  describe: (rows, ctx) => {
    const parts = [...new Set(rows.map((r) => String(r.campagne)))].map((c) => {
      const own = figures(rows.filter((r) => r.campagne === c));
      const facts = own.map((f) => {
        const g = f.kept;
        const text = g.min === null ? "n.d." : isRange(g) ? `${rangeProse(g.min, g.max!)} selon les sources` : valueText(f, ctx);
        const apart = f.apart.length ? ` (et ${formatNumber(f.apart[0]!.valeur as number)} selon ${[...new Set(f.apart.map((r) => sourceOf(ctx, String(r.source))))].join(" et ")})` : "";
        return `${ctx.label("etape", f.group.rows[0]!.etape).toLowerCase()} : ${text}${apart}`;
      });
      return `${ctx.label("campagne", c)} — ${facts.join(" ; ")}`;
    });
    return `Barres horizontales, en nombre de médecins. ${parts.join(". ")}.`;
  },
  notes: [
    "Quand les sources divergent, la barre pleine va jusqu’à la plus basse lecture et se prolonge, en clair, jusqu’à la plus haute ; un trait marque chaque lecture. Le tableau donne chaque source.",
    "2023, médecins ciblés : le nombre de 5 000, repris par 20 Minutes (qui l’attribue à France Info) et par Europe 1, est dessiné à part (cercle) : selon franceinfo, il compte les médecins ayant reçu une demande d’entretien, pas les médecins visés par une mise sous objectifs.",
    "Ne figurent pas ici : les chiffres de l’USMY, dont on ne sait pas s’ils portent sur la France entière ou sur les Yvelines, les médecins « surveillés de près », les visites de délégués de l’Assurance maladie, les pourcentages, pénalités et économies (voir le jeu de données).",
    "Les définitions changent d’une campagne à l’autre (entente préalable en 2006, MSO et MSAP ensuite, entretiens confraternels en 2024) : les campagnes ne sont pas reliées entre elles."
  ],
  responsive: true,
  rows: (d) =>
    d.rows
      .filter((r) => r.unite === "medecins" && STEPS.includes(String(r.etape)) && SCOPES.includes(String(r.perimetre)) && typeof r.valeur === "number")
      .sort((a, b) => Number(a.annee) - Number(b.annee) || String(a.campagne).localeCompare(String(b.campagne)) || stepOrder(a) - stepOrder(b)),
  readings: { key: KEY, format: (v) => formatValue(v, "médecins"), apart: (row, rows) => (confused(row, rows) ? APART_REASON : undefined) },
  plot: (rows, ctx) => {
    const items: BarItem[] = [...new Set(rows.map((r) => String(r.campagne)))].flatMap((c) =>
      figures(rows.filter((r) => r.campagne === c)).map((f) => {
        const r = f.group.rows[0]!;
        const g = f.kept;
        const apartValues = [...new Set(f.apart.map((a) => a.valeur as number))];
        return {
          section: ctx.label("campagne", c),
          label: ctx.label("etape", r.etape),
          min: g.min,
          max: g.max,
          values: readingValues(g),
          valueText: valueText(f, ctx),
          outliers: apartValues.map((v) => ({ value: v, text: `${formatNumber(v)} : lecture contestée` })),
          tip: tip(
            `${ctx.label("campagne", c)}`,
            ctx.label("etape", r.etape),
            g.min !== null && isRange(g) ? `${rangeText(g.min, g.max!, "médecins")} selon les sources` : undefined,
            g.rows.map((row) => `${sourceOf(ctx, String(row.source))}\u00a0: ${reading(ctx)(row)}`),
            f.apart.map((row) => `${sourceOf(ctx, String(row.source))}\u00a0: ${reading(ctx)(row)} — ${APART_REASON}`)
          )
        };
      })
    );
    return barList(items, ctx);
  }
});
