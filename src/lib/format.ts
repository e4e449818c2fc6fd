/** French number and date formats: « 10,2 », « 1 234 », « 21 novembre 2025 ». */
const NNBSP = "\u202f";

export function formatNumber(n: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits }).format(n);
}

/** A value with its unit, French style: « 10,2 Md€ », « 33 % », « 1 200 médecins ». */
export function formatValue(n: number | null | undefined, unit = ""): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "n.d.";
  const num = formatNumber(n);
  if (!unit) return num;
  return `${num}${unit === "%" ? NNBSP : "\u00a0"}${unit}`;
}

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** « 2025 », « novembre 2025 » or « 21 novembre 2025 », as precise as the ISO date given. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  if (!m) return y ?? iso;
  const month = MONTHS[Number(m) - 1] ?? m;
  if (!d) return `${month} ${y}`;
  return `${Number(d) === 1 ? "1er" : Number(d)} ${month} ${y}`;
}

/**
 * A count and its noun, agreed the French way: « 0 autre », « 1 autre », « 2 autres », « 1 234 sources ».
 * Every « et N autres » of the site goes through it, so « et 1 autres » cannot be written.
 */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)}\u00a0${Math.abs(n) >= 2 ? plural : singular}`;
}
