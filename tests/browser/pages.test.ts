import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, builtPages, launchBrowser, visit } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";

const { siteUrl, distDir } = builtSite();
const pages = builtPages(distDir);
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("every built page, in Chromium", () => {
  it("the build has the pages a reader expects", () => {
    expect(pages).toEqual(expect.arrayContaining(["/", "/articles/", "/graphiques/"]));
  });

  for (const path of pages) {
    it(`${path}: loads cleanly, charts in the HTML, no axe violation`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const report = await visit(page, siteUrl + path);
      expect(report).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
      const figures = await page.locator("figure.chart").count();
      expect(await page.locator("figure.chart svg[role=img]").count()).toBe(figures);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it("charts still show with JavaScript disabled", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of pages.filter((p) => p.startsWith("/graphiques/") && p !== "/graphiques/")) {
      await page.goto(siteUrl + path);
      const box = await page.locator("figure.chart svg").first().boundingBox();
      expect(box?.height ?? 0, path).toBeGreaterThan(50);
    }
    await context.close();
  });
});
