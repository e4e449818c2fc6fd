import type { Catalogue } from "./catalogue.ts";
import { REFERENCE_DATASET } from "./catalogue.ts";

export interface ComparisonGroup {
  /** URL segment: the région's code, or « outre-mer ». */
  id: string;
  title: string;
  departements: { code: string; name: string }[];
}

/**
 * The static comparisons a département page links to: its région's départements, read from the
 * départements reference; a DROM, alone in its région, is compared with the four others.
 */
export function comparisonGroups(catalogue: Catalogue): ComparisonGroup[] {
  const rows = catalogue.datasets.get(REFERENCE_DATASET)?.rows ?? [];
  const groups = new Map<string, ComparisonGroup>();
  for (const r of rows) {
    const drom = r.zone === "drom";
    const id = drom ? "outre-mer" : String(r.region_code);
    const title = drom ? "les départements d’outre-mer" : `les départements de la région ${String(r.region)}`;
    const group = groups.get(id) ?? { id, title, departements: [] };
    group.departements.push({ code: String(r.code), name: String(r.nom) });
    groups.set(id, group);
  }
  return [...groups.values()];
}

export function groupOf(groups: ComparisonGroup[], code: string): ComparisonGroup | undefined {
  return groups.find((g) => g.departements.some((d) => d.code === code));
}
