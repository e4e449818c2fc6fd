import type { Catalogue } from "./catalogue.ts";
import type { Dataset, Row } from "./dataset.ts";

/** The derived datasets a département page reads its complete series from. */
export const IJ_DEPARTEMENTS = "ij-prescriptions-departements";
export const PRESCRIPTIONS_FRANCE = "prescriptions-france";
export const DENSITE = "medecins-densite-2025";
const POSTE_IJ = "7";

/** France's IJ rows (poste 7) of the Cnam series, by year: every comparison with France reads them here. */
export function franceIj(catalogue: Catalogue): Map<number, Row> {
  const rows = catalogue.datasets.get(PRESCRIPTIONS_FRANCE)?.rows ?? [];
  return new Map(rows.filter((r) => r.poste === POSTE_IJ).map((r) => [Number(r.annee), r]));
}

export interface DepartementPrescriptions {
  dataset: Dataset;
  /** The département's rows, 2010 to the last year, in year order. */
  rows: Row[];
  /** France's IJ rows (poste 7) by year, for comparison. */
  france: Map<number, Row>;
  last: Row;
  /** Rank of the IJ share in the last year (1 = highest), among `of` départements with a share. */
  rank: { value: number; of: number } | undefined;
  /** The Insee density row of the département (context), if held. */
  density: { dataset: Dataset; row: Row } | undefined;
}

/**
 * What the Cnam series says of one département, read from the derived datasets only: its rows, France's
 * for comparison, its rank, and the Insee density beside it. Undefined when the datasets are absent.
 */
export function departementPrescriptions(catalogue: Catalogue, code: string): DepartementPrescriptions | undefined {
  const dataset = catalogue.datasets.get(IJ_DEPARTEMENTS);
  const france = catalogue.datasets.get(PRESCRIPTIONS_FRANCE);
  if (!dataset || !france) return undefined;
  const rows = dataset.rows.filter((r) => r.departement === code).sort((a, b) => Number(a.annee) - Number(b.annee));
  const last = rows.at(-1);
  if (!last) return undefined;
  const peers = dataset.rows.filter((r) => r.annee === last.annee && typeof r.part_ij === "number");
  const share = last.part_ij;
  const rank = typeof share === "number" ? { value: 1 + peers.filter((r) => (r.part_ij as number) > share).length, of: peers.length } : undefined;
  const densityDataset = catalogue.datasets.get(DENSITE);
  const densityRow = densityDataset?.rows.find((r) => r.departement === code);
  return {
    dataset,
    rows,
    france: franceIj(catalogue),
    last,
    rank,
    density: densityDataset && densityRow ? { dataset: densityDataset, row: densityRow } : undefined
  };
}
