import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/lib/catalogue.ts";
import { launchBrowser } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";
import { open } from "./lib.ts";

/**
 * Shareable state (issue 12, point 2): what a reader chose — the timeline's types, a chart page's tab,
 * a map's year, a comparison — is in the URL, survives a reload and opens the same view from a copied
 * link in another browser; a link to a state the page cannot show opens its default view, with or
 * without JavaScript. One page load per view where the states can be combined.
 */
const { siteUrl } = builtSite();
const events = loadCatalogue(process.cwd()).datasets.get("evenements")!.rows;
const eventIds = [...new Set(events.map((r) => String(r.id)))];
const mobilisations = new Set(events.filter((r) => r.type === "mobilisation").map((r) => String(r.id))).size;

let browser: Browser;
let context: BrowserContext;
let other: BrowserContext;
let noScript: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  // Another reader, who receives the copied link.
  other = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
});
afterAll(async () => browser?.close());

const visibleEvents = (page: Page) => page.locator(".tl-event:visible").count();
const checkedTypes = (page: Page) => page.locator(".tl-filter input:checked").evaluateAll((bs) => bs.map((b) => (b as HTMLInputElement).value));
const mapYear = (page: Page) => page.locator('.so-carte-fig:has(svg[data-carte="carte-part-ij"]) .so-carte__cadre').first().textContent();
const selectedTab = (page: Page) => page.locator('.chart-tabs__nav [role="tab"][aria-selected="true"]').textContent();
const compared = (page: Page) => page.locator(".comparer__choix li button").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

describe("shareable state", () => {
  it("/chronologie/: the types shown are in the URL, kept by a reload and a copied link; a link the page cannot show opens every event", async () => {
    expect(mobilisations).toBeGreaterThan(0);
    const { page, report } = await open(context, `${siteUrl}/chronologie/`);
    try {
      await page.getByRole("button", { name: "Tout décocher" }).click();
      expect(param(page, "types")).toBe("");
      await page.locator('.tl-filter input[value="mobilisation"]').check();
      expect(param(page, "types")).toBe("mobilisation");
      expect(await visibleEvents(page)).toBe(mobilisations);
      await page.reload();
      expect(await checkedTypes(page)).toEqual(["mobilisation"]);
      expect(await visibleEvents(page)).toBe(mobilisations);
      const copied = await open(other, page.url());
      expect(await checkedTypes(copied.page)).toEqual(["mobilisation"]);
      expect(await visibleEvents(copied.page)).toBe(mobilisations);
      expect(await copied.page.locator("[data-timeline-count]").textContent()).toBe(`${mobilisations} événements affichés sur ${eventIds.length}.`);
      await copied.page.close();
      // Every type checked again: the default view, and no parameter left.
      await page.getByRole("button", { name: "Tout cocher" }).click();
      expect(param(page, "types")).toBeNull();
      expect(report.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
    const unknown = await open(context, `${siteUrl}/chronologie/?types=zzz,%3Cscript%3E`);
    expect(await visibleEvents(unknown.page)).toBe(eventIds.length);
    expect(param(unknown.page, "types")).toBeNull();
    await unknown.page.close();
    const page2 = await noScript.newPage();
    const response = await page2.goto(`${siteUrl}/chronologie/?types=mobilisation`);
    expect(response?.status()).toBe(200);
    expect(await visibleEvents(page2)).toBe(eventIds.length);
    await page2.close();
  });

  it("a chart page: the tab (hash) and the map's year (?annee=) survive a reload and a copied link, together", async () => {
    const { page, report } = await open(context, `${siteUrl}/graphiques/carte-part-ij/?annee=2012`);
    try {
      await page.waitForFunction(() => document.querySelector('.so-carte-fig:has(svg[data-carte="carte-part-ij"]) .so-carte__cadre')?.textContent?.endsWith("2012"));
      await page.getByRole("tab", { name: "Tableau" }).click();
      expect(new URL(page.url()).hash).toBe("#panneau-tableau");
      expect(param(page, "annee")).toBe("2012");
      await page.reload();
      expect(await selectedTab(page)).toBe("Tableau");
      expect(await page.locator("#panneau-graphique").isHidden()).toBe(true);
      await page.waitForFunction(() => document.querySelector('.so-carte-fig:has(svg[data-carte="carte-part-ij"]) .so-carte__cadre')?.textContent?.endsWith("2012"));
      const copied = await open(other, page.url());
      expect(await selectedTab(copied.page)).toBe("Tableau");
      await copied.page.waitForFunction(() => document.querySelector('.so-carte-fig:has(svg[data-carte="carte-part-ij"]) .so-carte__cadre')?.textContent?.endsWith("2012"));
      await copied.page.close();
      // The arrow keys move the tab, and the URL follows.
      await page.getByRole("tab", { name: "Tableau" }).press("ArrowRight");
      expect(await selectedTab(page)).toBe("Sources");
      expect(new URL(page.url()).hash).toBe("#panneau-sources");
      expect(report.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
    // A tab or a year the page does not have: the default view, with and without JavaScript.
    const unknown = await open(context, `${siteUrl}/graphiques/carte-part-ij/?annee=1900#panneau-zzz`);
    expect(await selectedTab(unknown.page)).toBe("Graphique");
    expect(await mapYear(unknown.page)).toMatch(/2024$/);
    await unknown.page.close();
    const plain = await noScript.newPage();
    expect((await plain.goto(`${siteUrl}/graphiques/carte-part-ij/?annee=1900#panneau-zzz`))?.status()).toBe(200);
    expect(await plain.locator("#panneau-tableau").isVisible()).toBe(true);
    expect(await mapYear(plain)).toMatch(/2024$/);
    await plain.close();
  });

  it("/carte/: the year and the comparison reopen together from one link; without JavaScript a bad link shows the default map", async () => {
    const { page, report } = await open(context, `${siteUrl}/carte/?annee=2012&comparer=64,40`);
    try {
      await page.waitForFunction(() => document.querySelector('.so-carte-fig:has(svg[data-carte="carte-part-ij"]) .so-carte__cadre')?.textContent?.endsWith("2012"));
      await page.waitForSelector(".comparer__figure:not([hidden]) svg path");
      const expected = ["Retirer Pyrénées-Atlantiques de la comparaison", "Retirer Landes de la comparaison"];
      expect(await compared(page)).toEqual(expected);
      await page.getByRole("button", { name: "Année suivante" }).first().click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get("annee") === "2013");
      expect(param(page, "comparer")).toBe("64,40");
      const copied = await open(other, page.url());
      await copied.page.waitForFunction(() => document.querySelector('.so-carte-fig:has(svg[data-carte="carte-part-ij"]) .so-carte__cadre')?.textContent?.endsWith("2013"));
      await copied.page.waitForSelector(".comparer__figure:not([hidden]) svg path");
      expect(await compared(copied.page)).toEqual(expected);
      await copied.page.close();
      expect(report.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
    const plain = await noScript.newPage();
    expect((await plain.goto(`${siteUrl}/carte/?annee=1900&comparer=zz,%3Cb%3E`))?.status()).toBe(200);
    expect(await mapYear(plain)).toMatch(/2024$/);
    await plain.close();
  });
});
