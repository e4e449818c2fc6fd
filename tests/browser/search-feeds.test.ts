import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFERENCE_DATASET } from "../../src/lib/catalogue.ts";
import { routes } from "../../src/lib/routes.ts";
import { searchKind } from "../../src/lib/search.ts";
import { loadSite } from "../../src/site/site.ts";
import { axeViolations, builtPages, launchBrowser, visit } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";

/** Site search (pagefind, in Chromium) and the feeds (RSS, sitemap), checked against the built site. */
const { siteUrl, distDir } = builtSite();
const site = loadSite();
const publicSite = new URL("/", /^Sitemap:\s*(\S+)$/m.exec(readFileSync(join(distDir, "robots.txt"), "utf8"))![1]!).href;
const pages = builtPages(distDir);

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  page = await context.newPage();
  await page.goto(`${siteUrl}/recherche/`);
});
afterAll(async () => browser?.close());

/**
 * Every result URL of a query, through pagefind's own API as the search page loads it. Passed as a
 * string: vitest would otherwise rewrite the dynamic import() before it reaches the browser.
 */
function search(query: string): Promise<string[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import("/pagefind/pagefind.js");
    const result = await pagefind.search(${JSON.stringify(query)});
    const data = await Promise.all(result.results.map((r) => r.data()));
    return data.map((d) => d.url);
  })()`);
}

/** Letters-only words of a Markdown body, code fences and link targets removed, lower-cased. */
function words(markdown: string): Set<string> {
  const text = markdown.replace(/```[\s\S]*?```/g, " ").replace(/\]\([^)]*\)/g, "] ").replace(/<[^>]+>/g, " ");
  return new Set((text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 8));
}

describe("site search (pagefind, French, self-hosted)", () => {
  it("finds an article by a word of its body only (not in its title or summary)", async () => {
    expect(site.articles.length, "articles to search").toBeGreaterThan(0);
    const article = site.articles[0]!;
    const elsewhere = new Set([...words(`${article.title} ${article.summary}`), ...site.articles.slice(1).flatMap((a) => [...words(a.body)])]);
    const word = [...words(article.body)].find((w) => !elsewhere.has(w));
    expect(word, `a word only in the body of ${article.slug}`).toBeDefined();
    expect(await search(word!), `search « ${word} »`).toContain(routes.article(article.slug));
  });

  it("finds every chart by its title", async () => {
    expect(site.charts.size).toBeGreaterThan(0);
    for (const chart of site.charts.values()) expect(await search(chart.spec.title), chart.spec.title).toContain(routes.chart(chart.spec.id));
  });

  it("finds départements by their name", async () => {
    const rows = site.catalogue.datasets.get(REFERENCE_DATASET)!.rows.filter((r) => /^\p{L}+$/u.test(String(r.nom)));
    for (const row of [rows[0]!, rows[Math.floor(rows.length / 2)]!, rows.at(-1)!]) expect(await search(String(row.nom)), String(row.nom)).toContain(routes.departement(String(row.code)));
  });

  it("indexes exactly the content pages (articles, charts, datasets, départements, glossary), in French", () => {
    const entry = JSON.parse(readFileSync(join(distDir, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(["fr"]);
    const searchable = pages.filter((p) => searchKind(p) !== undefined);
    expect(searchable.length).toBeGreaterThan(0);
    expect(entry.languages.fr!.page_count).toBe(searchable.length);
    for (const p of pages) {
      const html = readFileSync(join(distDir, ...p.split("/").filter(Boolean), "index.html"), "utf8");
      expect(html.includes("data-pagefind-body"), p).toBe(searchKind(p) !== undefined);
    }
  });

  it("the search page shows results with JavaScript: clean console, no third party, no axe violation", async () => {
    const chart = [...site.charts.values()][0]!;
    const tab = await context.newPage();
    try {
      const report = await visit(tab, `${siteUrl}/recherche/?q=${encodeURIComponent(chart.spec.title)}`);
      await tab.waitForSelector("#resultats li a");
      expect(await tab.locator("#resultats li a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toContain(routes.chart(chart.spec.id));
      expect(await tab.locator("#resultats-etat").textContent()).toMatch(/\d+ résultats? pour « /);
      expect(await tab.locator("#recherche-page").inputValue()).toBe(chart.spec.title);
      expect(report).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
      expect(await axeViolations(tab)).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it("the header form works without JavaScript: GET /recherche/?q=…, which lists every content", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      const tab = await noJs.newPage();
      await tab.goto(`${siteUrl}/`);
      await tab.locator("#recherche-site").fill("arrêts");
      await Promise.all([tab.waitForURL(/\/recherche\/\?q=arr%C3%AAts$/), tab.locator("#recherche-site").press("Enter")]);
      const links = await tab.locator("main a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      for (const a of site.articles) expect(links).toContain(routes.article(a.slug));
      for (const c of site.charts.values()) expect(links).toContain(routes.chart(c.spec.id));
    } finally {
      await noJs.close();
    }
  });

  it("every page of the site has the search form in its header", () => {
    for (const p of pages.filter((x) => !x.startsWith("/embed/"))) expect(readFileSync(join(distDir, ...p.split("/").filter(Boolean), "index.html"), "utf8"), p).toMatch(/<form[^>]*role="search"[^>]*action="\/recherche\/"/);
  });
});

/** Parses XML with Chromium's strict parser; returns the DOM facts asked for or the parser error. */
async function parseXml<T>(xml: string, read: string): Promise<T | string> {
  return page.evaluate(
    ([text, body]) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const error = doc.getElementsByTagName("parsererror")[0];
      if (error) return `parse error: ${error.textContent}`;
      return new Function("doc", body)(doc);
    },
    [xml, read] as const
  );
}

describe("feeds", () => {
  it("rss.xml is well-formed RSS 2.0 with atom:self and one item per article", async () => {
    const xml = readFileSync(join(distDir, "rss.xml"), "utf8");
    const facts = await parseXml<{ version: string; self: string; links: string[]; dates: string[] }>(
      xml,
      `return {
        version: doc.documentElement.getAttribute("version"),
        self: doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link")[0]?.getAttribute("href"),
        links: [...doc.querySelectorAll("item > link")].map((l) => l.textContent),
        dates: [...doc.querySelectorAll("item > pubDate")].map((l) => l.textContent)
      };`
    );
    if (typeof facts === "string") throw new Error(facts);
    expect(facts.version).toBe("2.0");
    expect(facts.self).toBe(`${publicSite}rss.xml`);
    const articlePages = pages.filter((p) => /^\/articles\/[^/]+\/$/.test(p));
    expect(articlePages.length).toBeGreaterThan(0);
    // One item per article, and one per published correction (content/corrections.yaml), linked to its entry.
    const corrections = facts.links.filter((l) => new URL(l).pathname === "/corrections/");
    expect(corrections.every((l) => /#correction-/.test(l))).toBe(true);
    expect(facts.links.filter((l) => !corrections.includes(l)).sort()).toEqual(articlePages.map((p) => new URL(p, publicSite).href).sort());
    for (const d of facts.dates) expect(Number.isNaN(Date.parse(d)), d).toBe(false);
  });

  it("sitemap.xml is well-formed and lists exactly the built pages (embeds aside)", async () => {
    const xml = readFileSync(join(distDir, "sitemap.xml"), "utf8");
    const locs = await parseXml<string[]>(xml, `return [...doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc")].map((l) => l.textContent);`);
    if (typeof locs === "string") throw new Error(locs);
    const listed = locs.map((l) => {
      expect(l.startsWith(publicSite), l).toBe(true);
      return new URL(l).pathname;
    });
    const expected = pages.filter((p) => !p.startsWith("/embed/"));
    expect(listed.filter((p) => !expected.includes(p)), "listed but not built").toEqual([]);
    expect(expected.filter((p) => !listed.includes(p)), "built but not listed").toEqual([]);
  });

  it("the strict parser does reject broken XML (the checks above can fail)", async () => {
    expect(await parseXml("<rss><channel></rss>", "return 1;")).toMatch(/^parse error/);
  });

  it("robots.txt allows all and names the sitemap", () => {
    expect(readFileSync(join(distDir, "robots.txt"), "utf8")).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${publicSite}sitemap.xml\n`);
  });
});
