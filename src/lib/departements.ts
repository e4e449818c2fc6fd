import type { Article } from "./articles.ts";
import { REFERENCE_DATASET, type Catalogue } from "./catalogue.ts";
import { labelOf, type Dataset, type Row } from "./dataset.ts";
import { formatNumber } from "./format.ts";

/**
 * Everything the data say about one département, for its page: the reference row (name, region,
 * population as context), every départemental observation grouped by what it measures, rows of any
 * other dataset with a `departement` column, and the local events with the articles that tell them.
 */

export const OBSERVATIONS = "observations-departementales";
export const EVENTS = "evenements";

export interface Reading {
  value: number;
  /** « près de 70 médecins », « 12,8 jours ». */
  text: string;
  source: string;
}

export interface ObservationGroup {
  indicator: string;
  indicatorLabel: string;
  campaign: string | null;
  campaignLabel: string | null;
  year: number;
  scope: string;
  scopeLabel: string;
  /** The value as shown: one reading, or the range when sources disagree (« 12,2–12,8 jours »). */
  text: string;
  /** Every reading: several when sources disagree or agree; each names its source. */
  readings: Reading[];
  disagree: boolean;
}

export interface LocalEvent {
  id: string;
  /** Every date given for the event (sources may disagree), ISO. */
  dates: string[];
  title: string;
  place: string | null;
  description: string;
  sources: string[];
  articles: { slug: string; title: string }[];
}

export interface DepartementProfile {
  code: string;
  name: string;
  region: string;
  zone: string;
  population: number | null;
  populationYear: number | null;
  populationSource: string;
  observations: ObservationGroup[];
  /** Rows of the other datasets that have a `departement` column. */
  others: { dataset: Dataset; rows: Row[] }[];
  events: LocalEvent[];
  /** Whether any départemental figure or event was found (population aside: it is context). */
  hasData: boolean;
}

function departementColumn(dataset: Dataset): string | undefined {
  return dataset.meta.columns.find((c) => c.type === "departement")?.name;
}

/** The reading of a row: « près de 70 médecins ». */
export function readingText(dataset: Dataset, row: Row): string {
  const unit = row.unite !== undefined && row.unite !== null ? `\u00a0${labelOf(dataset, "unite", row.unite)}` : "";
  const qualifier = row.qualificatif ? `${labelOf(dataset, "qualificatif", row.qualificatif)} ` : "";
  return `${qualifier}${formatNumber(row.valeur as number)}${unit}`;
}

/** Observation rows grouped by figure (key without the source): several sources of one figure stay together. */
export function groupObservations(dataset: Dataset, rows: Row[]): ObservationGroup[] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = [r.indicateur, r.campagne, r.annee, r.perimetre, r.unite].join("|");
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const readings = group.map((r) => ({ value: r.valeur as number, text: readingText(dataset, r), source: String(r.source) }));
    const values = readings.map((r) => r.value);
    const min = Math.min(...values);
    const max = Math.max(...values);
    const unit = first.unite !== null && first.unite !== undefined ? `\u00a0${labelOf(dataset, "unite", first.unite)}` : "";
    return {
      indicator: String(first.indicateur),
      indicatorLabel: labelOf(dataset, "indicateur", first.indicateur ?? null),
      campaign: first.campagne === null || first.campagne === undefined ? null : String(first.campagne),
      campaignLabel: first.campagne === null || first.campagne === undefined ? null : labelOf(dataset, "campagne", first.campagne),
      year: first.annee as number,
      scope: String(first.perimetre),
      scopeLabel: labelOf(dataset, "perimetre", first.perimetre ?? null),
      text: min === max ? readings[0]!.text : `${formatNumber(min)}–${formatNumber(max)}${unit}`,
      readings,
      disagree: min !== max
    };
  });
}

/** Local events of a département, one per event id, with every date and source, and the articles that tell it. */
export function localEvents(events: Dataset | undefined, code: string, articles: Article[]): LocalEvent[] {
  if (!events) return [];
  const byId = new Map<string, Row[]>();
  for (const r of events.rows) if (r.departement === code) byId.set(String(r.id), [...(byId.get(String(r.id)) ?? []), r]);
  return [...byId]
    .map(([id, rows]) => {
      const first = rows[0]!;
      return {
        id,
        dates: [...new Set(rows.map((r) => String(r.date)))].sort(),
        title: String(first.titre),
        place: first.lieu === null || first.lieu === undefined ? null : String(first.lieu),
        description: String(first.description),
        sources: [...new Set(rows.map((r) => String(r.source)))],
        articles: articles.filter((a) => a.events.includes(id)).map((a) => ({ slug: a.slug, title: a.title }))
      };
    })
    .sort((a, b) => a.dates[0]!.localeCompare(b.dates[0]!));
}

export function departementProfile(catalogue: Catalogue, articles: Article[], code: string): DepartementProfile {
  const reference = catalogue.datasets.get(REFERENCE_DATASET);
  const ref = reference?.rows.find((r) => r.code === code);
  if (!ref) throw new Error(`département ${code} : absent de data/${REFERENCE_DATASET}.csv`);
  const observations = catalogue.datasets.get(OBSERVATIONS);
  const groups = observations ? groupObservations(observations, observations.rows.filter((r) => r.departement === code)) : [];
  groups.sort((a, b) => b.year - a.year || a.indicatorLabel.localeCompare(b.indicatorLabel, "fr"));
  const others: DepartementProfile["others"] = [];
  for (const [id, dataset] of catalogue.datasets) {
    // Derived series (Cnam, Insee) cover every département: the page gives them their own section.
    if (id === OBSERVATIONS || id === EVENTS || id === REFERENCE_DATASET || dataset.meta.derived) continue;
    const column = departementColumn(dataset);
    if (!column) continue;
    const rows = dataset.rows.filter((r) => r[column] === code);
    if (rows.length > 0) others.push({ dataset, rows });
  }
  const events = localEvents(catalogue.datasets.get(EVENTS), code, articles);
  return {
    code,
    name: String(ref.nom),
    region: String(ref.region),
    zone: String(ref.zone),
    population: typeof ref.population === "number" ? ref.population : null,
    populationYear: typeof ref.population_annee === "number" ? ref.population_annee : null,
    populationSource: String(ref.source),
    observations: groups,
    others,
    events,
    hasData: groups.length > 0 || others.length > 0 || events.length > 0
  };
}

/** Départements grouped by region (regions and départements in French alphabetical order of name, codes as tie-break). */
export function byRegion(catalogue: Catalogue): { region: string; departements: { code: string; name: string }[] }[] {
  const reference = catalogue.datasets.get(REFERENCE_DATASET)?.rows ?? [];
  const regions = new Map<string, { code: string; name: string }[]>();
  for (const r of reference) regions.set(String(r.region), [...(regions.get(String(r.region)) ?? []), { code: String(r.code), name: String(r.nom) }]);
  return [...regions]
    .sort(([a], [b]) => a.localeCompare(b, "fr"))
    .map(([region, departements]) => ({ region, departements: departements.sort((a, b) => a.code.localeCompare(b.code)) }));
}
