import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";

/** The chart pages' enhancements, used as a reader would: tabs, sorting, tooltips, series toggles. */
const { siteUrl, distDir } = builtSite();
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(siteUrl + path, { waitUntil: "load" });
  return page;
}

describe("chart page tabs", () => {
  it("become an ARIA tablist driven by the arrow keys; a link to a source opens the Sources panel", async () => {
    const page = await open("/graphiques/campagnes-medecins/");
    try {
      expect(await page.locator("[role=tablist] [role=tab]").allTextContents()).toEqual(["Graphique", "Tableau", "Sources"]);
      const visible = () => page.locator("[role=tabpanel]:not([hidden])").getAttribute("id");
      expect(await visible()).toBe("panneau-graphique");
      await page.locator("[role=tab][aria-selected=true]").focus();
      await page.keyboard.press("ArrowRight");
      expect(await visible()).toBe("panneau-tableau");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Tableau");
      expect(await page.locator("#panneau-tableau-onglet").getAttribute("aria-selected")).toBe("true");
      await page.locator("#panneau-tableau tbody a[href^='#source-']").first().click();
      expect(await visible()).toBe("panneau-sources");
    } finally {
      await page.close();
    }
  });

  it("without JavaScript, the three sections are all there, with anchor links", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl + "/graphiques/ij-journees/");
    expect(await page.locator(".chart-tabs__nav a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(["#panneau-graphique", "#panneau-tableau", "#panneau-sources"]);
    for (const id of ["panneau-graphique", "panneau-tableau", "panneau-sources"]) expect(await page.locator(`#${id}`).isVisible()).toBe(true);
    await context.close();
  });
});

describe("sortable table", () => {
  it("sorts by a column, says so with aria-sort, keeps n.d. last", async () => {
    const page = await open("/graphiques/ij-depenses-maladie/#panneau-tableau");
    try {
      const header = page.locator("#panneau-tableau th", { hasText: "Valeur" });
      const values = () => page.locator("#panneau-tableau tbody tr td:nth-child(5)").evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.sort)));
      await header.locator("button").click();
      expect(await header.getAttribute("aria-sort")).toBe("ascending");
      const up = await values();
      expect(up).toEqual([...up].sort((a, b) => a - b));
      await header.locator("button").click();
      expect(await header.getAttribute("aria-sort")).toBe("descending");
      const down = await values();
      expect(down).toEqual([...up].sort((a, b) => b - a));
    } finally {
      await page.close();
    }
  });
});

describe("tooltips", () => {
  it("show on keyboard focus, move with the arrow keys and are announced", async () => {
    const page = await open("/graphiques/ij-croissance-periodes/");
    try {
      await page.locator("figure.chart .chart__plot").focus();
      const tip = page.locator(".chart-tip");
      expect(await tip.isVisible()).toBe(true);
      const first = await tip.textContent();
      await page.keyboard.press("ArrowRight");
      const second = await tip.textContent();
      expect(second).not.toBe(first);
      expect(await page.locator("figure.chart [aria-live]").textContent()).toContain(second!.slice(0, 10));
      await page.keyboard.press("Escape");
      expect(await tip.isVisible()).toBe(false);
    } finally {
      await page.close();
    }
  });

  it("show on hover, at phone width on the narrow drawing", async () => {
    const page = await open("/graphiques/bayonne-mobilisation/", 390);
    try {
      expect(await page.locator(".chart__variant--narrow").isVisible()).toBe(true);
      const bar = page.locator(".chart__variant--narrow [data-tip]").first();
      await bar.hover();
      const tip = page.locator(".chart-tip");
      expect(await tip.isVisible()).toBe(true);
      expect(await tip.textContent()).toContain("Médecins rassemblés");
      expect(await tip.textContent()).toContain("CDN Data");
    } finally {
      await page.close();
    }
  });
});

describe("legend", () => {
  it("becomes toggles that hide and show their series", async () => {
    const page = await open("/graphiques/ij-depenses-maladie/");
    try {
      const toggle = page.locator(".chart__legend button").first();
      const serie = await page.locator(".chart__legend li").first().getAttribute("data-serie");
      const shown = () => page.locator(`.chart__variant--wide .${serie!}`).evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== "none").length);
      expect(await shown()).toBeGreaterThan(0);
      await toggle.click();
      expect(await toggle.getAttribute("aria-pressed")).toBe("false");
      expect(await shown()).toBe(0);
      await toggle.click();
      expect(await shown()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe("JavaScript budget", () => {
  it("each chart page loads at most 15 KB (gzip) of script", () => {
    const pages = ["ij-depenses-maladie", "campagnes-medecins", "chronologie-evenements"];
    for (const id of pages) {
      const html = readFileSync(join(distDir, "graphiques", id, "index.html"), "utf8");
      const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      const external = [...html.matchAll(/<script\b[^>]*\bsrc="(\/[^"]+)"/g)].map((m) => readFileSync(join(distDir, m[1]!), "utf8"));
      const size = gzipSync([...inline, ...external].join("\n")).length;
      expect(size, `${id}: ${size} bytes of gzipped script`).toBeLessThanOrEqual(15 * 1024);
    }
  });
});
