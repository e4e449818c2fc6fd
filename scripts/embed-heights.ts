/**
 * `npm run embed:measure`: measures, in Chromium, the height of every embed page at column widths
 * of 280 to 1 280 px, and writes src/charts/embed-heights.json: for each chart, the key of the layout
 * measured and the knots of a piecewise-linear height that the snippet uses without the resize script
 * (src/lib/embed.ts heightCss). Run it when the build says « hauteurs d'intégration à remesurer ».
 *
 * The site is built into a temporary folder first, so the measure is of the current sources.
 * `npm run embed:measure -- <id> …` measures only those charts and keeps the others' measures.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import type { EmbedHeights } from "../src/lib/embed.ts";
import { routes } from "../src/lib/routes.ts";
import { chartLayoutKey, embedHeightsFile, embedHeightsTable, longestDatesLines, REVISED_TEXT, type EmbedHeightsTable } from "../src/site/embed-page.ts";
import { loadSite } from "../src/site/site.ts";
import { buildSite } from "./build.ts";
import { serveStatic } from "./static-server.ts";

/** At most this many pixels of blank under the content (the promise to newsrooms is 40; 2 px for rounding). */
export const MAX_BLANK = 38;
/** A change of height between two measured widths beyond which every pixel between them is measured. */
const JUMP = 16;
/** Column widths measured: every 4 px, plus both sides of the embeds' breakpoints (480 px, 600 px). */
export const WIDTHS = [...new Set([...Array.from({ length: 251 }, (_, i) => 280 + 4 * i), 480, 481, 599, 600])].sort((a, b) => a - b);

/**
 * The fewest knots found greedily for a function between the content's height and MAX_BLANK above it.
 */
export function fitHeights(measures: [number, number][]): EmbedHeights {
  const ws = measures.map(([w]) => w);
  const hs = measures.map(([, h]) => h);
  // The heights a column between this width and its neighbours may need (a line may wrap anywhere in a
  // 4 px gap; a breakpoint measured 1 px apart switches at once). Knot values are checked at measured
  // widths only, so each is held between the tallest and the shortest of its two gaps.
  const near = (i: number) => [i - 1, i, i + 1].filter((j) => j >= 0 && j < hs.length && (j === i || Math.abs(ws[j]! - ws[i]!) > 1)).map((j) => hs[j]!);
  const floor = hs.map((_, i) => 1 + Math.max(...near(i)));
  const ceiling = hs.map((_, i) => Math.min(...near(i)) + MAX_BLANK);
  const knots: [number, number][] = [[ws[0]!, Math.round((floor[0]! + ceiling[0]!) / 2)]];
  let i = 0;
  while (i < ws.length - 1) {
    const [a, fa] = knots.at(-1)!;
    let reach: [number, number] | undefined;
    for (let j = i + 1; j < ws.length; j++) {
      // The values at ws[j] that keep every measure between a and ws[j] inside its band.
      let lo = floor[j]!;
      let hi = ceiling[j]!;
      for (let s = i + 1; s < j; s++) {
        const t = (ws[s]! - a) / (ws[j]! - a);
        lo = Math.max(lo, fa + (floor[s]! - fa) / t);
        hi = Math.min(hi, fa + (ceiling[s]! - fa) / t);
      }
      if (lo > hi) break;
      reach = [j, (lo + hi) / 2];
    }
    if (!reach) throw new Error(`hauteurs d'intégration : aucune droite possible après ${a} px, la hauteur mesurée saute de plus de ${MAX_BLANK} px`);
    i = reach[0];
    knots.push([ws[i]!, Math.round(reach[1] * 10) / 10]);
  }
  return { knots };
}

async function main(): Promise<void> {
  const root = process.cwd();
  const site = loadSite(root);
  const out = mkdtempSync(join(tmpdir(), "so-embed-heights-"));
  const dist = join(out, "dist");
  buildSite(root, dist);
  const server = await serveStatic(dist, 0, "127.0.0.1");
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
  });
  const only = process.argv.slice(2);
  const unknown = only.filter((id) => !site.charts.has(id));
  if (unknown.length > 0) throw new Error(`graphique inconnu : ${unknown.join(", ")}`);
  // Measures of charts that still exist, kept unless measured again.
  const table: EmbedHeightsTable = Object.fromEntries(Object.entries(embedHeightsTable(root)).filter(([id]) => site.charts.has(id) && only.length > 0 && !only.includes(id)));
  try {
    const page = await browser.newPage({ viewport: { width: 600, height: 800 } });
    const charts = [...site.charts.values()].filter((c) => only.length === 0 || only.includes(c.spec.id));
    for (const chart of charts.sort((a, b) => a.spec.id.localeCompare(b.spec.id))) {
      await page.goto(origin + routes.embed(chart.spec.id), { waitUntil: "load" });
      // The longest texts the chart's lines can have (dates, revision notice), so that a new day or a
      // snippet copied before a revision needs no new measure.
      await page.evaluate(
        ([lines, revised]) => {
          document.querySelector(".f.d")!.replaceChildren(...lines.flatMap((l, i) => (i ? [document.createElement("br"), l] : [l])));
          const notice = document.querySelector(".r[data-revisions] a");
          if (notice) notice.textContent = revised;
        },
        [longestDatesLines(chart, site.catalogue), REVISED_TEXT] as const
      );
      const measure = async (width: number): Promise<[number, number]> => {
        await page.setViewportSize({ width, height: 800 });
        // The height the resize script would post: the content's, after the next frame's layout.
        return [width, await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done(Math.ceil(document.querySelector("main")!.getBoundingClientRect().height)))))];
      };
      const measures: [number, number][] = [];
      for (const width of WIDTHS) measures.push(await measure(width));
      // Where the height jumps between two widths (a legend or a title wrapping), every pixel between them.
      for (const [i, [w, h]] of [...measures.entries()].slice(0, -1)) {
        const [next, hNext] = measures[i + 1]!;
        if (Math.abs(hNext - h) > JUMP) for (let x = w + 1; x < next; x++) measures.push(await measure(x));
      }
      measures.sort((a, b) => a[0] - b[0]);
      table[chart.spec.id] = { key: chartLayoutKey(chart, site.catalogue), ...fitHeights(measures) };
      console.log(`${chart.spec.id} : ${table[chart.spec.id]!.knots.length} points`);
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
  const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(embedHeightsFile(root), JSON.stringify(sorted, null, 1) + "\n");
  console.log(`Hauteurs d'intégration écrites dans ${embedHeightsFile(root)}.`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
