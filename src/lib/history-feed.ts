/**
 * RSS 2.0 feed of data changes (/donnees/historique.xml): one item per commit that changed a dataset's
 * CSV, newest first, linking to the change on the dataset page. A reader who reuses a dataset learns
 * that its values were revised without revisiting the page. Built from the same cached history as the
 * pages; a build without git history publishes a valid feed with no items that says so.
 */
import type { Catalogue } from "./catalogue.ts";
import { countOf } from "./format.ts";
import { escapeHtml } from "./html.ts";
import { changeAnchor, describeChange, historyOfDataset, type DatasetChange } from "./history.ts";
import { routes } from "./routes.ts";

export const DATA_CHANGES_FEED_PATH = routes.file("/donnees/historique.xml");
export const DATA_CHANGES_FEED_TITLE = "Sous objectif — modifications des données";
/** Items kept in the feed: the newest changes across all datasets. */
export const DATA_CHANGES_FEED_SIZE = 50;
/** Value changes quoted in one item's description. */
const QUOTED = 5;

function itemDescription(c: DatasetChange): string {
  const lines = [`${describeChange(c)}.`, `Motif : ${c.message}`];
  if (!c.created && !c.deleted) {
    for (const r of c.rows.slice(0, QUOTED)) lines.push(`${r.key} : ${r.cells.map((x) => `${x.column} ${x.from || "(vide)"} → ${x.to || "(vide)"}`).join(", ")}`);
    if (c.changedRows > QUOTED) lines.push(`… et ${countOf(c.changedRows - QUOTED, "autre ligne modifiée", "autres lignes modifiées")}, détail sur la page du jeu de données.`);
  }
  return lines.join("\n");
}

export function dataChangesXml(catalogue: Catalogue, base: URL | string): string {
  const abs = (p: string) => escapeHtml(new URL(p, base).href);
  const all: { id: string; title: string; change: DatasetChange }[] = [];
  const unavailable: string[] = [];
  for (const dataset of catalogue.datasets.values()) {
    const history = historyOfDataset(catalogue.root, dataset);
    if (!history.available) unavailable.push(history.reason);
    else for (const change of history.changes) all.push({ id: dataset.id, title: dataset.meta.title, change });
  }
  all.sort((a, b) => Date.parse(b.change.date) - Date.parse(a.change.date) || a.id.localeCompare(b.id));
  const items = all.slice(0, DATA_CHANGES_FEED_SIZE).map(({ id, title, change }) => {
    const link = `${abs(routes.dataset(id))}#${changeAnchor(change)}`;
    return [
      "    <item>",
      `      <title>${escapeHtml(`${title} : ${describeChange(change)}`)}</title>`,
      `      <link>${link}</link>`,
      `      <guid isPermaLink="false">${escapeHtml(`${id}@${change.commit}`)}</guid>`,
      `      <pubDate>${new Date(change.date).toUTCString()}</pubDate>`,
      `      <category>${escapeHtml(id)}</category>`,
      `      <description>${escapeHtml(itemDescription(change))}</description>`,
      "    </item>"
    ].join("\n");
  });
  const latest = all[0]?.change.date;
  const description =
    unavailable.length > 0 && all.length === 0
      ? `Historique indisponible pour cette construction (${unavailable[0]}).`
      : "Chaque modification des fichiers de données du site : lignes ajoutées et retirées, valeurs modifiées, et leur motif.";
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">`,
    "  <channel>",
    `    <title>${escapeHtml(DATA_CHANGES_FEED_TITLE)}</title>`,
    `    <link>${abs(routes.datasets())}</link>`,
    `    <description>${escapeHtml(description)}</description>`,
    "    <language>fr</language>",
    `    <atom:link href="${abs(DATA_CHANGES_FEED_PATH)}" rel="self" type="application/rss+xml"/>`,
    ...(latest ? [`    <lastBuildDate>${new Date(latest).toUTCString()}</lastBuildDate>`] : []),
    ...items,
    "  </channel>",
    "</rss>",
    ""
  ].join("\n");
}
