import type { Catalogue } from "./catalogue.ts";
import { labelOf, type Dataset, type Row } from "./dataset.ts";
import { formatDate, formatNumber } from "./format.ts";

type Where = Record<string, string | number>;

/**
 * A key figure of the home page, declared by the rows it shows: never a number typed in a page.
 * Every row matching `select` is a reading; readings disagree → the range and every source are shown.
 */
export interface KeyFigureSpec {
  id: string;
  dataset: string;
  select: Where;
  /** Rows of the selection kept apart, each group with the reason printed next to it. */
  setAside?: { where: Where[]; reason: string }[];
  /**
   * Who or what the number is about, printed in the big text right after it (« des arrêts contrôlés après
   * ciblage »), so that the figure cannot be quoted without its frame.
   */
  frame?: string;
  /** What is counted, after the number: « d’indemnités journalières maladie versées ». */
  label: string;
  /** Derived datasets: the value column (default `valeur`), its unit as printed, a divisor and decimals (euros → Md€). */
  column?: string;
  unit?: string;
  divide?: number;
  digits?: number;
  /** Who and what is covered, in words (no figure). */
  scope: string;
}

export interface KeyFigure {
  spec: KeyFigureSpec;
  dataset: Dataset;
  readings: Row[];
  setAside: { rows: Row[]; reason: string }[];
  /** « 10,2 », « 965–1 200 », « près de 2 ». */
  value: string;
  /** « Md€ », « médecins », « % ». */
  unit: string;
  /** « en 2023 », « le 21 novembre 2025 ». */
  when: string;
  min: number;
  max: number;
}

/**
 * The home page's figures tell one story: what the arrêts prescribed by liberal doctors cost and weigh,
 * whom the Assurance maladie targeted about it, what its targeted controls found, how doctors answered.
 */
export const HOME_FIGURES: KeyFigureSpec[] = [
  {
    id: "ij-prescrites-2024",
    dataset: "prescriptions-france",
    select: { annee: 2024, poste: "7" },
    column: "montant",
    unit: "Md€",
    divide: 1e9,
    digits: 2,
    frame: "d’IJ prescrites par les médecins libéraux",
    label: "d’indemnités journalières à la suite d’arrêts prescrits par les médecins libéraux",
    scope: "Tous régimes, France entière, euros courants ; prescripteurs hospitaliers exclus (données ouvertes de l’Assurance maladie)."
  },
  {
    id: "medecins-cibles-2023",
    dataset: "campagnes-prescripteurs",
    select: { campagne: "2023", etape: "medecins-identifies" },
    setAside: [
      {
        where: [{ perimetre: "national-selon-france-info" }, { source: "europe1-2023-08-colere-medecins-arrets" }],
        reason: "selon franceinfo, ce chiffre est celui des médecins invités à un entretien, pas des médecins visés par une mise sous objectif"
      },
      { where: [{ perimetre: "usmy-perimetre-incertain" }], reason: "la source ne dit pas si son chiffre vaut pour la France ou pour les seules Yvelines" }
    ],
    frame: "visés par la campagne de mise sous objectif",
    label: "généralistes visés par la campagne de mise sous objectif de l’Assurance maladie",
    scope: "France entière ; chiffres de la Cnam, de la presse et de syndicats ou collectifs de médecins."
  },
  {
    id: "bayonne-2025-11-21",
    dataset: "mobilisation-bayonne",
    select: { indicateur: "medecins-rassembles" },
    frame: "rassemblés devant la CPAM de Bayonne",
    label: "rassemblés devant la caisse primaire d’assurance maladie de Bayonne contre les mises sous objectif",
    scope: "Bayonne (Pyrénées-Atlantiques) ; estimations de presse, aucun comptage officiel trouvé."
  },
  {
    id: "arrets-non-justifies-2024",
    dataset: "controles-assures",
    select: { annee: 2024, indicateur: "part-arrets-non-justifies", perimetre: "arrets-de-travail" },
    frame: "des arrêts ciblés et contrôlés jugés non justifiés",
    label: "des arrêts de travail contrôlés avec examen médical jugés non justifiés et suspendus — parmi les contrôles ciblés, pas parmi tous les arrêts",
    scope: "Contrôles ciblés du service médical de l’Assurance maladie, France entière : les arrêts examinés ont été choisis parce qu’ils semblaient suspects."
  }
];

const matches = (row: Row, where: Where) => Object.entries(where).every(([k, v]) => String(row[k]) === String(v));

/** The unit as printed after a large number: symbols kept (Md€, %), codes turned into words. */
function unitOf(dataset: Dataset, code: Row[string] | undefined): string {
  if (code === null || code === undefined) return "";
  const c = String(code);
  return /[€%]/.test(c) ? c : labelOf(dataset, "unite", c);
}

function whenOf(rows: Row[]): string {
  const dates = [...new Set(rows.map((r) => (r.date !== undefined && r.date !== null ? String(r.date) : r.annee !== undefined && r.annee !== null ? String(r.annee) : "")).filter(Boolean))];
  return dates.map((d) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? `le ${formatDate(d)}` : `en ${formatDate(d)}`)).join(" ou ");
}

/** Resolves a key figure against the data; undefined when its dataset or its rows are missing. */
export function keyFigure(spec: KeyFigureSpec, catalogue: Catalogue): KeyFigure | undefined {
  const dataset = catalogue.datasets.get(spec.dataset);
  if (!dataset) return undefined;
  const column = spec.column ?? "valeur";
  const selected = dataset.rows.filter((r) => matches(r, spec.select) && typeof r[column] === "number");
  const setAside = (spec.setAside ?? []).map((s) => ({ rows: selected.filter((r) => s.where.some((w) => matches(r, w))), reason: s.reason }));
  const apart = new Set(setAside.flatMap((s) => s.rows));
  const readings = selected.filter((r) => !apart.has(r));
  if (readings.length === 0) return undefined;
  const units = spec.unit !== undefined ? [spec.unit] : [...new Set(readings.map((r) => r.unite))];
  if (units.length !== 1) throw new Error(`chiffre clé "${spec.id}" : attendu une seule unité, trouvé ${units.join(", ")}`);
  const values = readings.map((r) => (r[column] as number) / (spec.divide ?? 1));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const qualifs = [...new Set(readings.map((r) => r.qualificatif ?? null))];
  const qualif = min === max && qualifs.length === 1 && qualifs[0] ? `${labelOf(dataset, "qualificatif", qualifs[0])} ` : "";
  return {
    spec,
    dataset,
    readings,
    setAside: setAside.filter((s) => s.rows.length > 0),
    value: min === max ? qualif + formatNumber(min, spec.digits) : `${formatNumber(min, spec.digits)}–${formatNumber(max, spec.digits)}`,
    unit: spec.unit ?? unitOf(dataset, units[0]!),
    when: whenOf(readings),
    min,
    max
  };
}

/** One reading as a short phrase: « près de 1 000 médecins », « 33 % ». */
export function readingText(dataset: Dataset, row: Row): string {
  const qualif = row.qualificatif ? `${labelOf(dataset, "qualificatif", row.qualificatif)} ` : "";
  const unit = unitOf(dataset, row.unite);
  return `${qualif}${formatNumber(row.valeur as number)}${unit ? (unit === "%" ? "\u202f" : "\u00a0") + unit : ""}`;
}
