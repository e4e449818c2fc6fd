import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/lib/catalogue.ts";
import { launchBrowser, visit } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";

/** The timeline (/chronologie/): complete without JavaScript, filterable by type with it, by keyboard. */

const { siteUrl, distDir } = builtSite();
const catalogue = loadCatalogue(process.cwd());
const eventRows = catalogue.datasets.get("evenements")!.rows;
const ids = [...new Set(eventRows.map((r) => String(r.id)))];
const typesOf = (id: string) => new Set(eventRows.filter((r) => r.id === id).map((r) => String(r.type)));
const URL = `${siteUrl}/chronologie/`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const visibleEvents = (page: Page) => page.locator(".tl-event:visible").count();

describe("/chronologie/", () => {
  it("lists every event id of data/evenements.csv in the built HTML", () => {
    const html = readFileSync(join(distDir, "chronologie", "index.html"), "utf8");
    const missing = ids.filter((id) => !html.includes(`id="evenement-${id}"`));
    expect(missing).toEqual([]);
    expect(html.match(/<li class="tl-event"/g)?.length).toBe(ids.length);
    // The filter is an enhancement: hidden in the HTML, shown by the script.
    expect(html).toMatch(/<details[^>]*class="tl-filter-box"[^>]*hidden/);
  });

  it("shows every event without JavaScript, and no inert filter", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(URL);
    expect(await visibleEvents(page)).toBe(ids.length);
    expect(await page.locator("[data-timeline-filter]").isVisible()).toBe(false);
    expect(await page.locator("[data-timeline-count]").textContent()).toContain(`${ids.length} événements`);
    await context.close();
  });

  it("filters by type with JavaScript, by keyboard, and announces the count", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const report = await visit(page, URL);
    expect(report.consoleErrors).toEqual([]);
    const filter = page.locator("[data-timeline-filter]");
    expect(await filter.isVisible()).toBe(true);
    expect(await visibleEvents(page)).toBe(ids.length);
    const status = page.locator("[data-timeline-count]");
    expect(await status.getAttribute("role")).toBe("status");

    // Keyboard: from the summary, Tab reaches the two buttons, then the first type's checkbox.
    await page.locator(".tl-filter-box summary").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? "");
    const first = await page.locator(".tl-filter input[type=checkbox]").first().getAttribute("value");
    expect(focused).toBe(first);
    await page.keyboard.press("Space");
    const withoutFirst = ids.filter((id) => [...typesOf(id)].some((t) => t !== first)).length;
    expect(await visibleEvents(page)).toBe(withoutFirst);
    expect(withoutFirst).toBeLessThan(ids.length);
    expect(await status.textContent()).toBe(`${withoutFirst} événements affichés sur ${ids.length}.`);
    await page.keyboard.press("Space");
    expect(await visibleEvents(page)).toBe(ids.length);

    // « Tout décocher » hides every event and empty years; then one type shows exactly its events.
    await page.getByRole("button", { name: "Tout décocher" }).click();
    expect(await visibleEvents(page)).toBe(0);
    expect(await page.locator(".tl-year:visible").count()).toBe(0);
    await page.locator('.tl-filter input[value="mobilisation"]').check();
    const mobilisations = ids.filter((id) => typesOf(id).has("mobilisation"));
    expect(await visibleEvents(page)).toBe(mobilisations.length);
    for (const id of mobilisations) expect(await page.locator(`#evenement-${id}`).isVisible(), id).toBe(true);
    expect(await status.textContent()).toBe(`${mobilisations.length} événement${mobilisations.length > 1 ? "s" : ""} affiché${mobilisations.length > 1 ? "s" : ""} sur ${ids.length}.`);
    await page.getByRole("button", { name: "Tout cocher" }).click();
    expect(await visibleEvents(page)).toBe(ids.length);
    await context.close();
  });

  it("keeps the filter folded on a phone, openable by keyboard", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(URL);
    const summary = page.locator(".tl-filter-box summary");
    expect(await summary.isVisible()).toBe(true);
    expect(await page.locator(".tl-filter input").first().isVisible()).toBe(false);
    await summary.focus();
    await page.keyboard.press("Enter");
    expect(await page.locator(".tl-filter input").first().isVisible()).toBe(true);
    await context.close();
  });
});
