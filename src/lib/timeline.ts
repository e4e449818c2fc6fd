import type { Article } from "./articles.ts";
import { labelOf, type Dataset, type Row } from "./dataset.ts";
import { formatDate, formatNumber, formatValue } from "./format.ts";

export const EVENTS_DATASET = "evenements";

/** One source's account of an event: one row of data/evenements.csv. */
export interface Reading {
  row: Row;
  source: string;
  date: string;
  dateEnd: string | null;
  /** « 21 novembre 2025 », « du 1er septembre 2025 au 28 février 2026 ». */
  when: string;
  description: string;
  extrait: string;
  /** « près de 70 participants », or null when the row carries no figure. */
  figure: string | null;
}

export interface TimelineEvent {
  id: string;
  /** Sort key: the earliest start any source gives. */
  start: string;
  year: string;
  title: string;
  /** The date line: one reading, or every distinct reading when the sources disagree. */
  when: string;
  /** Machine-readable date of the headline (the earliest start). */
  datetime: string;
  /** True when sources give incompatible dates: each reading then shows its own. */
  datesDisagree: boolean;
  types: { code: string; label: string }[];
  places: { lieu: string | null; departement: { code: string; nom: string } | null }[];
  /** One line per unit: « 60 à 70 participants selon les sources » or « 7 300 agents ». */
  figures: string[];
  readings: Reading[];
  articles: { slug: string; title: string }[];
}

export interface Timeline {
  /** Newest first: the latest step comes first, the year navigation leads back to 2004. */
  years: { year: string; events: TimelineEvent[] }[];
  /** Event types present, with how many events carry each, in the order of the column dictionary. */
  types: { code: string; label: string; count: number }[];
  count: number;
}

const VOWEL = /^[aeiouyàâéèêîôûh]/i;
const from = (s: string) => (VOWEL.test(s) ? `d’${s}` : `de ${s}`);

/** A date or a period, French style and as precise as given. */
export function formatPeriod(start: string, end: string | null): string {
  if (!end || end === start) return formatDate(start);
  const [y1, m1, d1] = start.split("-");
  const [y2, m2, d2] = end.split("-");
  if (d1 && d2) {
    const first = y1 === y2 ? formatDate(start).replace(/ \d{4}$/, "") : formatDate(start);
    return `du ${first} au ${formatDate(end)}`;
  }
  if (m1 && m2 && !d1 && !d2 && y1 === y2) return `${from(formatDate(start).replace(/ \d{4}$/, ""))} à ${formatDate(end)}`;
  return `${from(formatDate(start))} à ${formatDate(end)}`;
}

/** Two readings of a date agree when one is a more precise form of the other. */
function compatible(a: Reading, b: Reading): boolean {
  const prefix = (x: string, y: string) => x.startsWith(y) || y.startsWith(x);
  if (!prefix(a.date, b.date)) return false;
  if (a.dateEnd && b.dateEnd) return prefix(a.dateEnd, b.dateEnd);
  return true;
}

function figureOf(dataset: Dataset, row: Row): string | null {
  const value = row.valeur;
  if (typeof value !== "number") return null;
  const qualif = row.qualificatif ? `${labelOf(dataset, "qualificatif", row.qualificatif)} ` : "";
  return qualif + amount(dataset, value, row.unite);
}

function amount(dataset: Dataset, value: number, unit: Row[string] | undefined): string {
  if (unit === "pourcent") return formatValue(value, "%");
  return unit ? `${formatNumber(value)}\u00a0${labelOf(dataset, "unite", unit)}` : formatNumber(value);
}

/** Groups the rows of data/evenements.csv by event id: every source's reading kept, nothing picked. */
export function buildTimeline(dataset: Dataset, articles: Article[], departements?: Dataset): Timeline {
  const byId = new Map<string, Row[]>();
  for (const row of dataset.rows) {
    const id = String(row.id);
    const list = byId.get(id);
    if (list) list.push(row);
    else byId.set(id, [row]);
  }
  const names = new Map((departements?.rows ?? []).map((r) => [String(r.code), String(r.nom)]));
  const events: TimelineEvent[] = [];
  for (const [id, rows] of byId) {
    const readings: Reading[] = rows.map((row) => ({
      row,
      source: String(row.source),
      date: String(row.date),
      dateEnd: row.date_fin === null ? null : String(row.date_fin),
      when: formatPeriod(String(row.date), row.date_fin === null ? null : String(row.date_fin)),
      description: String(row.description),
      extrait: String(row.extrait),
      figure: figureOf(dataset, row)
    }));
    const datesDisagree = readings.some((a) => readings.some((b) => !compatible(a, b)));
    // Agreeing readings: show the most complete one (a period over a day, a day over a month).
    const fullest = [...readings].sort((a, b) => Number(!!b.dateEnd) - Number(!!a.dateEnd) || b.date.length - a.date.length)[0]!;
    const when = datesDisagree ? [...new Set(readings.map((r) => r.when))].join(" ou ") : fullest.when;
    const start = readings.map((r) => r.date).sort()[0]!;
    const types = [...new Set(rows.map((r) => String(r.type)))].map((code) => ({ code, label: labelOf(dataset, "type", code) }));
    const placeKeys = new Set<string>();
    const places: TimelineEvent["places"] = [];
    for (const r of rows) {
      if (r.lieu === null && r.departement === null) continue;
      const key = `${r.lieu ?? ""}|${r.departement ?? ""}`;
      if (placeKeys.has(key)) continue;
      placeKeys.add(key);
      const code = r.departement === null ? null : String(r.departement);
      places.push({ lieu: r.lieu === null ? null : String(r.lieu), departement: code === null ? null : { code, nom: names.get(code) ?? code } });
    }
    const figures: string[] = [];
    const units = [...new Set(rows.filter((r) => typeof r.valeur === "number").map((r) => r.unite))];
    for (const unit of units) {
      const values = rows.filter((r) => r.unite === unit && typeof r.valeur === "number");
      const nums = values.map((r) => r.valeur as number);
      const min = Math.min(...nums);
      const max = Math.max(...nums);
      if (values.length === 1) figures.push(figureOf(dataset, values[0]!)!);
      else if (min === max) figures.push(`${amount(dataset, min, unit)} selon ${values.length} sources`);
      else figures.push(`${formatNumber(min)} à ${amount(dataset, max, unit)} selon les sources`);
    }
    events.push({
      id,
      start,
      year: start.slice(0, 4),
      title: String(rows[0]!.titre),
      when,
      datetime: start,
      datesDisagree,
      types,
      places,
      figures,
      readings,
      articles: articles.filter((a) => a.events.includes(id)).map((a) => ({ slug: a.slug, title: a.title }))
    });
  }
  events.sort((a, b) => b.start.localeCompare(a.start) || a.id.localeCompare(b.id));
  const years: Timeline["years"] = [];
  for (const e of events) {
    const last = years.at(-1);
    if (last?.year === e.year) last.events.push(e);
    else years.push({ year: e.year, events: [e] });
  }
  const typeColumn = dataset.meta.columns.find((c) => c.name === "type");
  const types = Object.entries(typeColumn?.values ?? {})
    .map(([code, label]) => ({ code, label, count: events.filter((e) => e.types.some((t) => t.code === code)).length }))
    .filter((t) => t.count > 0);
  return { years, types, count: events.length };
}
