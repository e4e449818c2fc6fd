import type { MapValue } from "./model.ts";

/**
 * Values of a map so far from the others that a reader should be warned: under half, or over twice, the
 * median of the other départements' values (their midpoints when sources disagree). Needs at least four
 * other values to say what « the others » are. Paris at 2,7 days of sick leave per employee in 2010, among
 * départements at 12 to 13, is faithful to its one source, and deserves a footnote rather than silence.
 */
export function farValues(values: MapValue[]): MapValue[] {
  const mid = (v: MapValue) => (v.min + v.max) / 2;
  return values.filter((v) => {
    const others = values.filter((o) => o !== v).map(mid).sort((a, b) => a - b);
    if (others.length < 4) return false;
    const half = others.length / 2;
    const median = others.length % 2 ? others[Math.floor(half)]! : (others[half - 1]! + others[half]!) / 2;
    return median > 0 && (v.max < median / 2 || v.min > median * 2);
  });
}

/** The footnote of such values: « Paris (75) : 2,7 jours, moins de la moitié des autres départements cités ; … ». */
export function farValuesFootnote(far: MapValue[], all: MapValue[], nameOf: (code: string) => string): string[] {
  const mid = (v: MapValue) => (v.min + v.max) / 2;
  return far.map((v) => {
    const others = all.filter((o) => o !== v).map(mid);
    const low = v.max < Math.min(...others);
    return `${nameOf(v.code)} (${v.code})\u00a0: ${v.text}, ${low ? "moins de la moitié" : "plus du double"} des autres départements cités ; c'est bien le chiffre de sa source, à lire avec prudence.`;
  });
}
