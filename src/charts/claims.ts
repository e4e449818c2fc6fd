import type { Row } from "../lib/dataset.ts";
import { formatNumber } from "../lib/format.ts";
import type { HeadlineClaim } from "./headline.ts";

/**
 * Directions a headline states, written once and checked on the rows drawn (see headline.ts). Every
 * reading counts: where two sources give a year different figures, the direction must hold for all of them,
 * so a title never rests on the reading that suits it.
 */

interface Series {
  /** The rows of the series the words are about (all rows drawn by default). */
  where?: (r: Row) => boolean;
  /** The comparable value of a row (null when it has none). */
  value: (r: Row) => number | null;
  /** The year of a row; `annee` by default. */
  year?: (r: Row) => number;
  /** Splits the rows into series that must each bear the claim out (« les indicateurs progressent tous »). */
  each?: (r: Row) => string;
}

const n = (v: number) => formatNumber(v, Math.abs(v) < 100 && !Number.isInteger(v) ? 2 : 0);
const list = (vs: number[]) => vs.map(n).join(" / ");

function readings(rows: Row[], s: Series): Map<string, Map<number, number[]>> {
  const year = s.year ?? ((r: Row) => Number(r.annee));
  const out = new Map<string, Map<number, number[]>>();
  for (const r of rows) {
    if (s.where && !s.where(r)) continue;
    const v = s.value(r);
    if (v === null || !Number.isFinite(v)) continue;
    const key = s.each ? s.each(r) : "";
    const byYear = out.get(key) ?? new Map<number, number[]>();
    byYear.set(year(r), [...(byYear.get(year(r)) ?? []), v]);
    out.set(key, byYear);
  }
  return out;
}

/**
 * « ont reculé en 2023 par rapport à 2022 »: every reading of `to` is below (`down`) or above (`up`)
 * every reading of `from`, in each series that has both years; at least one series must have both.
 */
export function change(says: string, s: Series & { from: number; to: number; trend: "up" | "down" }): HeadlineClaim {
  return {
    says,
    check: (rows) => {
      const failures: string[] = [];
      let compared = 0;
      for (const [key, byYear] of readings(rows, s)) {
        const a = byYear.get(s.from);
        const b = byYear.get(s.to);
        if (!a || !b) continue;
        compared++;
        const holds = s.trend === "down" ? Math.max(...b) < Math.min(...a) : Math.min(...b) > Math.max(...a);
        if (!holds) failures.push(`${key ? `${key}: ` : ""}${s.from} ${list(a)}, ${s.to} ${list(b)}`);
      }
      if (compared === 0) return `aucune série avec des valeurs pour ${s.from} et pour ${s.to}`;
      return failures.length ? `${s.trend === "down" ? "pas de baisse" : "pas de hausse"} (${failures.join(" ; ")})` : undefined;
    }
  };
}

/**
 * « ont augmenté chaque année depuis 2012, sauf en 2021 »: from the year after `since` to the last year
 * drawn, each year is above the one before, and each year of `except` is not. A missing year fails: a gap
 * cannot bear out « chaque année ».
 */
export function risesEachYear(says: string, s: Series & { since: number; except?: number[] }): HeadlineClaim {
  return {
    says,
    check: (rows) => {
      const byYear = readings(rows, s).get("") ?? new Map<number, number[]>();
      const last = Math.max(...byYear.keys());
      const failures: string[] = [];
      for (let y = s.since + 1; y <= last; y++) {
        const a = byYear.get(y - 1);
        const b = byYear.get(y);
        if (!a || !b) {
          failures.push(`aucune valeur pour ${a ? y : y - 1}`);
          continue;
        }
        const rose = Math.min(...b) > Math.max(...a);
        const fell = Math.max(...b) <= Math.min(...a);
        if (s.except?.includes(y) ? !fell : !rose) failures.push(`${y - 1} ${list(a)} → ${y} ${list(b)}`);
      }
      if (last <= s.since) return `aucune année après ${s.since}`;
      return failures.length ? failures.join(" ; ") : undefined;
    }
  };
}

/** A claim that needs its own reading of the rows (« plus vite que… »): `check` says what fails, if anything. */
export function claim(says: string, check: (rows: Row[]) => string | undefined): HeadlineClaim {
  return { says, check };
}
