import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "../../scripts/static-server.ts";
import { isCspMessage, launchBrowser } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";
import { EMBED_ATTRIBUTE } from "../../src/lib/embed.ts";
import { htmlPages, open, pageFile, pagesByType } from "./lib.ts";

/**
 * The published policy in a real browser. The global setup serves the build with the project's own
 * server, which sends dist/_headers (src/lib/headers.ts): every page type is loaded under that policy,
 * its interactive features are used (tabs, sorting, tooltips, legend toggles, map, timeline filter,
 * search, copy buttons), and nothing may be refused or thrown. Then the framing rule, from a page of
 * another origin: an article refuses to be framed, an embed does not.
 */
const { siteUrl, distDir } = builtSite();
const pages = htmlPages(distDir);
/**
 * One page per template: the policy is per section, the features per template. In a family, the first
 * page with a legend, so that the legend toggles are used too.
 */
const html = (path: string) => readFileSync(pageFile(distDir, path), "utf8");
const oneOfEachType = [...pagesByType(pages).values()].map((family) => family.find((p) => html(p).includes('class="chart__legend"')) ?? family[0]!);

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: siteUrl });
});
afterAll(async () => browser?.close());

/** Uses whatever the page offers; returns what it did, so a test can tell a feature was really there. */
async function exercise(page: Page): Promise<string[]> {
  const done: string[] = [];
  const tabs = page.locator("[role=tablist] [role=tab]");
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click();
    done.push("tab");
  }
  if ((await tabs.count()) > 0) await tabs.first().click();
  const sort = page.locator("table[data-sortable] th button").first();
  if ((await sort.count()) > 0) {
    await page.locator("[role=tab]", { hasText: "Tableau" }).first().click({ timeout: 2000 }).catch(() => undefined);
    await sort.click();
    await sort.click();
    done.push("sort");
    if ((await tabs.count()) > 0) await tabs.first().click();
  }
  const mark = page.locator("figure.chart:not(:has(svg.so-carte)) [data-tip]:visible").first();
  if ((await mark.count()) > 0) {
    await mark.hover({ force: true });
    await page.locator(".chart-tip").first().waitFor({ state: "visible", timeout: 5000 });
    done.push("tooltip");
  }
  const legend = page.locator(".chart__legend button:visible").first();
  if ((await legend.count()) > 0) {
    await legend.click();
    await legend.click();
    done.push("legend");
  }
  const departement = page.locator("svg.so-carte a[data-dep]:visible").first();
  if ((await departement.count()) > 0) {
    await departement.hover({ force: true });
    await page.locator("#carte-tip").waitFor({ state: "visible", timeout: 5000 });
    done.push("map");
  }
  if ((await page.locator("[data-timeline-filter]").count()) > 0) {
    if (!(await page.locator(".tl-filter-box").evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator(".tl-filter-box summary").click();
    await page.getByRole("button", { name: "Tout décocher" }).click();
    await page.getByRole("button", { name: "Tout cocher" }).click();
    done.push("timeline");
  }
  const copy = page.locator("button[data-copie]:visible").first();
  if ((await copy.count()) > 0) {
    await copy.click();
    done.push("copy");
  }
  if ((await page.locator("#recherche-page").count()) > 0) {
    await page.locator("#recherche-page").fill("arrêts de travail");
    await page.locator("#resultats li a").first().waitFor({ timeout: 10_000 });
    done.push("search");
  }
  await page.waitForTimeout(100);
  return done;
}

describe("every page type under the published policy", () => {
  it("covers every template of the site, embeds and the 404 page included", () => {
    expect(oneOfEachType).toEqual(expect.arrayContaining(["/", "/404.html", "/articles/", "/recherche/", "/carte/", "/chronologie/"]));
    expect(oneOfEachType.some((p) => p.startsWith("/embed/"))).toBe(true);
    expect(oneOfEachType.some((p) => p.startsWith("/graphiques/") && p !== "/graphiques/")).toBe(true);
  });

  const used = new Set<string>();
  for (const path of oneOfEachType) {
    it(`${path}: sent with its policy; no CSP violation, no console error, features used`, async () => {
      const response = await fetch(siteUrl + path);
      expect(response.headers.get("content-security-policy"), "policy header").toMatch(/^default-src 'self'; script-src 'self'/);
      const { page, report } = await open(context, siteUrl + path);
      try {
        for (const feature of await exercise(page)) used.add(feature);
        expect(report.consoleErrors.filter(isCspMessage), "CSP violations").toEqual([]);
        expect(report.consoleErrors, "console errors").toEqual([]);
        expect(report.failedRequests, "failed requests").toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("the features were really used (a page type losing one would go unnoticed otherwise)", () => {
    expect([...used].sort()).toEqual(["copy", "legend", "map", "search", "sort", "tab", "timeline", "tooltip"]);
  });
});

describe("framing from another origin", () => {
  const article = pages.find((p) => /^\/articles\/[^/]+\/$/.test(p))!;
  const embeds = readdirSync(join(distDir, "embed"), { withFileTypes: true }).filter((e) => e.isDirectory());
  const embed = `/embed/${embeds[0]!.name}/`;
  let newsroom: Server;
  let newsroomUrl = "";
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "so-framing-"));
    writeFileSync(
      join(dir, "index.html"),
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Autre site</title><link rel="icon" href="data:,"></head><body>
      <iframe id="article" src="${siteUrl}${article}" title="article" width="800" height="400"></iframe>
      <iframe id="embed" ${EMBED_ATTRIBUTE}="${embeds[0]!.name}" src="${siteUrl}${embed}" title="embed" width="800" height="400"></iframe>
      <script async src="${siteUrl}/embed.js"></script></body></html>`
    );
    newsroom = await serveStatic(dir, 0);
    const address = newsroom.address();
    newsroomUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  });
  afterAll(async () => {
    await new Promise((ok) => newsroom?.close(ok));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`${article} refuses to be framed, ${embed} is framed, sized by the resize script, with no violation inside`, async () => {
    expect(new URL(newsroomUrl).origin).not.toBe(new URL(siteUrl).origin);
    const { page, report } = await open(context, newsroomUrl);
    try {
      const frameOf = async (id: string) => (await page.locator(`#${id}`).elementHandle())!.contentFrame();
      const embedFrame = (await frameOf("embed"))!;
      await embedFrame.waitForSelector("figure.chart svg", { state: "attached" });
      await page.waitForFunction(() => document.querySelector<HTMLIFrameElement>("#embed")!.style.height !== "");
      expect(embedFrame.url()).toBe(siteUrl + embed);
      // A refused frame shows Chromium's error page, never the article.
      const articleFrame = (await frameOf("article"))!;
      expect(articleFrame.url(), "what the article frame shows").toBe("chrome-error://chromewebdata/");
      expect(report.failedRequests).toEqual([`${siteUrl}${article} (net::ERR_BLOCKED_BY_RESPONSE)`]);
      const refusals = report.consoleErrors.filter(isCspMessage);
      expect(refusals.length, "the refusal is the policy's").toBe(1);
      expect(refusals[0]).toContain(`frame-ancestors 'none'`);
      expect(report.consoleErrors.filter((m) => !isCspMessage(m)), "other console errors").toEqual([]);
    } finally {
      await page.close();
    }
  });
});
