/** The chart palette: one accent, muted companions, greys for context. Colours pass 3:1 on the page background. */
export const COLORS = {
  accent: "#1f5f8b",
  ink: "#1b1f24",
  inkSoft: "#4a525c",
  grid: "#d9d4c7",
  muted: "#8a929b"
};

/** Categorical series colours, in order of use: accent first, then distinct but quiet hues. */
export const PALETTE = ["#1f5f8b", "#c2571a", "#2f7d5b", "#7b4f9d", "#a5781a", "#b03a5b", "#4f8fbf", "#5d6670", "#8c6d4f"];

/** One colour per scope of the national IJ datasets, the same in every chart: DREES takes the accent. */
export const SCOPE_COLORS: Record<string, string> = {
  "DREES-SAL": "#1f5f8b",
  "REPSS-RG": "#c2571a",
  "CdC-RG": "#2f7d5b",
  "CdC-RG-2024": "#7b4f9d",
  "CdC-ROB": "#a5781a",
  RG: "#8c6d4f",
  "CNAM-AT": "#b03a5b",
  "CNAM-ATMP-RG": "#4f8fbf",
  CNS: "#5d6670",
  "PLFSS-MAL": "#2f7d5b",
  NP: "#8a929b"
};

export function scopeColor(scope: string, fallbackIndex = 0): string {
  return SCOPE_COLORS[scope] ?? PALETTE[fallbackIndex % PALETTE.length]!;
}
