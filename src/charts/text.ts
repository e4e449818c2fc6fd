/**
 * Text measurement without a DOM, for laying out chart labels at build time. Widths are those of
 * DejaVu Sans (the widest of the usual system sans-serif fonts, measured in Chromium, in hundredths of
 * an em): a label that fits with these widths fits with the reader's font too.
 */
const CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ¡¢£¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ’«»–—… €œŒ‘“”→←↑·•≈×−";
const REGULAR = [32,40,46,84,64,95,78,27,39,39,50,84,32,36,32,34,64,64,64,64,64,64,64,64,64,64,34,34,84,84,84,53,100,68,69,70,77,63,58,77,75,29,29,66,56,86,75,79,60,79,69,63,61,73,68,99,69,61,69,39,34,39,84,50,50,61,63,55,63,62,35,63,63,28,28,58,28,97,63,61,63,63,41,52,39,63,59,82,59,59,52,64,34,64,84,32,40,64,64,64,64,34,50,50,100,47,61,84,0,100,50,50,84,40,40,50,64,64,32,50,40,47,61,97,97,97,53,68,68,68,68,68,68,97,70,63,63,63,63,29,29,29,29,77,75,79,79,79,79,79,84,79,73,73,73,73,61,60,63,61,61,61,61,61,61,98,55,62,62,62,62,28,28,28,28,61,63,61,61,61,61,61,84,61,63,63,63,63,59,63,59,32,61,61,50,100,100,20,64,102,107,32,52,52,84,84,84,32,59,84,84,84];
const BOLD = [35,46,52,84,70,100,87,31,46,46,52,84,38,42,38,37,70,70,70,70,70,70,70,70,70,70,40,40,84,84,84,58,100,77,76,73,83,68,68,82,84,37,37,77,64,100,84,85,73,85,77,72,68,81,77,110,77,72,73,46,37,46,84,50,50,67,72,59,72,68,44,72,71,34,34,67,34,104,71,69,72,72,49,60,48,71,65,92,65,65,58,71,37,71,84,35,46,70,70,64,70,37,50,50,100,56,65,84,0,100,50,50,84,44,44,50,74,64,38,50,44,56,65,104,104,104,58,77,77,77,77,77,77,108,73,68,68,68,68,37,37,37,37,84,84,85,85,85,85,85,84,85,81,81,81,81,72,74,72,67,67,67,67,67,67,105,59,68,68,68,68,34,34,34,34,69,71,69,69,69,69,69,84,69,71,71,71,71,65,72,65,38,65,65,50,100,100,20,70,109,117,38,66,66,84,84,84,38,64,84,84,84];

const REGULAR_WIDTH = new Map<string, number>();
const BOLD_WIDTH = new Map<string, number>();
[...CHARS].forEach((c, i) => {
  REGULAR_WIDTH.set(c, REGULAR[i]!);
  BOLD_WIDTH.set(c, BOLD[i]!);
});

/** Approximate rendered width of a text, in pixels. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD_WIDTH : REGULAR_WIDTH;
  let hundredths = 0;
  for (const c of text) hundredths += table.get(c) ?? table.get(c.normalize("NFD")[0] ?? "") ?? (bold ? 72 : 64);
  return (hundredths / 100) * fontSize;
}

/**
 * Breaks a text into lines no wider than maxWidth pixels, at spaces (never inside a word: a word longer
 * than the line gets its own line). No-break spaces (« 10,2 Md€ », « n = 25 ») are kept together.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}
