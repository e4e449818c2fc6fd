import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rowsFingerprint } from "../charts/headline.ts";
import type { Site } from "./site.ts";

/** A chart whose rows drawn differ from those its headline was reviewed on. */
export interface HeadlineToReview {
  id: string;
  file: string;
  title: string;
  reviewed?: string;
  found: string;
}

/** Every chart of the site whose rows no longer match the fingerprint stored next to its title. */
export function headlinesToReview(site: Site): HeadlineToReview[] {
  const out: HeadlineToReview[] = [];
  for (const chart of site.charts.values()) {
    const dataset = site.catalogue.datasets.get(chart.spec.dataset);
    if (!dataset) continue;
    const found = rowsFingerprint(chart.rows, dataset, chart.spec.columns);
    if (found !== chart.spec.reviewedRows)
      out.push({ id: chart.spec.id, file: `src/charts/${chart.spec.id}.ts`, title: chart.spec.title, ...(chart.spec.reviewedRows ? { reviewed: chart.spec.reviewedRows } : {}), found });
  }
  return out;
}

/**
 * Stores the new fingerprint in the chart module: replaces its `reviewedRows: "…"`, or adds one under its
 * `title:` line. Returns false when the module writes neither (the maintainer pastes the value).
 */
export function acceptHeadline(root: string, h: HeadlineToReview): boolean {
  const path = join(root, h.file);
  if (!existsSync(path)) return false;
  const text = readFileSync(path, "utf8");
  let next: string;
  if (/reviewedRows: "[0-9a-f]*"/.test(text)) next = text.replace(/reviewedRows: "[0-9a-f]*"/, `reviewedRows: "${h.found}"`);
  else {
    const m = /^([ \t]*)title: .*\n/m.exec(text);
    if (!m) return false;
    const at = m.index + m[0].length;
    next = `${text.slice(0, at)}${m[1]}reviewedRows: "${h.found}",\n${text.slice(at)}`;
  }
  writeFileSync(path, next);
  return true;
}
