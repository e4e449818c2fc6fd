/**
 * The figures an article states, so that each can be checked against data/: amounts, percentages,
 * counts. Dates, years, legal references and ordinals are not figures and are left out.
 */
export interface TextFigure {
  raw: string;
  value: number;
  decimals: number;
  /** Some words around the figure, for the failure message. */
  context: string;
}

const MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
const NUMBER = /(?<![\p{L}\d,.\-/])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?(?![\d\p{L}])/gu;
const LEGAL_BEFORE = /(n°|no|loi|décret|article|art\.|amendement|articles|alinéa|décision|L|R|D)\s*$/iu;

export function extractFigures(text: string): TextFigure[] {
  const flat = text.replace(/\s+/g, " ");
  const figures: TextFigure[] = [];
  for (const m of flat.matchAll(NUMBER)) {
    const [raw, int, frac] = m;
    const start = m.index;
    const before = flat.slice(Math.max(0, start - 24), start);
    const after = flat.slice(start + raw.length, start + raw.length + 24);
    const digits = int!.replace(/[ \u00a0\u202f]/g, "");
    if (!frac && /^(19|20)\d{2}$/.test(digits)) continue; // a year
    if (new RegExp(`^(er)?\\s+(${MONTHS})`, "iu").test(after)) continue; // a day of a date
    if (/^(er|e|ème|nd|nde)\b/u.test(after)) continue; // an ordinal
    if (/^\s?h\d{0,2}\b/u.test(after)) continue; // a time of day
    if (/^-\d/.test(after) || /\d-$/.test(before)) continue; // a legal or decree number (2004-810)
    if (LEGAL_BEFORE.test(before)) continue;
    const value = Number(`${digits}${frac ? `.${frac}` : ""}`);
    figures.push({ raw, value, decimals: frac?.length ?? 0, context: `${before}${raw}${after}`.trim() });
  }
  return figures;
}

/** Does a stated figure match a data value, allowing the rounding its own decimals imply? */
export function matchesValue(figure: TextFigure, values: Iterable<number>): boolean {
  const tolerance = 0.5 * 10 ** -figure.decimals + 1e-9;
  for (const v of values) if (Math.abs(Math.abs(v) - figure.value) <= tolerance) return true;
  return false;
}
