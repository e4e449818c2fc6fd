import { formatNumber } from "../../lib/format.ts";
import type { MapValue } from "./model.ts";
import { PALETTES } from "./style.ts";

export interface Classes {
  /** Upper bounds (exclusive) of every class but the last; empty when classes are single values. */
  breaks: number[];
  /** Single values, when there are few: one class each. */
  singles: number[];
  colors: string[];
  labels: string[];
}

/** Rounds to two significant digits: class bounds read as round numbers (230 000, 12), not as data. */
export function roundSignificant(n: number, digits = 2): number {
  if (n === 0) return 0;
  const p = 10 ** (Math.floor(Math.log10(Math.abs(n))) - digits + 1);
  return Math.round(n / p) * p;
}

/**
 * Colour classes. Up to five distinct values: one class per value (every value is named in the
 * legend). More: up to five classes at the quantiles of the values, bounds rounded to two significant digits.
 */
export function classify(values: MapValue[], format: (n: number) => string = (n) => formatNumber(n)): Classes {
  const all = values.flatMap((v) => (v.min === v.max ? [v.min] : [v.min, v.max])).sort((a, b) => a - b);
  const distinct = [...new Set(all)];
  if (distinct.length <= 5) {
    const colors = PALETTES[Math.max(1, distinct.length)]!;
    return { breaks: [], singles: distinct, colors, labels: distinct.map(format) };
  }
  const k = Math.min(5, distinct.length);
  const min = distinct[0]!;
  const max = distinct[distinct.length - 1]!;
  const breaks = [
    ...new Set(
      Array.from({ length: k - 1 }, (_, i) => {
        const q = ((i + 1) / k) * (all.length - 1);
        const lo = all[Math.floor(q)]!;
        const hi = all[Math.ceil(q)]!;
        return roundSignificant(lo + (hi - lo) * (q - Math.floor(q)));
      })
    )
  ]
    .filter((b) => b > min && b <= max)
    .sort((a, b) => a - b);
  const colors = PALETTES[breaks.length + 1]!;
  const labels = breaks.length === 0 ? [format(min)] : [
    `moins de ${format(breaks[0]!)}`,
    ...breaks.slice(1).map((b, i) => `de ${format(breaks[i]!)} à moins de ${format(b)}`),
    `${format(breaks[breaks.length - 1]!)} ou plus`
  ];
  return { breaks, singles: [], colors, labels };
}

export function classOf(classes: Classes, n: number): number {
  if (classes.singles.length > 0) return Math.max(0, classes.singles.indexOf(n));
  let i = 0;
  while (i < classes.breaks.length && n >= classes.breaks[i]!) i++;
  return i;
}
