import { readFileSync } from "node:fs";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";
import { chartHeights, checkVisibleFocus, horizontalOverflow, htmlPages, open, overflowingElements, pageFile, pagesByType, spread, unnamedCharts } from "./lib.ts";

/**
 * Every page of the built site, as a reader's browser sees it. The list is read from dist/, so a page
 * added by anyone is covered without editing this file.
 *
 * What runs where, and why (CI budget: the whole `npm test` in < 20 minutes on 2 cores):
 * - phone (390×844): every page of a family of up to PHONE_SAMPLE pages, and PHONE_SAMPLE spread over a
 *   larger family (101 départements, the région comparisons…) — console errors, failed and foreign
 *   requests, axe WCAG 2.2 A/AA, charts as named SVG, no horizontal scroll. Every page, without sampling,
 *   is then loaded at 320 px for the reflow check.
 * - desktop (1280×800): every page TYPE (the template a path belongs to: "/", "/carte/", one article…)
 *   and, inside a family of pages built from one template with different data (101 départements,
 *   every chart, every embed…), up to DESKTOP_SAMPLE pages spread over the family, first and last
 *   included. A template bug shows on any member; data-dependent bugs are caught at phone width.
 * - keyboard: for each page type, its first page at both widths, tabbing through the whole page and
 *   comparing the focus style of up to 25 tab stops spread over it.
 * - JavaScript disabled: every page that has a figure.chart (charts are drawn at build time).
 * - 320 px: every page, no horizontal scroll (the WCAG reflow width).
 * One browser for the file, one context per width (tabs are cheap, contexts are not).
 */
const DESKTOP_SAMPLE = 3;
/**
 * At phone width every page of a small family is checked, and up to PHONE_SAMPLE pages spread over a
 * large one (101 département pages share one template): the reflow check below still loads every page.
 */
const PHONE_SAMPLE = 4;

const { siteUrl, distDir } = builtSite();
const pages = htmlPages(distDir);
const types = pagesByType(pages);
const desktopPages = [...types.values()].flatMap((family) => spread(family, DESKTOP_SAMPLE));
const phonePages = [...types.values()].flatMap((family) => spread(family, PHONE_SAMPLE));
const html = (path: string) => readFileSync(pageFile(distDir, path), "utf8");
const withCharts = pages.filter((p) => /<figure\b[^>]*class="chart\b/.test(html(p)));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

function sharedContext(options: Parameters<Browser["newContext"]>[0]): () => BrowserContext {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext(options);
  });
  afterAll(async () => context?.close());
  return () => context;
}

function readerChecks(width: number, height: number, list: string[]) {
  const context = sharedContext({ viewport: { width, height } });
  for (const path of list) {
    it(`${path} at ${width} px: loads cleanly, charts in the HTML, no scroll, no axe violation`, async () => {
      const { page, report } = await open(context(), siteUrl + path);
      try {
        expect(report, "console errors, failed or third-party requests").toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
        expect(await unnamedCharts(page), "figure.chart without a named svg[role=img|group]").toEqual([]);
        const overflow = await horizontalOverflow(page);
        expect(overflow > 0 ? `+${overflow} px: ${(await overflowingElements(page)).join(", ")}` : "none", "horizontal scroll").toBe("none");
        expect(await axeViolations(page), "axe-core WCAG 2.2 A/AA violations").toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
}

describe("the built site", () => {
  it("has the pages a reader expects", () => {
    expect(pages).toEqual(expect.arrayContaining(["/", "/articles/", "/graphiques/"]));
  });
  it("every figure.chart of every page carries its drawing in the HTML (no script needed)", () => {
    const without = withCharts.flatMap((p) => html(p).split(/<figure\b[^>]*class="chart\b/).slice(1).filter((rest) => !/^[\s\S]*?<svg\b[\s\S]*?<\/figure>/.test(rest.split("</figure>")[0] + "</figure>")).map(() => p));
    expect(without).toEqual([]);
  });
});

describe(`every page type at phone width (390 px), every page of a family up to ${PHONE_SAMPLE}, spread over larger ones`, () => readerChecks(390, 844, phonePages));

describe(`every page type at desktop width (1280 px), up to ${DESKTOP_SAMPLE} pages per family`, () => readerChecks(1280, 800, desktopPages));

describe("keyboard: every interactive element shows where the focus is", () => {
  for (const [width, height] of [
    [390, 844],
    [1280, 800]
  ] as const) {
    const context = sharedContext({ viewport: { width, height } });
    for (const [type, family] of types) {
      const path = family[0]!;
      it(`${type} (${path}) at ${width} px`, async () => {
        const { page } = await open(context(), siteUrl + path);
        try {
          const focus = await checkVisibleFocus(page);
          expect(focus.stops, "tab stops reached").toBeGreaterThan(0);
          expect(focus.invisible, `tab stops without a visible focus style (${focus.checked} checked of ${focus.stops})`).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});

describe("charts are drawn without JavaScript", () => {
  const context = sharedContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  it("some page has a chart", () => expect(withCharts.length).toBeGreaterThan(0));
  // Charts are in the HTML of every page that has one (checked on the files, without a browser, above);
  // in the browser, each family of pages with charts is sampled like the desktop sweep.
  for (const path of [...pagesByType(withCharts).values()].flatMap((family) => spread(family, DESKTOP_SAMPLE))) {
    it(`${path}: every figure.chart has an <svg> taller than 50 px`, async () => {
      const { page } = await open(context(), siteUrl + path);
      try {
        const heights = await chartHeights(page);
        expect(heights.length).toBeGreaterThan(0);
        expect(heights.filter((c) => !(c.height > 50))).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe("no horizontal scroll at 320 px (WCAG 1.4.10 reflow)", () => {
  const context = sharedContext({ viewport: { width: 320, height: 640 } });
  it("every page", async () => {
    const overflowing: string[] = [];
    const page = await context().newPage();
    for (const path of pages) {
      await page.goto(siteUrl + path, { waitUntil: "load" });
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) overflowing.push(`${path} (+${overflow} px): ${(await overflowingElements(page, 2)).join(", ")}`);
    }
    await page.close();
    expect(overflowing).toEqual([]);
  }, 300_000);
});
