import type { Browser, Page } from "playwright-core";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";

/**
 * Print, checked on what a reader gets: Chromium's own PDF (A4), read back with pdf.js. To know whether
 * a figure is split, each figure carries two invisible markers, absolutely placed at its top and at its
 * bottom edge: they print on the page where the figure starts and where it ends, so a figure is whole
 * exactly when both land on one page. The markers are out of flow: they move nothing.
 */
const { siteUrl } = builtSite();
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const FIGURES = "figure, .carte-figure";

interface Printout {
  /** Text of each PDF page, whitespace removed (pdf.js splits runs and lines at will). */
  pages: string[];
  /** Figures whose top and bottom markers are not on one page, or are missing. */
  split: string[];
  figures: number;
}

async function markFigures(page: Page): Promise<number> {
  return page.evaluate((selector) => {
    const figures = [...document.querySelectorAll<HTMLElement>(selector)].filter((f) => !f.parentElement?.closest(selector));
    figures.forEach((f, i) => {
      if (getComputedStyle(f).position === "static") f.style.position = "relative";
      for (const [end, css] of [["START", "top:0"], ["END", "bottom:0"]]) {
        const mark = document.createElement("span");
        mark.textContent = `QQFIG${i}${end}QQ`;
        mark.setAttribute("aria-hidden", "true");
        mark.style.cssText = `position:absolute;left:0;${css};font:1px/1px monospace;color:#fff;white-space:nowrap;pointer-events:none`;
        f.append(mark);
      }
    });
    return figures.length;
  }, FIGURES);
}

async function pdfText(pdf: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: pdf, useSystemFonts: false });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join("").replace(/\s+/g, ""));
  }
  await task.destroy();
  return pages;
}

async function print(page: Page): Promise<Printout> {
  const figures = await markFigures(page);
  const pages = await pdfText(new Uint8Array(await page.pdf({ format: "A4", printBackground: false })));
  const split: string[] = [];
  for (let i = 0; i < figures; i++) {
    const start = pages.findIndex((p) => p.includes(`QQFIG${i}STARTQQ`));
    const end = pages.findIndex((p) => p.includes(`QQFIG${i}ENDQQ`));
    if (start < 0 || end < 0 || start !== end) split.push(`figure ${i + 1}: starts on page ${start + 1}, ends on page ${end + 1}`);
  }
  return { pages, split, figures };
}

/** A4 less the print stylesheet's margins (@page 14mm 13mm 16mm), in CSS pixels (96 per inch). */
const PRINTABLE = { width: Math.floor(((210 - 26) / 25.4) * 96), height: Math.floor(((297 - 30) / 25.4) * 96) };

/** Height of the page laid out for print at the printable width, in printable page heights. */
async function printedHeightInPages(page: Page): Promise<number> {
  const viewport = page.viewportSize();
  await page.setViewportSize(PRINTABLE);
  await page.emulateMedia({ media: "print" });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.emulateMedia({ media: null });
  if (viewport) await page.setViewportSize(viewport);
  return height / PRINTABLE.height;
}

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(siteUrl + path, { waitUntil: "load" });
  return page;
}

const squash = (s: string) => s.replace(/\s+/g, "");

describe("print (Chromium PDF, A4)", () => {
  it("the split detector sees a figure that straddles a page break (control)", async () => {
    const page = await browser.newPage();
    try {
      const doc = (avoid: boolean) =>
        `<!doctype html><html><head><style>@page{margin:14mm 13mm 16mm}body{margin:0}figure{margin:0;height:90mm;background:#eee;${avoid ? "break-inside:avoid" : ""}}</style></head><body><div style="height:230mm">x</div><figure>figure</figure></body></html>`;
      await page.setContent(doc(false));
      const cut = await print(page);
      expect(cut.split).toEqual(["figure 1: starts on page 1, ends on page 2"]);
      await page.setContent(doc(true));
      const whole = await print(page);
      expect(whole.split).toEqual([]);
      expect(whole.pages).toHaveLength(2);
    } finally {
      await page.close();
    }
  });

  it("a dossier prints without the site's navigation, every figure whole, source addresses spelled out, on few pages", async () => {
    const page = await open("/articles/bayonne-medecins-cpam/");
    try {
      const hrefs = await page.locator("main .sources a[href^='http']").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const navText = squash((await page.locator(".site-nav").textContent()) ?? "");
      const out = await print(page);
      const all = out.pages.join("");
      expect(out.figures).toBeGreaterThanOrEqual(2);
      expect(out.split).toEqual([]);
      // No more pages than the printed text needs, laid end to end, plus at most one per figure pushed to the
      // next page to stay whole: no blank pages, no figure alone on a page by rule.
      const needed = await printedHeightInPages(page);
      expect(out.pages.length, `${out.pages.length} A4 pages for ${needed.toFixed(1)} pages of content and ${out.figures} figures`).toBeLessThanOrEqual(Math.ceil(needed) + out.figures);
      expect(navText.length).toBeGreaterThan(20);
      expect(all).not.toContain(navText);
      expect(all).not.toContain("Alleraucontenu");
      expect(all).not.toMatch(/Rechercherundossier/);
      expect(hrefs.length).toBeGreaterThan(0);
      const unprinted = hrefs.filter((h) => !all.includes(squash(h)));
      expect(unprinted).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("a chart page prints the chart, its table and its sources, without the tabs or the journalists' tools", async () => {
    const page = await open("/graphiques/campagnes-medecins/");
    try {
      expect(await page.locator("#panneau-tableau").isHidden()).toBe(true); // on screen, one tab at a time
      // The caption's own text (the sort hint added by the script is a screen-only aid).
      const caption = squash((await page.locator("#panneau-tableau caption").evaluate((c) => c.firstChild?.textContent)) ?? "");
      const firstCell = squash((await page.locator("#panneau-tableau tbody tr:first-child td").first().textContent()) ?? "");
      const source = await page.locator("#panneau-sources .sources a[href^='http']").first().getAttribute("href");
      const out = await print(page);
      const all = out.pages.join("");
      expect(out.figures).toBeGreaterThanOrEqual(1);
      expect(out.split).toEqual([]);
      expect(all).toContain(caption);
      expect(firstCell.length).toBeGreaterThan(0);
      expect(all).toContain(firstCell);
      expect(all).toContain("Sourcescitées");
      expect(all).toContain(squash(source ?? "missing"));
      expect(all).not.toContain("Copierlecode");
      expect(all).not.toContain("Intégrercegraphique");
    } finally {
      await page.close();
    }
  });
});
