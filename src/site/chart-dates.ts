/**
 * The dates a chart carries wherever it travels (chart page, embed, PNG, LISEZMOI): « Données au … »,
 * the day its drawn rows last changed, and « Graphique mis à jour le … » when the chart changed after its
 * first publication. The embed also gets the days its drawn values were revised, so that a snippet copied
 * before one of them can say « chiffres révisés depuis la publication ».
 *
 * Everything comes from the repository's history (src/lib/history.ts): the commits of data/<dataset>.csv,
 * rows matched to the chart's drawn rows by the dataset's key, and the commits of src/charts/<id>.ts.
 * A build without history (archive, shallow clone, no git) still succeeds: the dates are then « n.d. ».
 */
import { execFileSync } from "node:child_process";
import type { RenderedChart } from "../charts/render.ts";
import type { Dataset, Row } from "../lib/dataset.ts";
import { formatDate } from "../lib/format.ts";
import { datasetHistory, historyUnavailable } from "../lib/history.ts";

export interface ChartDates {
  /** Day (YYYY-MM-DD) the drawn rows last changed; undefined without history. */
  data?: string;
  /** Day the chart was first published (first commit of its declaration). */
  published?: string;
  /** Day of the chart's last change: its rows or its declaration. */
  updated?: string;
  /** Days after the first version of its rows on which rows drawn by the chart were added or changed, oldest first. */
  revisions: string[];
}

/** Every row has the whole history: a revision must be found even in a commit that changed 2 000 rows. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

const day = (iso: string) => iso.slice(0, 10);

/** The key of a row as history.ts writes it: "col=text, col=text", the cell as the CSV spells it. */
function keyOf(row: Row, key: string[]): string {
  return key.map((k) => `${k}=${row[k] === null || row[k] === undefined ? "" : String(row[k])}`).join(", ");
}

const fileDays = new Map<string, string[]>();

/** Author days of the commits that touched a file (following renames), oldest first; [] without history. */
function commitDays(root: string, path: string): string[] {
  const id = `${root}\u0000${path}`;
  const hit = fileDays.get(id);
  if (hit) return hit;
  let days: string[] = [];
  if (!historyUnavailable(root)) {
    try {
      const out = execFileSync("git", ["log", "--follow", "--format=%aI", "--", path], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      days = out.split("\n").filter(Boolean).map(day).reverse();
    } catch {
      days = [];
    }
  }
  fileDays.set(id, days);
  return days;
}

const cache = new Map<string, ChartDates>();

/** The dates of one chart, read once per build. */
export function chartDates(root: string, chart: Pick<RenderedChart, "spec" | "rows">, dataset: Pick<Dataset, "id" | "meta">): ChartDates {
  const id = `${root}\u0000${chart.spec.id}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const result = computeDates(root, chart, dataset);
  cache.set(id, result);
  return result;
}

function computeDates(root: string, chart: Pick<RenderedChart, "spec" | "rows">, dataset: Pick<Dataset, "id" | "meta">): ChartDates {
  const history = datasetHistory(root, `data/${dataset.id}.csv`, { key: dataset.meta.key, limit: NO_LIMIT });
  if (!history.available) return { revisions: [] };
  const drawn = new Set(chart.rows.map((r) => keyOf(r, dataset.meta.key)));
  // Commits that added or changed a row the chart draws today. A row since removed from the file cannot be
  // matched to the chart's filter any more: removals are not counted, an honest limit of this reading.
  const touching = history.changes.filter((c) => !c.deleted && (c.addedKeys.some((k) => drawn.has(k)) || c.rows.some((r) => drawn.has(r.key))));
  const fileChanges = history.changes.filter((c) => !c.deleted);
  // Keys written differently from the typed rows (a decimal key, say): fall back to the file's last change.
  const data = day((touching.at(-1) ?? fileChanges.at(-1))?.date ?? "") || undefined;
  const first = touching[0] ? day(touching[0].date) : undefined;
  const revisions = [...new Set(touching.slice(1).map((c) => day(c.date)))].filter((d) => !first || d > first);
  const declaration = commitDays(root, `src/charts/${chart.spec.id}.ts`);
  const published = declaration[0] ?? first ?? data;
  const updated = [data, declaration.at(-1)].filter((d): d is string => !!d).sort().at(-1);
  return { data, published, updated, revisions };
}

/** « Données au 3 décembre 2026 », or « Données au : n.d. » without history. */
export function dataDateLine(dates: ChartDates): string {
  return dates.data ? `Données au ${formatDate(dates.data)}` : "Données au : n.d. (historique indisponible pour cette construction)";
}

/** « Graphique mis à jour le 5 décembre 2026 », only when that day is not the day of first publication. */
export function updatedLine(dates: ChartDates): string | undefined {
  if (!dates.updated || !dates.published || dates.updated === dates.published) return undefined;
  return `Graphique mis à jour le ${formatDate(dates.updated)}`;
}

/** Both lines, as one: « Données au 3 décembre 2026 · Graphique mis à jour le 5 décembre 2026 ». */
export function datesLine(dates: ChartDates): string {
  return [dataDateLine(dates), updatedLine(dates)].filter(Boolean).join(" · ");
}

/** The dates line of a chart of the site, its dataset and root taken from the loaded site. */
export function chartDatesLine(site: { catalogue: { root: string; datasets: Map<string, Dataset> } }, chart: RenderedChart): string | undefined {
  const dataset = site.catalogue.datasets.get(chart.spec.dataset);
  return dataset ? datesLine(chartDates(site.catalogue.root, chart, dataset)) : undefined;
}
