import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes } from "../../src/lib/routes.ts";
import { loadSite } from "../../src/site/site.ts";
import { launchBrowser } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";
import { horizontalOverflow } from "./lib.ts";

/** A reader on a phone (390 × 844): compact header, département tables as cards, no title said twice. */
const { siteUrl } = builtSite();
const site = loadSite();
let browser: Browser;
let phone: BrowserContext;
let phoneNoJs: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  phoneNoJs = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
});
afterAll(async () => browser?.close());

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(siteUrl + path, { waitUntil: "load" });
  return page;
}

const headerHeight = (page: Page) => page.locator(".site-header").evaluate((h) => h.getBoundingClientRect().height);
const navShown = (page: Page) => page.locator("#navigation").isVisible();

describe("phone header", () => {
  it("is one row of at most 64 px with a search icon and a menu that opens and closes the navigation", async () => {
    for (const path of [routes.home(), routes.chart([...site.charts.keys()][0]!), routes.departement("64")]) {
      const page = await open(phone, path);
      try {
        expect(await headerHeight(page), path).toBeLessThanOrEqual(64);
        expect(await navShown(page), path).toBe(false);
        expect(await page.locator(".site-header .search-form").isVisible()).toBe(false);
        const search = page.locator(".site-header__tools a", { hasText: "Rechercher" });
        expect(await search.getAttribute("href")).toBe(routes.search());
        const menu = page.locator(".site-header__tools button[aria-controls=navigation]");
        expect(await menu.getAttribute("aria-expanded")).toBe("false");
        await menu.tap();
        expect(await menu.getAttribute("aria-expanded")).toBe("true");
        expect(await navShown(page)).toBe(true);
        expect(await page.locator("#navigation a").count()).toBeGreaterThanOrEqual(6);
        await page.keyboard.press("Escape");
        expect(await navShown(page)).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-controls"))).toBe("navigation");
      } finally {
        await page.close();
      }
    }
  });

  it("without JavaScript, the menu is a link that shows the navigation", async () => {
    const page = await open(phoneNoJs, routes.home());
    try {
      expect(await headerHeight(page)).toBeLessThanOrEqual(64);
      expect(await navShown(page)).toBe(false);
      await page.locator(".site-header__tools a[href='#navigation']").click();
      expect(await navShown(page)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it("on a laptop, the navigation and the search field stay in the header, without the phone buttons", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(siteUrl + routes.home());
      expect(await navShown(page)).toBe(true);
      expect(await page.locator(".site-header .search-form").isVisible()).toBe(true);
      expect(await page.locator(".site-header__tools").isVisible()).toBe(false);
    } finally {
      await page.close();
    }
  });
});

describe("département tables on a phone", () => {
  it("/departements/64/ shows every field of every row as a card, without scrolling sideways", async () => {
    const page = await open(phone, routes.departement("64"));
    try {
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const tables = page.locator("table.table--cards");
      expect(await tables.count()).toBeGreaterThan(0);
      const report = await tables.evaluateAll((ts) =>
        ts.flatMap((t) => {
          const wrap = t.closest(".table-wrap") as HTMLElement | null;
          const problems: string[] = [];
          if (wrap && wrap.scrollWidth > wrap.clientWidth + 1) problems.push(`${t.querySelector("caption")?.textContent}: scrolls by ${wrap.scrollWidth - wrap.clientWidth} px`);
          const columns = t.querySelectorAll("thead th").length;
          for (const row of t.querySelectorAll("tbody tr")) {
            const cells = [...row.querySelectorAll("td")];
            if (cells.length !== columns) problems.push(`a row has ${cells.length} cells for ${columns} columns`);
            for (const cell of cells) {
              const r = cell.getBoundingClientRect();
              const label = getComputedStyle(cell, "::before").content;
              if (cell.textContent?.trim() && (r.width === 0 || r.right > window.innerWidth)) problems.push(`« ${cell.dataset.label} » hidden or cut (right ${Math.round(r.right)})`);
              if (cell.textContent?.trim() && !label.includes(cell.dataset.label ?? "\u0000")) problems.push(`« ${cell.textContent?.trim().slice(0, 20)} » has no label`);
            }
          }
          return problems;
        })
      );
      expect(report).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("/carte/ on a phone", () => {
  it("shows its first map within the first screen (390 × 844)", async () => {
    const page = await phone.newPage();
    try {
      await page.goto(`${siteUrl}/carte/`, { waitUntil: "load" });
      const top = await page.locator("svg.so-carte").first().evaluate((svg) => svg.getBoundingClientRect().top);
      // The top of the map, at least 60 px of it, within the 844 px of the first screen.
      expect(top, "top of the first map").toBeLessThan(844 - 60);
    } finally {
      await page.close();
    }
  });
});

describe("chart pages on a phone", () => {
  it("say the chart's title once, in the h1, so the chart starts higher", async () => {
    const chart = site.charts.get("campagnes-medecins") ?? [...site.charts.values()][0]!;
    const page = await open(phone, routes.chart(chart.spec.id));
    try {
      expect((await page.locator("h1").textContent())?.trim()).toBe(chart.spec.title);
      const shown = await page.evaluate((title) => {
        const all = [...document.querySelectorAll("main *")].filter((e) => e.children.length === 0 && e.textContent?.trim() === title);
        return all.filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== "hidden";
        }).map((e) => e.tagName.toLowerCase());
      }, chart.spec.title);
      expect(shown).toEqual(["h1"]);
      // Still the figure's name for assistive technology.
      expect(await page.locator("figure.chart figcaption .chart__title").textContent()).toBe(chart.spec.title);
    } finally {
      await page.close();
    }
  });
});
