import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes } from "../../src/lib/routes.ts";
import { loadSite } from "../../src/site/site.ts";
import { launchBrowser } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";

/** What a screen-reader or phone user meets: table sort state and announcements, glossary in place, search. */
const { siteUrl } = builtSite();
const site = loadSite();
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function open(path: string, width = 1024): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(siteUrl + path, { waitUntil: "load" });
  return page;
}

describe("sortable tables", () => {
  it("say every column is sortable (aria-sort none) before a click, and announce each sort", async () => {
    const page = await open("/graphiques/ij-depenses-maladie/#panneau-tableau");
    try {
      const table = page.locator("#panneau-tableau table[data-sortable]");
      const states = () => table.locator("thead th").evaluateAll((ths) => ths.map((th) => th.getAttribute("aria-sort")));
      const before = await states();
      expect(before.length).toBeGreaterThan(2);
      expect(new Set(before)).toEqual(new Set(["none"]));
      const status = page.locator("#panneau-tableau [role=status]");
      expect(await status.textContent()).toBe("");
      const header = table.locator("th", { hasText: "Valeur" });
      await header.locator("button").click();
      expect(await header.getAttribute("aria-sort")).toBe("ascending");
      expect((await states()).filter((s) => s === "none")).toHaveLength(before.length - 1);
      expect(await status.textContent()).toBe("Tableau trié par Valeur, ordre croissant.");
      await header.locator("button").click();
      expect(await status.textContent()).toBe("Tableau trié par Valeur, ordre décroissant.");
      await table.locator("th[data-type=text]").first().locator("button").click();
      expect(await header.getAttribute("aria-sort")).toBe("none");
      expect(await status.textContent()).toMatch(/^Tableau trié par .+, ordre alphabétique\.$/);
    } finally {
      await page.close();
    }
  });
});

describe("glossary terms in a dossier", () => {
  const article = site.articles.find((a) => /\bCPAM\b/.test(a.body)) ?? site.articles[0]!;

  it("unfold their definition in place on a tap, and fold it with Escape; the reader stays on the dossier", async () => {
    const page = await open(routes.article(article.slug), 390);
    try {
      const term = page.locator(".prose a.glossary-term").first();
      const id = decodeURIComponent(((await term.getAttribute("href")) ?? "").split("#")[1] ?? "");
      const entry = site.glossary.entries.find((e) => e.id === id)!;
      expect(entry, `glossary entry of ${id}`).toBeDefined();
      expect(await term.getAttribute("aria-expanded")).toBe("false");
      const box = page.locator(`#${await term.getAttribute("aria-controls")}`);
      expect(await box.isVisible()).toBe(false);
      await term.click();
      expect(page.url()).toBe(siteUrl + routes.article(article.slug));
      expect(await term.getAttribute("aria-expanded")).toBe("true");
      expect(await box.isVisible()).toBe(true);
      const text = ((await box.textContent()) ?? "").replace(/\s+/g, " ");
      expect(text).toContain(entry.terme);
      expect(text).toContain(entry.definition.replace(/\s+/g, " ").slice(0, 40).replace(/'/g, "’"));
      expect(await box.locator("a").getAttribute("href")).toMatch(new RegExp(`#${id}$`));
      // Below the term, within the reading column: the text stays where it was.
      const [t, b] = [await term.boundingBox(), await box.boundingBox()];
      expect(b!.y).toBeGreaterThanOrEqual(t!.y);
      await box.locator("a").focus();
      await page.keyboard.press("Escape");
      expect(await box.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.classList.contains("glossary-term"))).toBe(true);
      await page.keyboard.press(" ");
      expect(await box.isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe("search page", () => {
  async function results(page: Page, query: string): Promise<{ kind: string; href: string }[]> {
    await page.locator("#recherche-page").fill(query);
    await page.locator("#recherche-page-form button[type=submit]").click();
    await page.waitForFunction((q) => (document.getElementById("resultats-etat")?.textContent ?? "").includes(`« ${q} »`), query);
    return page.locator("#resultats li").evaluateAll((lis) => lis.map((li) => ({ kind: li.querySelector(".kicker")?.textContent ?? "", href: li.querySelector("h2 a")?.getAttribute("href") ?? "" })));
  }

  it("has one search landmark, lists dossiers before datasets, and links glossary hits to the term", async () => {
    const page = await open(routes.search());
    try {
      expect(await page.locator("[role=search], search").count()).toBe(1);
      const bayonne = await results(page, "Bayonne");
      expect(bayonne[0]?.kind, JSON.stringify(bayonne.slice(0, 4))).toBe("Dossier");
      // The dataset behind the story (« mobilisation-bayonne ») matches the word as well: it comes after.
      const firstDataset = bayonne.findIndex((r) => r.kind === "Données");
      expect(firstDataset, JSON.stringify(bayonne)).toBeGreaterThan(0);
      const carence = (await results(page, "carence")).filter((r) => r.kind === "Glossaire");
      expect(carence.length).toBeGreaterThan(0);
      expect(carence[0]!.href).toMatch(new RegExp(`${routes.glossary()}#delai-de-carence$`));
    } finally {
      await page.close();
    }
  });

  it("other pages keep the header's search: one landmark there too", async () => {
    const page = await open(routes.glossary());
    try {
      expect(await page.locator("[role=search], search").count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});
