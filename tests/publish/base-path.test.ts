import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "../../scripts/static-server.ts";
import { parseHeadersFile } from "../../src/lib/headers.ts";
import { htmlPages, open } from "../browser/lib.ts";
import { linkChecker, type LinkChecker } from "../content/link-check.ts";
import { isCspMessage, launchBrowser } from "../setup/browser.ts";

/**
 * The site published under a path, as GitHub Pages publishes a project (https://<org>.github.io/sous-objectif/):
 * built by the same command with the one setting SO_BASE_PATH, then every link checked as served under
 * that path, the snippets, oEmbed, feeds and search index read, and the main pages opened in Chromium
 * through the project's server, under the published policy. One extra build (~20 s) for the whole file.
 */
const ROOT = resolve(import.meta.dirname, "..", "..");
const BASE = "/sous-objectif/";
const ORIGIN = "https://redaction.github.io";

let work = "";
let dist = "";
let check: LinkChecker;
let server: Server;
let siteUrl = "";
let browser: Browser;

beforeAll(async () => {
  mkdirSync(resolve(ROOT, ".build"), { recursive: true });
  work = mkdtempSync(resolve(ROOT, ".build", "base-"));
  dist = join(work, "dist");
  const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build.ts")], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, SO_BASE_PATH: BASE, SO_SITE_URL: ORIGIN, SO_DIST: dist }
  });
  if (build.status !== 0) throw new Error(`build with SO_BASE_PATH=${BASE} failed:\n${build.stdout}\n${build.stderr}`);
  check = linkChecker(dist);
  server = await serveStatic(dist, 0);
  const address = server.address();
  siteUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((ok) => server.close(ok));
  if (work) rmSync(work, { recursive: true, force: true });
});

const firstDir = (folder: string) =>
  readdirSync(join(dist, folder), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()[0]!;

describe(`the site built with SO_BASE_PATH=${BASE}`, () => {
  it("keeps its files at the root of dist/ and knows its base (canonical URL, robots.txt)", () => {
    expect(check.base).toBe(BASE);
    expect(check.siteOrigin).toBe(ORIGIN);
    expect(readFileSync(join(dist, "robots.txt"), "utf8")).toContain(`Sitemap: ${ORIGIN}${BASE}sitemap.xml`);
    expect(htmlPages(dist)).toEqual(expect.arrayContaining(["/", "/articles/", "/404.html"]));
  });

  it("every internal link, asset and anchor of every page resolves under the base path", () => {
    expect(check.htmlFiles.length).toBeGreaterThan(50);
    expect(check.htmlFiles.flatMap((f) => check.brokenReferences(f).map((b) => `${check.urlPath(f)}: ${b}`))).toEqual([]);
  });

  it("the sitemap lists every page under the base path, and so does the RSS feed", () => {
    expect(check.brokenSitemapLocs()).toEqual([]);
    const rss = readFileSync(join(dist, "rss.xml"), "utf8");
    const links = [...rss.matchAll(/<link>([^<]*)<\/link>|href="([^"]*)"/g)].map((m) => m[1] ?? m[2]!);
    expect(links.length).toBeGreaterThan(1);
    for (const l of links) expect(l, "feed link").toMatch(new RegExp(`^${ORIGIN}${BASE}`));
  });

  it("the embed snippet and the oEmbed answer point under the base path", () => {
    const id = firstDir("embed");
    const page = readFileSync(join(dist, "graphiques", id, "index.html"), "utf8");
    expect(page).toContain(`src=&quot;${ORIGIN}${BASE}embed/${id}/?publie-le=`);
    expect(page).toContain(`src=&quot;${ORIGIN}${BASE}embed.js&quot;`);
    const oembed = JSON.parse(readFileSync(join(dist, "embed", id, "oembed.json"), "utf8")) as { html: string; provider_url: string; thumbnail_url: string };
    expect(oembed.html).toContain(`src="${ORIGIN}${BASE}embed/${id}/?publie-le=`);
    expect(oembed.provider_url).toBe(`${ORIGIN}${BASE}`);
    expect(oembed.thumbnail_url.startsWith(`${ORIGIN}${BASE}graphiques/${id}/`)).toBe(true);
  });

  it("its _headers rules are written under the base path", () => {
    const rules = parseHeadersFile(readFileSync(join(dist, "_headers"), "utf8"));
    expect(rules.map((r) => r.path).filter((p) => !p.startsWith(BASE))).toEqual([]);
    expect(rules.map((r) => r.path)).toEqual(expect.arrayContaining([`${BASE}*`, BASE, `${BASE}embed/*`]));
  });
});

describe(`the site served under ${BASE}, in Chromium`, () => {
  it("home, an article, a chart page, an embed and the 404 page load everything they need, with no CSP violation", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const article = htmlPages(dist).find((p) => /^\/articles\/[^/]+\/$/.test(p))!;
      const id = firstDir("embed");
      for (const path of ["/", article, `/graphiques/${id}/`, `/embed/${id}/`, "/page-absente/"]) {
        const url = `${siteUrl}${BASE}${path.slice(1)}`;
        const { page, report } = await open(context, url);
        try {
          expect(report.consoleErrors.filter(isCspMessage), `${path}: CSP violations`).toEqual([]);
          expect(report.consoleErrors.filter((m) => !(path === "/page-absente/" && /404/.test(m))), `${path}: console errors`).toEqual([]);
          expect(report.failedRequests.filter((r) => !(path === "/page-absente/" && r === `${url} (404)`)), `${path}: failed requests`).toEqual([]);
          expect(report.foreignRequests, path).toEqual([]);
          // The stylesheet reached the page: the site's colours and layout apply, not the browser's defaults.
          expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily), path).not.toBe("");
        } finally {
          await page.close();
        }
      }
    } finally {
      await context.close();
    }
  });

  it("the search finds pages, and its results lead under the base path", async () => {
    const context = await browser.newContext();
    try {
      const { page, report } = await open(context, `${siteUrl}${BASE}recherche/?q=${encodeURIComponent("arrêts de travail")}`);
      await page.waitForSelector("#resultats li a");
      const hrefs = await page.locator("#resultats li a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.filter((h) => !h.startsWith(BASE))).toEqual([]);
      const response = await page.goto(`${siteUrl}${hrefs[0]}`);
      expect(response?.status()).toBe(200);
      expect(report.consoleErrors).toEqual([]);
      expect(report.failedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
