import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";
import { open } from "./lib.ts";

/** « Comparer avec… » on a département page: keyboard, URL, reload, and the page without JavaScript. */
const { siteUrl } = builtSite();
let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
});
afterAll(async () => browser?.close());

const chosen = (page: import("playwright-core").Page) => page.locator(".comparer__choix li button").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));

describe("comparing départements", () => {
  it("by keyboard: type a name, Enter adds it, the URL records it, a reload reopens it, « Retirer » removes it", async () => {
    const { page, report } = await open(context, `${siteUrl}/departements/64/`);
    try {
      expect(await chosen(page)).toEqual(["Retirer Pyrénées-Atlantiques de la comparaison"]);
      await page.locator("#comparer-choix").focus();
      await page.keyboard.type("Landes (40)");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("comparer") === "64,40");
      await page.waitForSelector(".comparer__figure:not([hidden]) svg path");
      // Two départements and France: three lines, and the table gives every year of each.
      expect(await page.locator(".comparer__svg path").count()).toBe(3);
      expect(await page.locator(".comparer__tableau tbody tr").count()).toBe(15);
      expect(await page.locator(".comparer__tableau thead th").allTextContents()).toEqual(["Année", "Pyrénées-Atlantiques (64)", "Landes (40)", "France"]);
      const url = page.url();
      await page.goto(url);
      await page.waitForSelector(".comparer__figure:not([hidden]) svg path");
      expect(await chosen(page)).toEqual(["Retirer Pyrénées-Atlantiques de la comparaison", "Retirer Landes de la comparaison"]);
      await page.getByRole("button", { name: "Retirer Landes de la comparaison" }).press("Enter");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("comparer") === "64");
      expect(await axeViolations(page)).toEqual([]);
      expect(report.consoleErrors, "no console error").toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("refuses a sixth département and an unknown name, saying why", async () => {
    const { page } = await open(context, `${siteUrl}/departements/64/?comparer=64,40,33,47,24`);
    try {
      await page.waitForSelector(".comparer__figure:not([hidden]) svg path");
      await page.locator("#comparer-choix").fill("Gers (32)");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator(".comparer__message").textContent()).toMatch(/Cinq départements au plus/);
      await page.locator("#comparer-choix").fill("Atlantide");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator(".comparer__message").textContent()).toMatch(/Département inconnu/);
      expect((await chosen(page)).length).toBe(5);
    } finally {
      await page.close();
    }
  });

  it("without JavaScript: the département against France, and a link to its région's comparison, which draws them all", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(`${siteUrl}/departements/64/?comparer=64,40`);
      expect(await page.locator(".comparer__form").isHidden()).toBe(true);
      const href = await page.locator(".comparer__sans-js a").getAttribute("href");
      expect(href).toMatch(/\/departements\/comparer\/75\/$/);
      await page.goto(new URL(href!, siteUrl).href);
      const legend = await page.locator(".chart__legend li").allTextContents();
      expect(legend).toContain("Pyrénées-Atlantiques");
      expect(legend).toContain("Gironde");
      expect(legend.at(-1)).toBe("France");
      expect(await page.locator("figure.chart svg").count()).toBeGreaterThan(0);
    } finally {
      await noJs.close();
    }
  });
});
