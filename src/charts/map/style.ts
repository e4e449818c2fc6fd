/** The maps' colours and type: one palette, one way of marking what is missing. */

/** Sequential blues, from light to dark; the light end stays clearly apart from the grey n.d. hatch. */
export const PALETTES: Record<number, string[]> = {
  1: ["#2a6fa8"],
  2: ["#8fbbdc", "#0b4680"],
  3: ["#a9cce4", "#4f8fc2", "#0b4680"],
  4: ["#c0d8ec", "#7fb0d6", "#3b7db8", "#0b4680"],
  5: ["#c6dbef", "#8fbbdc", "#5698c8", "#2a6fa8", "#0b4680"]
};
export const INK = "#1b1f24";
export const INK_SOFT = "#4a525c";
export const ND_BG = "#f1efe9";
export const ND_LINE = "#8a8f96";
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
